import { pageMetadata, renderPage } from "../../../../_routes/views";
import { staticParamsForLatest } from "../../../../_routes/resolve";

type Props = { params: Promise<{ publication: string; date: string; page: string }> };

export async function generateStaticParams() {
  return (await staticParamsForLatest("_")).map(({ date, page }) => ({ publication: "_", date, page }));
}

export async function generateMetadata({ params }: Props) {
  return pageMetadata(await params);
}

export default async function PageRoute({ params }: Props) {
  return renderPage(await params);
}
