import { sitemapFileResponse } from "../../../_routes/discovery";

type Context = { params: Promise<{ publication: string; file: string }> };

export async function GET(request: Request, { params }: Context) {
  const { publication, file } = await params;
  return sitemapFileResponse(request, publication, file);
}
