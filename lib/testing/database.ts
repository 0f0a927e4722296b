// Fresh PostgreSQL databases for tests. The server is TEST_DATABASE_URL's
// (default: the local PostgreSQL at 127.0.0.1:5432); each call makes a new
// database with the migrations applied, dropped again by `drop()`.
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "../db/client";
import { migrate } from "../db/migrate";

export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

export function databaseUrlFor(name: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(name: string): Promise<string> {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Bad test database name: ${name}`);
  await onServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  return databaseUrlFor(name);
}

export async function dropDatabase(name: string): Promise<void> {
  await onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export type TestDatabase = { name: string; url: string; prisma: PrismaClient; drop: () => Promise<void> };

/** A new, migrated database named after the test file, e.g. `freshDatabase("editions")`. */
export async function freshDatabase(label: string, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `banmian_t_${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${process.pid}`.slice(0, 63);
  const url = await recreateDatabase(name);
  if (options.migrate !== false) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await migrate(client);
    } finally {
      await client.end();
    }
  }
  const prisma = createPrismaClient(url);
  return {
    name,
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await dropDatabase(name);
    },
  };
}
