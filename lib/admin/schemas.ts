// Validation of the admin's form input, built from the shared field schemas
// (lib/fields.ts). The inferred types are the types of validated input.
import {
  bylineField,
  ID_MAX,
  issueDateField,
  issueNumberField,
  kickerField,
  pageCodeField,
  pageNameField,
  publicationDescriptionField,
  publicationNameField,
  publicationSlugField,
  subtitleField,
  titleField,
} from "../fields";
import { LIMITS } from "../limits";
import { multiLine, z } from "../validation";

export { ID_MAX };

export const id = z.coerce
  .number({ message: "无效的编号" })
  .int("无效的编号")
  .positive("无效的编号")
  .max(ID_MAX, "无效的编号");

/** A version number sent back by a form (optimistic locking). */
export const version = z.coerce
  .number({ message: "无效的版本号，请刷新页面" })
  .int("无效的版本号，请刷新页面")
  .positive("无效的版本号，请刷新页面")
  .max(ID_MAX, "无效的版本号，请刷新页面");

/** An id from a URL segment: digits only, within the database's range; null otherwise (the route answers 404). */
export function idParam(segment: string): number | null {
  if (!/^\d{1,10}$/.test(segment)) return null;
  const value = Number(segment);
  return value > 0 && value <= ID_MAX ? value : null;
}

/** The form's id of one submission (a random UUID rendered into the form), so a form sent twice acts once. */
export const submissionKey = z
  .string({ message: "表单已过期，请刷新页面后重试" })
  .regex(/^[0-9a-f-]{16,64}$/i, "表单已过期，请刷新页面后重试");

export const editionSchema = z.object({
  publicationId: z.coerce.number({ message: "请选择报纸" }).int().positive("请选择报纸").max(ID_MAX, "请选择报纸"),
  issueDate: issueDateField,
  issueNumber: issueNumberField,
});

export const editionRef = z.object({ editionId: id });
export const editionUpdateSchema = editionSchema.extend({ editionId: id, version });

export const pageSchema = z.object({ code: pageCodeField, name: pageNameField });
export const pageRef = z.object({ editionId: id, pageId: id });
export const newPageSchema = pageSchema.extend({ editionId: id });
export const pageUpdateSchema = pageSchema.extend({ editionId: id, pageId: id, version });
export const direction = z.enum(["up", "down"], { message: "无效的方向" });

export const articleFieldsSchema = z.object({
  kicker: kickerField,
  title: titleField,
  subtitle: subtitleField,
  byline: bylineField,
  body: multiLine(LIMITS.article.bodyText, "正文"),
});
export type ArticleFields = z.output<typeof articleFieldsSchema>;

export const articleRef = pageRef.extend({ articleId: id });

export const publicationSchema = z.object({
  id: id.optional(),
  slug: publicationSlugField,
  name: publicationNameField,
  description: publicationDescriptionField,
  isDefault: z.literal("on").optional(),
});

/** The region editor sends every article's regions as JSON; lib checks the shapes (regionsSchema). */
export const regionsFormSchema = pageRef.extend({
  version,
  regions: z.string().max(2_000_000, "区域数据太大"),
});
