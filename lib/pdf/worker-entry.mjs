// Entry of a PDF worker thread (lib/pdf/run.ts): plain JavaScript, so that it
// loads the TypeScript job code (lib/pdf/worker.ts) through tsx, in the Next.js
// server as in scripts and tests.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
