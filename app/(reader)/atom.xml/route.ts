import { feedResponse } from "../_routes/discovery";

export async function GET(request: Request) {
  return feedResponse(request, undefined, "atom");
}
