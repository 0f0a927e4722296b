// Reading an edition bundle from a folder or a ZIP file, refusing anything
// that could escape the bundle or blow up when unpacked.
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import yauzl from "yauzl";

export const BUNDLE_LIMITS = {
  maxEntries: 2_000,
  /** Sum of uncompressed sizes. */
  maxTotalBytes: 1024 * 1024 * 1024,
  maxFileBytes: 40 * 1024 * 1024,
  /** Uncompressed / compressed, above which an entry is treated as a zip bomb. */
  maxRatio: 200,
} as const;

export type Problem = { place: string; message: string };

export class BundleError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((problem) => `${problem.place}: ${problem.message}`).join("\n"));
  }
}

/** Files of a bundle by relative path ("manifest.json", "pages/a01.png"). */
export type Bundle = { name: string; files: Map<string, Buffer> };

export function isSafeEntryName(name: string): boolean {
  if (!name || name.length > 300 || name.startsWith("/") || name.includes("\\") || /^[a-z]:/i.test(name)) return false;
  return !name.split("/").some((part) => part === ".." || part === ".");
}

export function readZip(zip: Buffer, name = "bundle.zip"): Promise<Bundle> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (error, archive) => {
      if (error || !archive)
        return reject(
          new BundleError([{ place: name, message: `不是有效的 ZIP 文件（${error?.message ?? "无法打开"}）` }]),
        );
      const files = new Map<string, Buffer>();
      const problems: Problem[] = [];
      let entries = 0;
      let total = 0;
      const fail = (problem: Problem) => {
        archive.close();
        reject(new BundleError([...problems, problem]));
      };
      archive.on("error", (zipError: Error) => fail({ place: name, message: `ZIP 文件已损坏：${zipError.message}` }));
      archive.on("entry", (entry: yauzl.Entry) => {
        entries++;
        if (entries > BUNDLE_LIMITS.maxEntries)
          return fail({ place: name, message: `文件太多（最多 ${BUNDLE_LIMITS.maxEntries} 个）` });
        // Names are decoded and checked here (not by yauzl), so the refusal can name the entry.
        const entryName = Buffer.isBuffer(entry.fileName)
          ? (entry.fileName as Buffer).toString("utf8")
          : String(entry.fileName);
        if (!isSafeEntryName(entryName))
          return fail({ place: entryName, message: "不安全的路径（含 ../、绝对路径或反斜杠），已拒绝整个包" });
        if (entryName.endsWith("/")) return archive.readEntry();
        total += entry.uncompressedSize;
        if (total > BUNDLE_LIMITS.maxTotalBytes)
          return fail({
            place: name,
            message: `解压后总大小超过 ${BUNDLE_LIMITS.maxTotalBytes / 1024 / 1024} MB，疑似压缩炸弹，已拒绝`,
          });
        if (entry.uncompressedSize > BUNDLE_LIMITS.maxFileBytes)
          return fail({
            place: entryName,
            message: `文件太大（解压后 ${(entry.uncompressedSize / 1024 / 1024).toFixed(1)} MB，最大 40 MB）`,
          });
        if (
          entry.compressedSize > 0 &&
          entry.uncompressedSize / entry.compressedSize > BUNDLE_LIMITS.maxRatio &&
          entry.uncompressedSize > 1024 * 1024
        ) {
          return fail({ place: entryName, message: "压缩比异常，疑似压缩炸弹，已拒绝" });
        }
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail({ place: entryName, message: `无法读取：${streamError?.message}` });
          const chunks: Buffer[] = [];
          let read = 0;
          stream.on("data", (chunk: Buffer) => {
            read += chunk.length;
            // yauzl checks the declared size too; this guards against a lying header regardless.
            if (read > BUNDLE_LIMITS.maxFileBytes) {
              stream.destroy();
              fail({ place: entryName, message: "文件解压后超过大小限制，已拒绝" });
            } else chunks.push(chunk);
          });
          stream.on("error", (readError: Error) =>
            fail({ place: entryName, message: `无法解压：${readError.message}` }),
          );
          stream.on("end", () => {
            files.set(entryName, Buffer.concat(chunks));
            archive.readEntry();
          });
        });
      });
      archive.on("end", () => resolve({ name, files }));
      archive.readEntry();
    });
  });
}

export async function readFolder(dir: string): Promise<Bundle> {
  const root = path.resolve(dir);
  const files = new Map<string, Buffer>();
  let total = 0;
  async function walk(current: string): Promise<void> {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      // Symbolic links could point outside the bundle: not followed.
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const size = (await stat(full)).size;
        total += size;
        if (files.size >= BUNDLE_LIMITS.maxEntries || total > BUNDLE_LIMITS.maxTotalBytes)
          throw new BundleError([{ place: dir, message: "文件太多或太大" }]);
        files.set(path.relative(root, full).split(path.sep).join("/"), await readFile(full));
      }
    }
  }
  await walk(root);
  return { name: path.basename(root), files };
}

export async function readBundle(location: string): Promise<Bundle> {
  const info = await stat(location).catch(() => null);
  if (!info) throw new BundleError([{ place: location, message: "找不到这个文件或文件夹" }]);
  if (info.isDirectory()) return readFolder(location);
  return readZip(await readFile(location), path.basename(location));
}
