// Reading an edition bundle from a folder or a ZIP file, refusing anything
// that could escape the bundle or blow up when unpacked. Nothing is unpacked
// up front: opening a ZIP reads its central directory (names and sizes) and
// checks it; a file's bytes are read when the import asks for it, and the
// import only asks for manifest.json and the images the manifest names. So a
// bundle's size on disk or unpacked does not decide the memory an import takes
// (one image at a time, at most maxFileBytes).
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
  /** The ZIP file as uploaded through the admin. */
  maxZipBytes: 300 * 1024 * 1024,
} as const;

export type Problem = { place: string; message: string };

export class BundleError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((problem) => `${problem.place}: ${problem.message}`).join("\n"));
  }
}

/** A bundle's files by relative path ("manifest.json", "pages/a01.png"), read one at a time. */
export type Bundle = {
  name: string;
  paths: ReadonlySet<string>;
  /** The file's bytes, or null when the bundle has no such file; BundleError when it cannot be read. */
  read(path: string): Promise<Buffer | null>;
  /** Releases the open ZIP file; the bundle cannot be read afterwards. */
  close(): void;
};

export function isSafeEntryName(name: string): boolean {
  if (!name || name.length > 300 || name.startsWith("/") || name.includes("\\") || /^[a-z]:/i.test(name)) return false;
  return !name.split("/").some((part) => part === ".." || part === ".");
}

/** A bundle of files already in memory (tests, the fuzzer). */
export function bundleFromFiles(name: string, files: Map<string, Buffer>): Bundle {
  return {
    name,
    paths: new Set(files.keys()),
    read: async (file) => files.get(file) ?? null,
    close: () => undefined,
  };
}

/** Opens a ZIP file on disk; only its central directory is read now. The caller closes it. */
export function openZipFile(file: string, name = path.basename(file)): Promise<Bundle> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      file,
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false },
      (error, archive) =>
        error || !archive ? reject(notAZip(name, error)) : scan(archive, name).then(resolve, reject),
    ),
  );
}

/** A ZIP already in memory (tests, small fixtures). */
export function readZip(zip: Buffer, name = "bundle.zip"): Promise<Bundle> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (error, archive) =>
      error || !archive ? reject(notAZip(name, error)) : scan(archive, name).then(resolve, reject),
    ),
  );
}

function notAZip(name: string, error: Error | null): BundleError {
  return new BundleError([{ place: name, message: `不是有效的 ZIP 文件（${error?.message ?? "无法打开"}）` }]);
}

/** Walks the central directory: names, sizes and ratios are checked before any file is unpacked. */
function scan(archive: yauzl.ZipFile, name: string): Promise<Bundle> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    let count = 0;
    let total = 0;
    const fail = (problem: Problem) => {
      archive.close();
      reject(new BundleError([problem]));
    };
    archive.on("error", (zipError: Error) => fail({ place: name, message: `ZIP 文件已损坏：${zipError.message}` }));
    archive.on("entry", (entry: yauzl.Entry) => {
      count++;
      if (count > BUNDLE_LIMITS.maxEntries)
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
      entries.set(entryName, entry);
      archive.readEntry();
    });
    archive.on("end", () => {
      archive.removeAllListeners("error");
      // A read error later is reported by the read that met it.
      archive.on("error", () => undefined);
      resolve({
        name,
        paths: new Set(entries.keys()),
        read: (file) => {
          const entry = entries.get(file);
          return entry ? unpack(archive, entry, file) : Promise.resolve(null);
        },
        close: () => archive.close(),
      });
    });
    archive.readEntry();
  });
}

function unpack(archive: yauzl.ZipFile, entry: yauzl.Entry, place: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const fail = (message: string) => reject(new BundleError([{ place, message }]));
    archive.openReadStream(entry, (streamError, stream) => {
      if (streamError || !stream) return fail(`无法读取：${streamError?.message}`);
      const chunks: Buffer[] = [];
      let read = 0;
      stream.on("data", (chunk: Buffer) => {
        read += chunk.length;
        // yauzl checks the declared size too; this guards against a lying header regardless.
        if (read > BUNDLE_LIMITS.maxFileBytes) {
          stream.destroy();
          fail("文件解压后超过大小限制，已拒绝");
        } else chunks.push(chunk);
      });
      stream.on("error", (readError: Error) => fail(`无法解压：${readError.message}`));
      stream.on("end", () => resolve(Buffer.concat(chunks)));
    });
  });
}

export async function readFolder(dir: string): Promise<Bundle> {
  const root = path.resolve(dir);
  const files = new Map<string, string>();
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
        files.set(path.relative(root, full).split(path.sep).join("/"), full);
      }
    }
  }
  await walk(root);
  return {
    name: path.basename(root),
    paths: new Set(files.keys()),
    read: async (file) => {
      const full = files.get(file);
      if (!full) return null;
      if ((await stat(full)).size > BUNDLE_LIMITS.maxFileBytes)
        throw new BundleError([{ place: file, message: "文件太大（最大 40 MB）" }]);
      return readFile(full);
    },
    close: () => undefined,
  };
}

/** A bundle from a ZIP file or a folder; the caller closes it. */
export async function readBundle(location: string): Promise<Bundle> {
  const info = await stat(location).catch(() => null);
  if (!info) throw new BundleError([{ place: location, message: "找不到这个文件或文件夹" }]);
  if (info.isDirectory()) return readFolder(location);
  return openZipFile(location);
}
