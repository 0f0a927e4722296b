import { redirectToFirstPage } from "../../../_routes/views";
import { staticParamsForLatest } from "../../../_routes/resolve";

type Props = { params: Promise<{ publication: string; date: string }> };

export async function generateStaticParams() {
  return (await staticParamsForLatest("_")).slice(0, 1).map(({ date }) => ({ publication: "_", date }));
}

export default async function EditionRoute({ params }: Props) {
  return redirectToFirstPage(await params);
}
