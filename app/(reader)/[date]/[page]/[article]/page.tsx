import { articleMetadata, renderArticle } from "../../../_routes/views";
import { staticParamsForLatest } from "../../../_routes/resolve";

type Props = { params: Promise<{ date: string; page: string; article: string }> };

export async function generateStaticParams() {
  return await staticParamsForLatest();
}

export async function generateMetadata({ params }: Props) {
  return articleMetadata(await params);
}

export default async function ArticleRoute({ params }: Props) {
  return renderArticle(await params);
}
