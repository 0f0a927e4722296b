import pg from "pg";
import { describeConnectionError } from "../../lib/db/connection-error";
import { databaseUrl } from "../../lib/db/url";

/** A connected client, or one line saying which database could not be reached, and exit 1. */
export async function connectOrExit(url = databaseUrl()): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    console.error(describeConnectionError(error, url) ?? `Cannot connect to the database: ${(error as Error).message}`);
    process.exit(1);
  }
}

/** Checks the database answers and is migrated; otherwise prints one line and exits. */
export async function assertDatabaseReady(url = databaseUrl()): Promise<void> {
  const client = await connectOrExit(url);
  try {
    const { rows } = await client.query<{ ok: string | null }>(`SELECT to_regclass('public.editions') AS ok`);
    if (!rows[0]?.ok) {
      console.error("The database has no Banmian tables yet: run `npm run db:migrate` first.");
      process.exit(1);
    }
  } finally {
    await client.end();
  }
}
