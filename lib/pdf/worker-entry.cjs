// Entry of a PDF worker thread (lib/pdf/run.ts): plain JavaScript that loads
// the TypeScript job code (lib/pdf/worker.ts) through tsx, in the Next.js
// server as in scripts and tests. tsx's CommonJS hook compiles in this thread;
// its ES-module hook (`tsx/esm/api`) runs Node's module hooks on a thread of
// their own and made the worker about 60 MB bigger (docs/pdf.md, Performance).
require("tsx/cjs/api").register();
require("./worker.ts");
