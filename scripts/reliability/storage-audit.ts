// Stored files that no database row mentions (orphans), and editions that are
// only partly there: what a crash in the middle of a write can leave behind.
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";

function walk(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** Every row of every table as text: a file is referenced when its key appears anywhere in it. */
async function everything(client: pg.Client): Promise<string> {
  const tables = (
    await client.query<{ name: string }>(
      "SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'cache_invalidations', 'sessions', 'login_throttle')",
    )
  ).rows;
  const texts: string[] = [];
  for (const { name } of tables) {
    const rows = await client.query<{ t: string | null }>(`SELECT string_agg(x::text, E'\\n') AS t FROM ${name} x`);
    texts.push(rows.rows[0]?.t ?? "");
  }
  return texts.join("\n");
}

/** A deep-zoom file's set key (what a row holds): "p/tiles" for "p/tiles.dzi" and "p/tiles_files/0/0_0.webp". */
function deepZoomKey(key: string): string | null {
  return /^(.+)\.dzi$/.exec(key)?.[1] ?? /^(.+)_files\/\d+\/\d+_\d+\.\w+$/.exec(key)?.[1] ?? null;
}

export async function orphanFiles(databaseUrl: string, storageDir: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const text = await everything(client);
    // Files under staging/ count too: an import in progress has some there, but nothing may stay once the
    // next import has removed what killed ones left (lib/import/staging.ts).
    return walk(storageDir)
      .map((file) => path.relative(storageDir, file).split(path.sep).join("/"))
      .filter((key) => !text.includes(deepZoomKey(key) ?? key));
  } finally {
    await client.end();
  }
}
