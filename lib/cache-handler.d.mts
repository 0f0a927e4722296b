import type { CacheHandler } from "next/dist/server/lib/cache-handlers/types";

export type SharedTagsCacheHandler = CacheHandler & { close(): Promise<void> };
export function createSharedTagsCacheHandler(options: {
  connectionString: string;
  syncIntervalMs?: number;
  maxMemoryBytes?: number;
  /** Sync on a timer as well as on refreshTags() (default true). */
  background?: boolean;
}): SharedTagsCacheHandler;
export function handlerDatabaseUrl(): string;
declare const handler: SharedTagsCacheHandler;
export default handler;
