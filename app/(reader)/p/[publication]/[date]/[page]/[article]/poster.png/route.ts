import { posterResponse } from "../../../../../../_routes/sharing";

type Context = { params: Promise<{ publication: string; date: string; page: string; article: string }> };

export async function GET(request: Request, { params }: Context) {
  return posterResponse(request, await params);
}
