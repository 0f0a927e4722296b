// Creates the documented demo account (demo only; see README) if it is missing.
// Only on the embedded database: with DATABASE_URL set nothing is created.
import { createPrismaClient } from "../lib/db/client";
import { DEMO_ACCOUNT, ensureDemoAccount } from "../lib/auth/users";

const prisma = createPrismaClient();
try {
  const result = await ensureDemoAccount(prisma);
  if ("refused" in result) {
    console.log(
      "DATABASE_URL is set: no demo account is created (and demo@banmian.local cannot sign in there).\n" +
        "Create a real account with: npm run user:create -- --email you@example.com --role admin",
    );
  } else {
    const { created, email } = result;
    console.log(created ? `demo account created: ${email} / ${DEMO_ACCOUNT.password}` : `demo account ${email} exists`);
  }
} finally {
  await prisma.$disconnect();
}
