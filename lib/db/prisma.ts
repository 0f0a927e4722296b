import "server-only";
import { createPrismaClient, type PrismaClient } from "./client";

// One client (and one connection pool) per process; the global survives
// module reloads in `next dev`.
const globalForPrisma = globalThis as unknown as { banmianPrisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.banmianPrisma ?? createPrismaClient();
globalForPrisma.banmianPrisma = prisma;
