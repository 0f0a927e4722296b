// The edition bundle's manifest (manifest.json at the root of the ZIP or
// folder), documented in docs/admin.md. Page images are files in the bundle,
// named by relative path.
import { z } from "zod";
import { regionSchema } from "../content";

const relativePath = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (value) =>
      !value.startsWith("/") && !value.includes("\\") && !value.split("/").includes("..") && !/^[a-z]:/i.test(value),
    "路径必须是包内的相对路径（不能含 ../ 或以 / 开头）",
  );

const bodyBlock = z.union([
  z.string().min(1, "段落不能为空").max(20_000),
  z.object({ type: z.literal("paragraph"), text: z.string().min(1).max(20_000) }),
  z.object({ type: z.literal("subhead"), text: z.string().min(1).max(500) }),
]);

export const manifestArticleSchema = z.object({
  /** A name for this article inside the bundle, used by `next` to link a continuation. */
  ref: z.string().min(1).max(64).optional(),
  kicker: z.string().max(200).optional(),
  title: z.string().trim().min(1, "标题不能为空").max(300),
  subtitle: z.string().max(300).optional(),
  byline: z.string().max(200).optional(),
  body: z.array(bodyBlock).max(2000).default([]),
  regions: z.array(regionSchema).max(50).default([]),
  /** `ref` of the part that continues this article on a later page. */
  next: z.string().min(1).max(64).optional(),
});

export const manifestPageSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "版号不能为空")
    .max(16)
    .regex(/^[A-Za-z0-9-]+$/, "版号只能包含字母、数字和连字符"),
  name: z.string().trim().min(1, "版名不能为空").max(100),
  image: relativePath.optional(),
  articles: z.array(manifestArticleSchema).max(200).default([]),
});

export const manifestSchema = z.object({
  version: z.literal(1, { message: "version 必须是 1" }),
  /** Publication slug; the default publication when left out. */
  publication: z.string().min(1).max(64).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式须为 2026-11-25"),
  issueNumber: z.number({ message: "期号须为正整数" }).int("期号须为正整数").positive("期号须为正整数"),
  /** Publish right away (default: stays a draft for checking). */
  publish: z.boolean().default(false),
  pages: z.array(manifestPageSchema).min(1, "至少需要一个版面").max(200),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestArticle = z.infer<typeof manifestArticleSchema>;
