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
/** When another instance's invalidation is applied again (see sync()): longer than a render takes under load. */
const REAPPLY_AFTER_MS = [1000, 5000];

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
  /**
   * The PostgreSQL snapshot of the last sync ("xmin:xmax:in-progress xids"); null until the first
   * sync, which skips the past (this instance's cache starts empty). A sync reads the rows that
   * snapshot could not see: rows of transactions that had not committed yet are read once they
   * have, even when rows with higher ids committed before them.
   * @type {string | null}
   */
  let cursor = null;
  let lastSync = 0;
  /** @type {Promise<void> | null} */
  let syncing = null;

  async function sync() {
    try {
      // One statement, so the rows and the snapshot recorded for the next sync are the same view.
      const { rows } = await pool.query(
        `SELECT pg_current_snapshot()::text AS snapshot,
           CASE WHEN $1::text IS NULL THEN '[]'::json ELSE coalesce((
             SELECT json_agg(json_build_object('tags', tags, 'expire', expire_seconds) ORDER BY id)
             FROM cache_invalidations
             WHERE xid >= pg_snapshot_xmin($1::pg_snapshot)
               AND NOT pg_visible_in_snapshot(xid, $1::pg_snapshot)
               AND instance <> $2), '[]'::json) END AS invalidations`,
        [cursor, instance],
      );
      /** @type {{ tags: string[], expire: number | null }[]} */
      const invalidations = rows[0].invalidations;
      for (const row of invalidations) {
        const durations = row.expire === null ? undefined : { expire: row.expire };
        await local.updateTags(row.tags, durations);
        // Again a little later: a page this instance was rendering from the old rows while it learned of the
        // change is stored afterwards, and its store time would count as newer than the invalidation (under
        // load, two of ten changes stayed unseen on the other instance for over 15 s — README, Reliability).
        for (const delay of REAPPLY_AFTER_MS) {
          setTimeout(() => void local.updateTags(row.tags, durations), delay).unref();
        }
      }
      cursor = rows[0].snapshot;
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
