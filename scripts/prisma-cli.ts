// Runs the Prisma CLI offline. Prisma 7 tries to download its native schema
// engine before every command; `generate`, `validate` and `format` only need
// the path to name an existing file (they run on WebAssembly). `migrate` and
// `db push` need the real engine: use `npm run db:migrate` instead.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ||= process.execPath;
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(result.status ?? 1);
