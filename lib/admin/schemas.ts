// Validation of the admin's form input. The inferred types are the types of validated input.
import { z } from "zod";

// Ids are PostgreSQL integers: anything outside 1…2^31-1 cannot name a row.
export const ID_MAX = 2_147_483_647;

export const id = z.coerce
  .number({ message: "无效的编号" })
  .int("无效的编号")
  .positive("无效的编号")
  .max(ID_MAX, "无效的编号");

/** An id from a URL segment: digits only, within the database's range; null otherwise (the route answers 404). */
export function idParam(segment: string): number | null {
  if (!/^\d{1,10}$/.test(segment)) return null;
  const value = Number(segment);
  return value > 0 && value <= ID_MAX ? value : null;
}

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "请选择日期（格式 2026-11-25）")
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    "日期无效",
  );

export const editionSchema = z.object({
  publicationId: z.coerce.number({ message: "请选择报纸" }).int().positive("请选择报纸").max(ID_MAX, "请选择报纸"),
  issueDate: isoDate,
  issueNumber: z.coerce
    .number({ message: "期号须为数字" })
    .int("期号须为整数")
    .min(1, "期号须大于 0")
    .max(1_000_000, "期号太大"),
});

export const pageSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "请填写版号")
    .max(16, "版号最多 16 个字符")
    .regex(/^[A-Za-z0-9-]+$/, "版号只能包含字母、数字和连字符，例如 A01"),
  name: z.string().trim().min(1, "请填写版名").max(100, "版名最多 100 个字符"),
});

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字符`)
    .transform((value) => value || null);

export const articleFieldsSchema = z.object({
  kicker: optionalText(200, "引题"),
  title: z.string().trim().min(1, "标题不能为空").max(300, "标题最多 300 个字符"),
  subtitle: optionalText(300, "副题"),
  byline: optionalText(200, "署名"),
  body: z.string().max(500_000, "正文太长"),
});
