import pg from "pg";
import { describeConnectionError } from "../../lib/db/connection-error";
import { databaseUrl } from "../../lib/db/url";

/** Checks the database answers and is migrated; otherwise prints one line and exits. */
export async function assertDatabaseReady(url = databaseUrl()): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    console.error(describeConnectionError(error, url) ?? `Cannot connect to the database: ${(error as Error).message}`);
    process.exit(1);
  }
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
