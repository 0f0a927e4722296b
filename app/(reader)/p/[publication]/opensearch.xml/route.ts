import { openSearchResponse } from "../../../_routes/discovery";

type Context = { params: Promise<{ publication: string }> };

export async function GET(request: Request, { params }: Context) {
  return openSearchResponse(request, (await params).publication);
}
