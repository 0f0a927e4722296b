import { apiResponse } from "@/lib/api/respond";
import { searchJson } from "@/lib/api/v1";

export async function GET(request: Request) {
  return apiResponse(() => searchJson(new URL(request.url).searchParams));
}
