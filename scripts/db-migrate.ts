// npm run db:migrate — apply pending migrations to DATABASE_URL or the embedded database.
import { migrate, MigrationError } from "../lib/db/migrate";
import { connectOrExit } from "./lib/connect";

const client = await connectOrExit();
try {
  const result = await migrate(client);
  for (const name of result.applied) console.log(`applied ${name}`);
  for (const name of result.checksumMismatches) console.warn(`warning: ${name} was changed after it was applied`);
  console.log(
    result.applied.length
      ? `${result.applied.length} migration(s) applied, ${result.alreadyApplied} already there.`
      : `Database is up to date (${result.alreadyApplied} migrations).`,
  );
} catch (error) {
  if (!(error instanceof MigrationError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await client.end();
}
