import { NotFoundView } from "@/components/reader/not-found-view";

export const metadata = { title: "找不到该页面", description: "没有这一天、这一版或这篇文章。" };

export default function NotFound() {
  return <NotFoundView />;
}
