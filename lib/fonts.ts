// The one source of CJK fonts for everything the server draws (sample page
// PDFs, share posters): Noto Sans SC and Noto Serif SC, shipped as TTF files by
// npm packages, so a fresh machine needs no system fonts. Not "server-only":
// scripts and worker threads load it without the react-server condition.
import { readFile } from "node:fs/promises";
import path from "node:path";
import subsetFont from "subset-font";

export type CjkFontStyle = "sans" | "serif";
export type CjkFontWeight = "regular" | "bold";

const PACKAGES: Record<CjkFontStyle, { name: string; family: string }> = {
  sans: { name: "@expo-google-fonts/noto-sans-sc", family: "NotoSansSC" },
  serif: { name: "@expo-google-fonts/noto-serif-sc", family: "NotoSerifSC" },
};
const WEIGHTS: Record<CjkFontWeight, string> = { regular: "400Regular", bold: "700Bold" };

/** Absolute path of the TTF file, e.g. …/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf. */
export function cjkFontFile(style: CjkFontStyle, weight: CjkFontWeight): string {
  const { name, family } = PACKAGES[style];
  return path.join(packageFolder(name), WEIGHTS[weight], `${family}_${WEIGHTS[weight]}.ttf`);
}

// The app, scripts and workers all run from the project folder. Not require.resolve: bundled into the
// Next.js server it answers a module id (or fails the build), not a path.
function packageFolder(name: string): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", name);
}

const loaded = new Map<string, Promise<Buffer>>();

/** The whole font file (10–15 MB), read once per process. */
export function cjkFontBytes(style: CjkFontStyle, weight: CjkFontWeight): Promise<Buffer> {
  const key = `${style}-${weight}`;
  let bytes = loaded.get(key);
  if (!bytes) {
    bytes = readFile(cjkFontFile(style, weight));
    loaded.set(key, bytes);
  }
  return bytes;
}

/**
 * A TrueType font holding only the glyphs `text` needs (HarfBuzz's subsetter),
 * small enough to embed in every PDF. pdf-lib's own `subset: true` loses glyphs
 * of these fonts (@pdf-lib/fontkit 1.1.1), so embed the result with `subset: false`.
 */
export async function subsetCjkFont(style: CjkFontStyle, weight: CjkFontWeight, text: string): Promise<Buffer> {
  return subsetFont(await cjkFontBytes(style, weight), text, { targetFormat: "truetype" });
}
