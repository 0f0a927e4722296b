import { apiResponse } from "@/lib/api/respond";
import { articleJson } from "@/lib/api/v1";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  return apiResponse(() => articleJson(id));
}
