// Paths no route can answer, recognised by server.mjs before Next.js routes
// them: they are served as the site's 404 page (an internal rewrite to
// /not-found). Plain JavaScript so server.mjs can load it without a build.

/** No reader or admin URL is this long; longer ones are only ever typos or probes. */
export const MAX_PATH = 200;

/** A path with a percent-escape that does not decode (or decodes to NUL): no route can match it. */
export function isMalformedPath(pathname) {
  if (!pathname.includes("%")) return false;
  try {
    return decodeURIComponent(pathname).includes("\0");
  } catch {
    return true;
  }
}

/**
 * Over-long or malformed: answered with the 404 page of a short path. Next.js would otherwise answer a broken
 * escape with a bare 500, and try to cache an over-long path's 404 under a file name longer than the file
 * system allows.
 */
export function isUnroutablePath(pathname) {
  return pathname.length > MAX_PATH || isMalformedPath(pathname);
}
