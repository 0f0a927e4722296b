// npm run import -- path/to/bundle.zip   (or a folder with manifest.json)
//   [--user editor@example.com]  recorded in the edition's audit log
// Imports a whole edition in one transaction; on any problem nothing is
// stored and every problem is listed with its place. Exit code 1 then.
import { parseArgs } from "node:util";
import { createPrismaClient } from "../lib/db/client";
import { BundleError, readBundle } from "../lib/import/bundle";
import { formatReport, importBundle } from "../lib/import/import";
import { UploadError } from "../lib/admin/upload-error";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { user: { type: "string" } } });
if (positionals.length !== 1) {
  console.error(
    "Usage: npm run import -- path/to/bundle.zip|folder [--user email]\nThe manifest format is described in docs/admin.md.",
  );
  process.exit(2);
}
const prisma = createPrismaClient();
try {
  const user = values.user ? await prisma.user.findUnique({ where: { email: values.user.toLowerCase() } }) : null;
  if (values.user && !user) {
    console.error(`No account ${values.user}.`);
    process.exit(2);
  }
  const bundle = await readBundle(positionals[0]);
  try {
    const result = await importBundle(prisma, bundle, { userId: user?.id ?? null });
    console.log(formatReport(result));
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    bundle.close();
  }
} catch (error) {
  if (error instanceof BundleError) console.error(formatReport({ ok: false, problems: error.problems }));
  else if (error instanceof UploadError)
    console.error(formatReport({ ok: false, problems: [{ place: "导入", message: error.message }] }));
  else throw error;
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
