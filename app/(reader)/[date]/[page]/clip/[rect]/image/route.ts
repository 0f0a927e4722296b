import { clipImageResponse } from "../../../../../_routes/clips";

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ publication?: string; date: string; page: string; rect: string }> },
) {
  return clipImageResponse(await params);
}
