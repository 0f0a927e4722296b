import { apiResponse } from "@/lib/api/respond";
import { publicationsJson } from "@/lib/api/v1";

export async function GET() {
  return apiResponse(publicationsJson);
}
