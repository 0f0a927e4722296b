import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { blankPdf } from "../../lib/pdf/fixtures";
import { runChild } from "./pdf";

const work = mkdtempSync(path.join(os.tmpdir(), "banmian-bench-pdf-test-"));
after(() => rmSync(work, { recursive: true, force: true }));

test("bench:pdf's run measures its own process, not the bench that started it", async () => {
  const pdfPath = path.join(work, "page.pdf");
  writeFileSync(pdfPath, await blankPdf());
  // Resident in this process when the child is forked: getrusage's maxRSS, carried over through exec, reported it as
  // the child's own (every baseline was the bench's size, and a child smaller than its parent showed the parent's).
  const ballast = Buffer.alloc(400 * 1024 * 1024, 1);
  const storage = path.join(work, "storage");
  const { run, image } = runChild(path.resolve(import.meta.dirname, "../.."), pdfPath, storage);
  assert.equal(ballast.at(-1), 1);
  assert.ok(run.baselineMb > 0 && run.baselineMb < 300, `${run.baselineMb} MB before the job`);
  assert.ok(run.peakMb >= run.baselineMb);
  // The run did the whole job: the original, the sizes and the tiles are stored.
  assert.equal(image.imageWidth, 2755);
  assert.ok(existsSync(path.join(storage, image.imageKey)));
  assert.deepEqual(
    image.imageVariants.map((variant) => variant.name),
    ["thumb", "medium", "large"],
  );
  assert.ok(existsSync(path.join(storage, `${image.imageTiles.key}.dzi`)));
});
