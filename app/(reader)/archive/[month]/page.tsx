import { archiveMetadata, archiveStaticParams, renderArchive } from "../../_routes/views";

type Props = { params: Promise<{ month: string }> };

export async function generateStaticParams() {
  return archiveStaticParams();
}

export async function generateMetadata({ params }: Props) {
  const { month } = await params;
  return archiveMetadata(undefined, month);
}

export default async function ArchiveMonthRoute({ params }: Props) {
  const { month } = await params;
  return renderArchive(undefined, month);
}
