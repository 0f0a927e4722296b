// One import at a time in each app instance: an import decodes and resizes
// every page image, and two at once would take the CPU and memory the reader
// needs. A second import is refused at once (the route answers 429) rather
// than queued behind a request that may take minutes.
let running = false;

/** Starts an import, or returns null when one is already running here; call the returned function when done. */
export function tryStartImport(): (() => void) | null {
  if (running) return null;
  running = true;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running = false;
  };
}
