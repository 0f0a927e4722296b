import { articleCardResponse } from "../../../../../../_routes/sharing";

type Context = { params: Promise<{ publication: string; date: string; page: string; article: string }> };

export async function GET(_request: Request, { params }: Context) {
  return articleCardResponse(await params);
}
