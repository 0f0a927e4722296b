// Creates the documented demo account (demo only; see README) if it is missing.
import { createPrismaClient } from "../lib/db/client";
import { DEMO_ACCOUNT, ensureDemoAccount } from "../lib/auth/users";

const prisma = createPrismaClient();
try {
  const { created, email } = await ensureDemoAccount(prisma);
  console.log(created ? `demo account created: ${email} / ${DEMO_ACCOUNT.password}` : `demo account ${email} exists`);
} finally {
  await prisma.$disconnect();
}
