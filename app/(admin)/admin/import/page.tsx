import { requireUser } from "@/lib/auth/session";
import { ImportUpload } from "@/components/admin/import-upload";

export const metadata = { title: "批量导入" };

export default async function ImportRoute() {
  await requireUser();
  return (
    <main className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">批量导入一期报纸</h1>
      <p className="text-neutral-700">
        上传一个 ZIP 包：根目录放 <code>manifest.json</code>（期次、版面、文章和转版链接），以及 manifest
        中引用的版面图。整期在一个事务中导入：只要有一个问题，就什么都不保存，并列出每个问题的位置。格式见
        docs/admin.md。
      </p>
      <ImportUpload />
    </main>
  );
}
