import { apiResponse } from "@/lib/api/respond";
import { editionJson } from "@/lib/api/v1";
import { decodeSegment } from "@/lib/reading/urls";

type Context = { params: Promise<{ slug: string; date: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { slug, date } = await params;
  return apiResponse(() => editionJson(decodeSegment(slug) ?? "", date));
}
