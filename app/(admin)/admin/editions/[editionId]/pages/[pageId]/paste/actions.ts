"use server";
import { redirect } from "next/navigation";
import { adminAction } from "@/lib/admin/action";
import { createPastedArticle } from "@/lib/admin/articles";
import { loadEditionOutline } from "@/lib/admin/continuations";
import { formValues, type PasteConfirmState, type PasteParseState } from "@/lib/admin/form-state";
import { suggestContinuation } from "@/lib/admin/paste-suggestions";
import { revalidateReader } from "@/lib/admin/revalidate";
import { articleFieldsSchema, id, ID_MAX, pageRef, submissionKey } from "@/lib/admin/schemas";
import { adminUrls, withNotice } from "@/lib/admin/urls";
import { LIMITS } from "@/lib/limits";
import { parsePastedArticle } from "@/lib/paste/parse";
import { multiLine, z } from "@/lib/validation";

const pasteInput = pageRef.extend({
  raw: multiLine(LIMITS.article.pasteText, "粘贴的内容").pipe(z.string().trim().min(1, "请粘贴文章内容")),
});

/** Step 1: split the pasted text and look for the pages and articles its continuation notes name. Nothing is stored. */
export const parsePaste = adminAction(
  pasteInput,
  async ({ editionId, pageId, raw }, { db, formData }): Promise<PasteParseState> => {
    const article = parsePastedArticle(raw);
    const outline = await loadEditionOutline(db, editionId);
    return {
      parsed: {
        values: {
          kicker: "",
          title: article.title,
          subtitle: "",
          byline: article.byline ?? "",
          body: article.paragraphs.join("\n\n"),
        },
        continuedTo: suggestContinuation(article.continuedTo, article.title, outline, pageId),
        continuedFrom: suggestContinuation(article.continuedFrom, article.title, outline, pageId),
      },
      values: formValues(formData),
    };
  },
  { invalidMessage: "请先粘贴文章内容。" },
);

const choice = z
  .union([z.literal("none"), z.literal("create"), z.string().regex(/^link:\d{1,10}$/)], { message: "无效的转版选择" })
  .default("none")
  .transform((value) => value as "none" | "create" | `link:${number}`);

/** Step 2: store the confirmed article and the chosen continuation links, all or nothing. */
export const savePastedArticle = adminAction(
  articleFieldsSchema.extend({
    editionId: id,
    pageId: id,
    submissionKey,
    toChoice: choice,
    toPageId: z.coerce.number().int().min(0).max(ID_MAX).optional(),
    fromChoice: choice,
  }),
  async (input, { db, user }): Promise<PasteConfirmState> => {
    const created = await createPastedArticle(db, user, input);
    revalidateReader(created.changed);
    const url = adminUrls.article(input.editionId, input.pageId, created.articleId);
    redirect(withNotice(url, created.notes.length ? "article-split" : "article-created"));
  },
);
