// The stored shape of a page's deep-zoom tiles (pages.image_tiles), checked
// where rows are read. Apart from lib/deep-zoom.ts so that the browser's zoom
// code, which imports the tiling math, does not bundle zod.
import { z } from "zod";
import type { DeepZoom } from "./deep-zoom";

export const deepZoomSchema = z.object({
  key: z.string().min(1).max(300),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  tileSize: z.number().int().min(64).max(4096),
  overlap: z.number().int().min(0).max(8),
  format: z.enum(["webp", "jpeg", "png"]),
}) satisfies z.ZodType<DeepZoom>;
