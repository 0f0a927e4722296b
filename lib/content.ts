// Shapes of the JSON columns (article body and regions, page image variants),
// validated where they enter the database and typed where they leave it.
import { z } from "zod";

export const bodyBlockSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("paragraph"), text: z.string().min(1).max(20_000) }),
  z.object({ type: z.literal("subhead"), text: z.string().min(1).max(500) }),
  z.object({
    type: z.literal("image"),
    key: z.string().min(1).max(300),
    caption: z.string().max(1000).default(""),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
]);
export const articleBodySchema = z.array(bodyBlockSchema).max(2000);
export type BodyBlock = z.infer<typeof bodyBlockSchema>;

const coordinate = z.number().finite().min(0).max(100_000);
export const regionSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("rect"),
    x: coordinate,
    y: coordinate,
    w: coordinate.positive(),
    h: coordinate.positive(),
  }),
  z.object({
    type: z.literal("polygon"),
    points: z
      .array(z.tuple([coordinate, coordinate]))
      .min(3)
      .max(200),
  }),
]);
export const regionsSchema = z.array(regionSchema).max(50);
export type Region = z.infer<typeof regionSchema>;

export const imageVariantSchema = z.object({
  name: z.string(),
  key: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export const imageVariantsSchema = z.array(imageVariantSchema);
export type ImageVariant = z.infer<typeof imageVariantSchema>;

/** Parses a JSON column read from the database; a malformed value reads as empty rather than breaking a page. */
export function parseJsonColumn<T>(schema: z.ZodType<T[]>, value: unknown): T[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : [];
}
