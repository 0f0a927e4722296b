// Creating a client, for the app (lib/db/prisma.ts) and for scripts and tests,
// which cannot import "server-only" modules.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { databaseUrl } from "./url";

export type { PrismaClient };

export function createPrismaClient(connectionString = databaseUrl()): PrismaClient {
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}
