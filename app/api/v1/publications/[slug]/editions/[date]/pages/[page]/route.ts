import { apiResponse } from "@/lib/api/respond";
import { pageJson } from "@/lib/api/v1";
import { decodeSegment } from "@/lib/reading/urls";

type Context = { params: Promise<{ slug: string; date: string; page: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { slug, date, page } = await params;
  return apiResponse(() => pageJson(decodeSegment(slug) ?? "", date, page));
}
