import { apiResponse } from "@/lib/api/respond";
import { editionsJson } from "@/lib/api/v1";
import { decodeSegment } from "@/lib/reading/urls";

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  return apiResponse(() => editionsJson(decodeSegment(slug) ?? "", new URL(request.url).searchParams));
}
