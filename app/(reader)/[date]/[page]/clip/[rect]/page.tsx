import { clipMetadata, renderClip } from "../../../../_routes/clips";
import { staticParamsForLatest } from "../../../../_routes/resolve";

/** One clip of the newest edition's first page is built ahead (cacheComponents wants a sample); others render on demand. */
export async function generateStaticParams() {
  return (await staticParamsForLatest()).slice(0, 1).map(({ date, page }) => ({ date, page, rect: "0,0,400,400" }));
}

type Props = { params: Promise<{ publication?: string; date: string; page: string; rect: string }> };

export async function generateMetadata({ params }: Props) {
  return clipMetadata(await params);
}

export default async function ClipRoute({ params }: Props) {
  return renderClip(await params);
}
