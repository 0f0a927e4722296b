import { sitemapIndexResponse } from "../_routes/discovery";

export async function GET(request: Request) {
  return sitemapIndexResponse(request);
}
