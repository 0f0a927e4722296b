import { openSearchResponse } from "../_routes/discovery";

export async function GET(request: Request) {
  return openSearchResponse(request);
}
