// The edition bundle's manifest (manifest.json at the root of the ZIP or
// folder), documented in docs/admin.md. Page images and page PDFs are files in
// the bundle, named by relative path.
import { regionSchema } from "../content";
import {
  bylineField,
  issueDateField,
  issueNumberField,
  kickerField,
  pageCodeField,
  pageNameField,
  subtitleField,
  titleField,
} from "../fields";
import { LIMITS } from "../limits";
import { cleanText, z } from "../validation";

const relativePath = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (value) =>
      !value.startsWith("/") && !value.includes("\\") && !value.split("/").includes("..") && !/^[a-z]:/i.test(value),
    "路径必须是包内的相对路径（不能含 ../ 或以 / 开头）",
  );

// Paragraph lengths are not limited here: the import prepares each body like
// the article form does (lib/content.ts prepareBody: paragraphs over the limit
// are split at line breaks and sentence ends; what cannot be split is a problem).
const text = z.string().transform(cleanText);
const bodyBlock = z.union([
  text.pipe(z.string().trim().min(1, "段落不能为空")),
  z.object({ type: z.literal("paragraph"), text }),
  z.object({ type: z.literal("subhead"), text }),
]);

const optional = <T extends z.ZodType>(field: T) => field.optional().transform((value) => value ?? null);

export const manifestArticleSchema = z.object({
  /** A name for this article inside the bundle, used by `next` to link a continuation. */
  ref: z.string().min(1).max(64).optional(),
  kicker: optional(kickerField),
  title: titleField,
  subtitle: optional(subtitleField),
  byline: optional(bylineField),
  body: z.array(bodyBlock).max(LIMITS.article.blocks).default([]),
  regions: z.array(regionSchema).max(LIMITS.regions.perArticle).default([]),
  /** `ref` of the part that continues this article on a later page. */
  next: z.string().min(1).max(64).optional(),
});

export const manifestPageSchema = z.object({
  code: pageCodeField,
  name: pageNameField,
  image: relativePath.optional(),
  /** The page's one-page PDF (本版PDF): rendered into the page image when there is no `image`, its text read either way. */
  pdf: relativePath.optional(),
  articles: z.array(manifestArticleSchema).max(200).default([]),
});

export const manifestSchema = z.object({
  version: z.literal(1, { message: "version 必须是 1" }),
  /** Publication slug; the default publication when left out. */
  publication: z.string().min(1).max(64).optional(),
  date: issueDateField,
  issueNumber: issueNumberField,
  /** Publish right away (default: stays a draft for checking). */
  publish: z.boolean().default(false),
  pages: z.array(manifestPageSchema).min(1, "至少需要一个版面").max(200),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestArticle = z.infer<typeof manifestArticleSchema>;
