// The fields editors fill in, each checked by one schema wherever it enters
// the system: the admin's forms (lib/admin/schemas.ts), the import manifest
// (lib/import/manifest.ts) and the API. Limits come from lib/limits.ts, page
// codes from lib/reading/page-codes.ts, days from lib/reading/dates.ts: the
// same rules the database and the reader apply.
import { LIMITS } from "./limits";
import { parseIsoDate } from "./reading/dates";
import { isPageCode, normalisePageCode, PAGE_CODE_RULE } from "./reading/page-codes";
import { multiLine, optionalLine, requiredLine, z } from "./validation";

/** Ids are PostgreSQL integers: anything outside 1…2^31-1 cannot name a row. */
export const ID_MAX = 2_147_483_647;

export const pageCodeField = z
  .string({ message: "请填写版号" })
  .transform(normalisePageCode)
  .pipe(
    z
      .string()
      .min(1, "请填写版号")
      .max(LIMITS.page.code, PAGE_CODE_RULE)
      .refine(isPageCode, { message: PAGE_CODE_RULE, abort: true }),
  );

export const pageNameField = requiredLine(LIMITS.page.name, "版名", "版名不能为空");

/** A real calendar day "yyyy-mm-dd" between 1800 and 9999 (what the reader's URLs can show). */
export const issueDateField = z
  .string({ message: "日期格式须为 2026-11-25（年-月-日）" })
  .transform((value, context) => {
    if (!/^\s*\d{4}-\d{2}-\d{2}\s*$/.test(value)) {
      context.addIssue({ code: "custom", message: "日期格式须为 2026-11-25（年-月-日）" });
      return z.NEVER;
    }
    const date = parseIsoDate(value);
    if (!date) {
      context.addIssue({ code: "custom", message: "日期无效：须是 1800 至 9999 年间真实存在的一天" });
      return z.NEVER;
    }
    return date;
  });

export const issueNumberField = z.coerce
  .number({ message: "期号须为数字" })
  .int("期号须为整数")
  .min(1, "期号须大于 0")
  .max(LIMITS.edition.issueNumber, `期号最大为 ${LIMITS.edition.issueNumber}`);

const { article } = LIMITS;
export const kickerField = optionalLine(article.kicker, "引题");
export const titleField = requiredLine(article.title, "标题", "标题不能为空");
export const subtitleField = optionalLine(article.subtitle, "副题");
export const bylineField = optionalLine(article.byline, "署名");

/** Publication slugs appear in reader URLs (/p/{slug}). */
export const PUBLICATION_SLUG = /^[a-z0-9-]{1,64}$/;
export const publicationSlugField = z
  .string({ message: "请填写代号" })
  .trim()
  .min(1, "请填写代号")
  .max(LIMITS.publication.slug, `代号最多 ${LIMITS.publication.slug} 个字符`)
  .regex(PUBLICATION_SLUG, "代号只能包含小写字母、数字和连字符");
export const publicationNameField = requiredLine(LIMITS.publication.name, "报纸名称");
export const publicationDescriptionField = multiLine(LIMITS.publication.description, "简介").transform((value) =>
  value.trim(),
);
