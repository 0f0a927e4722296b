import { NotFoundView } from "@/components/reader/not-found-view";

export default function ReaderNotFound() {
  return <NotFoundView />;
}
