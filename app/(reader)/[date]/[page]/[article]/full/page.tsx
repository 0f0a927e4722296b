import { articleMetadata, renderFullArticle } from "../../../../_routes/views";
import { staticParamsForLatest } from "../../../../_routes/resolve";

type Props = { params: Promise<{ date: string; page: string; article: string }> };

export async function generateStaticParams() {
  return (await staticParamsForLatest()).slice(0, 1);
}

export async function generateMetadata({ params }: Props) {
  return articleMetadata(await params, true);
}

export default async function FullArticleRoute({ params }: Props) {
  return renderFullArticle(await params);
}
