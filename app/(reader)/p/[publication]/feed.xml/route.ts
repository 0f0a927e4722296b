import { feedResponse } from "../../../_routes/discovery";

type Context = { params: Promise<{ publication: string }> };

export async function GET(request: Request, { params }: Context) {
  return feedResponse(request, (await params).publication, "rss");
}
