"use server";
import { redirect } from "next/navigation";
import { adminAction } from "@/lib/admin/action";
import { createArticle as create } from "@/lib/admin/articles";
import type { ArticleFormState } from "@/lib/admin/form-state";
import { revalidateReader } from "@/lib/admin/revalidate";
import { articleFieldsSchema, id, submissionKey } from "@/lib/admin/schemas";
import { adminUrls, withNotice } from "@/lib/admin/urls";

export const createArticle = adminAction(
  articleFieldsSchema.extend({ editionId: id, pageId: id, submissionKey }),
  async (input, { db, user }): Promise<ArticleFormState> => {
    const created = await create(db, user, input);
    revalidateReader(created.changed);
    const url = adminUrls.article(input.editionId, input.pageId, created.articleId);
    redirect(withNotice(url, created.notes.length ? "article-split" : "article-created"));
  },
);
