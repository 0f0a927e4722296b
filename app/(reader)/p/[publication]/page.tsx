import { homeMetadata, renderHome } from "../../_routes/views";

type Props = { params: Promise<{ publication: string }> };

export async function generateStaticParams() {
  return [{ publication: "_" }];
}

export async function generateMetadata({ params }: Props) {
  return homeMetadata((await params).publication);
}

export default async function PublicationHomeRoute({ params }: Props) {
  return renderHome((await params).publication);
}
