import { pageCardResponse } from "../../../../../_routes/sharing";

type Context = { params: Promise<{ publication: string; date: string; page: string }> };

export async function GET(_request: Request, { params }: Context) {
  return pageCardResponse(await params);
}
