import { archiveMetadata, renderArchive } from "../_routes/views";

export const generateMetadata = () => archiveMetadata(undefined);

export default async function ArchiveRoute() {
  return renderArchive(undefined);
}
