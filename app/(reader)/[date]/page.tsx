import { redirectToFirstPage } from "../_routes/views";
import { staticParamsForLatest } from "../_routes/resolve";

type Props = { params: Promise<{ date: string }> };

export async function generateStaticParams() {
  return (await staticParamsForLatest()).slice(0, 1).map(({ date }) => ({ date }));
}

export default async function EditionRoute({ params }: Props) {
  return redirectToFirstPage(await params);
}
