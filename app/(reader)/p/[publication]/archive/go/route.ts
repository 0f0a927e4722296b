import { jumpToDate } from "../../../../_routes/views";

export async function GET(request: Request, { params }: { params: Promise<{ publication: string }> }) {
  return jumpToDate(request, (await params).publication);
}
