// @ts-check
// The cache handler for "use cache" (next.config.js cacheHandlers.default).
// Plain JavaScript: Next.js loads it with Node itself, unbundled.
//
// Entries stay in each instance's memory, as with Next.js's default handler;
// tag invalidations are shared through PostgreSQL, so an editor's change made
// on one instance reaches the readers of every instance. Each instance looks
// for other instances' invalidations once per CACHE_SYNC_MS (default
// 1000 ms: one small indexed query a second, however many requests it
// serves); a cached view itself needs no query. If the database is briefly unreachable the handler keeps
// serving and catches up on the next sync.
import { randomUUID } from "node:crypto";
import pg from "pg";
import defaultHandlers from "next/dist/server/lib/cache-handlers/default.js";

const RETAIN_DAYS = 2;

/**
 * @typedef {import("next/dist/server/lib/cache-handlers/types").CacheHandler & { close(): Promise<void> }} SharedTagsCacheHandler
 * @param {{ connectionString: string, syncIntervalMs?: number, maxMemoryBytes?: number, background?: boolean }} options
 * @returns {SharedTagsCacheHandler}
 */
export function createSharedTagsCacheHandler(options) {
  const local = defaultHandlers.createDefaultCacheHandler(options.maxMemoryBytes ?? 50 * 1024 * 1024);
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 1, idleTimeoutMillis: 10_000 });
  pool.on("error", () => {}); // an idle connection dropping is not fatal here
  const instance = randomUUID();
  const interval = options.syncIntervalMs ?? 1000;
  /** The newest invalidation seen; null until the first sync, which skips the past (this instance's cache starts empty). */
  /** @type {string | null} */
  let cursor = null;
  let lastSync = 0;
  /** @type {Promise<void> | null} */
  let syncing = null;

  async function sync() {
    try {
      if (cursor === null) {
        const { rows } = await pool.query("SELECT coalesce(max(id), 0)::text AS id FROM cache_invalidations");
        cursor = rows[0].id;
        return;
      }
      const { rows } = await pool.query(
        "SELECT id::text, tags, expire_seconds FROM cache_invalidations WHERE id > $1 AND instance <> $2 ORDER BY id",
        [cursor, instance],
      );
      for (const row of rows) {
        await local.updateTags(row.tags, row.expire_seconds === null ? undefined : { expire: row.expire_seconds });
        cursor = row.id;
      }
    } catch (error) {
      console.error(`cache handler: could not read invalidations (${/** @type {Error} */ (error).message}); retrying`);
    } finally {
      lastSync = Date.now();
    }
  }

  const refresh = () => {
    syncing ??= sync().finally(() => (syncing = null));
    return syncing;
  };
  // Next.js calls refreshTags() only when it renders; a page served whole from
  // the route cache is not rendered, so the sync also runs on a timer.
  const timer = options.background === false ? null : setInterval(refresh, interval);
  timer?.unref();

  return {
    get: (cacheKey, softTags) => local.get(cacheKey, softTags),
    set: (cacheKey, pendingEntry) => local.set(cacheKey, pendingEntry),
    getExpiration: (tags) => local.getExpiration(tags),
    async refreshTags() {
      if (Date.now() - lastSync >= interval) await refresh();
    },
    async updateTags(tags, durations) {
      await local.updateTags(tags, durations);
      if (!tags.length) return;
      try {
        await pool.query("INSERT INTO cache_invalidations (tags, expire_seconds, instance) VALUES ($1, $2, $3)", [
          tags,
          durations?.expire ?? null,
          instance,
        ]);
        if (Math.random() < 0.01) {
          await pool.query(`DELETE FROM cache_invalidations WHERE created_at < now() - interval '${RETAIN_DAYS} days'`);
        }
      } catch (error) {
        console.error(
          `cache handler: could not share the invalidation of ${tags.join(", ")}: ${/** @type {Error} */ (error).message}`,
        );
      }
    },
    close: () => {
      if (timer) clearInterval(timer);
      return pool.end();
    },
  };
}

/** Same rule as lib/db/url.ts (checked by lib/cache-handler.test.ts): DATABASE_URL, else the embedded database. */
export function handlerDatabaseUrl() {
  const port = Number(process.env.BANMIAN_EMBEDDED_PORT ?? 54329);
  return process.env.DATABASE_URL || `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

export default createSharedTagsCacheHandler({
  connectionString: handlerDatabaseUrl(),
  syncIntervalMs: Number(process.env.CACHE_SYNC_MS ?? 1000),
});
