import { archiveMetadata, renderArchive } from "../../../_routes/views";

type Props = { params: Promise<{ publication: string }> };

export async function generateStaticParams() {
  return [{ publication: "_" }];
}

export async function generateMetadata({ params }: Props) {
  return archiveMetadata((await params).publication);
}

export default async function PublicationArchiveRoute({ params }: Props) {
  return renderArchive((await params).publication);
}
