// Where an import makes its files before the edition exists, and how what a
// killed import left there is found and removed.
//
//   staging/import-<batch>/        the images, sizes and tiles being made
//   staging/import-<batch>.json    who makes them (host, pid, start) and the folder they go to
//
// The folder is moved to its place (one rename) inside the transaction that
// records the edition; the note is removed after the commit. A note whose
// importer is gone (a dead process on this host, or older than any import may
// take) is rolled back or forward: its staging folder is removed, and so is its
// final folder unless a committed page refers to it.
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { PrismaClient } from "../db/client";
import { removeFolder, storagePath } from "../storage";

/** Staged files go under this prefix; no row ever refers to a key under it. */
export const STAGING_PREFIX = "staging";

type Note = { host: string; pid: number; startedAt: number; final: string };

export type Staging = {
  /** The staging folder's key prefix, e.g. "staging/import-3fa9c1d2e4b7". */
  folder: string;
  /** Where the files go when the edition is recorded. */
  final: string;
  /** Removes the note once the edition is committed (its files are then in place). */
  committed: () => Promise<void>;
  /** Removes everything this import stored (staged or already moved) and its note. */
  discard: () => Promise<void>;
};

const notePath = (name: string) => storagePath(`${STAGING_PREFIX}/${name}.json`);

/** Records who stages files for `final` before any file is written. */
export async function beginStaging(batch: string, final: string): Promise<Staging> {
  const name = `import-${batch}`;
  const note: Note = { host: os.hostname(), pid: process.pid, startedAt: Date.now(), final };
  await mkdir(storagePath(STAGING_PREFIX), { recursive: true });
  await writeFile(notePath(name), JSON.stringify(note), { flag: "wx" });
  const folder = `${STAGING_PREFIX}/${name}`;
  return {
    folder,
    final,
    committed: () => rm(notePath(name), { force: true }),
    discard: async () => {
      for (const prefix of [folder, final]) await removeFolder(prefix);
      await rm(notePath(name), { force: true });
    },
  };
}

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

async function readNote(name: string): Promise<Note | null> {
  try {
    const note = JSON.parse(await readFile(notePath(name), "utf8")) as Partial<Note>;
    if (
      typeof note.host === "string" &&
      Number.isInteger(note.pid) &&
      typeof note.startedAt === "number" &&
      typeof note.final === "string" &&
      /^pages\/import-[0-9a-z-]+$/.test(note.final)
    )
      return note as Note;
  } catch {
    // Missing, or cut short by the kill: only the age can tell then.
  }
  return null;
}

/**
 * Removes what killed imports (kill -9, a crash, a restart) left: staging
 * folders and notes whose importer is gone, with their final folder when no
 * page refers to it (killed between the move and the commit). An importer is
 * gone when its process on this host has ended, or when it started longer ago
 * than any import may take (`maxAgeMs`; another host's import in progress is
 * younger). Runs when an import starts. Returns the removed prefixes.
 */
export async function removeAbandonedStaging(
  prisma: PrismaClient,
  maxAgeMs: number,
  now = Date.now(),
): Promise<string[]> {
  const root = storagePath(STAGING_PREFIX);
  const entries = await readdir(root).catch(() => [] as string[]);
  const names = new Set(entries.map((entry) => entry.replace(/\.json$/, "")));
  const removed: string[] = [];
  for (const name of names) {
    const note = await readNote(name);
    const startedAt =
      note?.startedAt ??
      Math.min(
        ...(await Promise.all(
          [name, `${name}.json`].map(async (entry) => (await stat(path.join(root, entry)).catch(() => null))?.mtimeMs),
        ).then((times) => times.filter((time): time is number => time !== undefined))),
      );
    const gone =
      (note !== null && note.host === os.hostname() && note.pid !== process.pid && processIsGone(note.pid)) ||
      now - startedAt > maxAgeMs;
    if (!gone) continue;
    await rm(path.join(root, name), { recursive: true, force: true });
    removed.push(`${STAGING_PREFIX}/${name}`);
    if (note) {
      const prefix = `${note.final}/`;
      const referenced = await prisma.page.findFirst({
        where: { OR: [{ imageKey: { startsWith: prefix } }, { pdfKey: { startsWith: prefix } }] },
        select: { id: true },
      });
      if (!referenced) {
        await removeFolder(note.final);
        removed.push(note.final);
      }
    }
    await rm(`${path.join(root, name)}.json`, { force: true });
  }
  return removed.sort();
}
