import { jumpToDate } from "../../_routes/views";

export async function GET(request: Request) {
  return jumpToDate(request);
}
