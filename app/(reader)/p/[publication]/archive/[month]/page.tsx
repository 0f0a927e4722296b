import { archiveMetadata, archiveStaticParams, renderArchive } from "../../../../_routes/views";

type Props = { params: Promise<{ publication: string; month: string }> };

export async function generateStaticParams() {
  return (await archiveStaticParams("_")).map((params) => ({ publication: "_", ...params }));
}

export async function generateMetadata({ params }: Props) {
  const { publication, month } = await params;
  return archiveMetadata(publication, month);
}

export default async function ArchiveMonthRoute({ params }: Props) {
  const { publication, month } = await params;
  return renderArchive(publication, month);
}
