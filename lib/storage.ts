// Files (page images, PDFs, article images) live under one storage folder,
// addressed by keys like "pages/2026-11-25/a01/large.webp". With several app
// instances the folder must be shared (a network volume). Keys are checked so
// nothing is ever read or written outside it.
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { isStorageKey } from "./storage-key";

export { isStorageKey };

export function storageDir(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.STORAGE_DIR ?? path.join(process.env.BANMIAN_DATA_DIR ?? ".data", "storage"),
  );
}

export function storagePath(key: string): string {
  if (!isStorageKey(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
  const root = storageDir();
  const full = path.resolve(root, key);
  if (!full.startsWith(root + path.sep)) throw new Error(`Storage key escapes the storage folder: ${key}`);
  return full;
}

export async function putFile(key: string, data: Buffer | Uint8Array): Promise<void> {
  const target = storagePath(key);
  await mkdir(path.dirname(target), { recursive: true });
  // Write then rename, so a reader never sees half a file.
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, target);
}

export async function getFile(key: string): Promise<Buffer | null> {
  try {
    return await readFile(storagePath(key));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export async function removeFile(key: string): Promise<void> {
  await rm(storagePath(key), { force: true });
}

/** Removes a folder of stored files (an upload's image, sizes and tiles share one prefix). */
export async function removeFolder(prefix: string): Promise<void> {
  await rm(storagePath(prefix), { recursive: true, force: true });
}

/** The URL the app serves a stored file under. */
export function mediaUrl(key: string): string {
  return `/media/${key}`;
}
