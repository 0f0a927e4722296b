import { fileURLToPath } from "node:url";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let several builds (e.g. a test build) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Page images and uploads are served by our own route from the storage folder.
  images: { unoptimized: true },
  serverExternalPackages: ["sharp", "@node-rs/argon2", "pg"],
  typedRoutes: false,
  // An admin form may carry a body of LIMITS.article.bodyText characters (4 bytes
  // each at most in UTF-8): LIMITS.formBytes in lib/limits.ts, checked by
  // lib/limits.test.ts. Next.js's default of 1 MB would refuse a long body with
  // a bare error page instead of saving it.
  //
  // The route cache (each reader URL's rendered HTML and RSC) stays in memory, as "use cache"
  // entries do: flushed to disk it cost every first request a write of about 140 KB in five
  // files, grew without bound as readers went through the archive, and outlived a restart,
  // after which this instance's cache handler knows nothing of invalidations made meanwhile.
  experimental: { serverActions: { bodySizeLimit: 3 * 1024 * 1024 }, isrFlushToDisk: false },
  // Reader views are cached with "use cache" + cacheTag (lib/data) and invalidated by the admin with TAGS.
  cacheComponents: true,
  // The reader's cache profile. `revalidate` is also the s-maxage a CDN in front
  // of the app gets: an editor's change reaches readers at once from the app,
  // and within this many seconds through a CDN (READER_REVALIDATE_SECONDS at
  // build time, default 60). Past it, the app serves the cached view and
  // refreshes it in the background.
  cacheLife: {
    reader: { stale: 300, revalidate: Number(process.env.READER_REVALIDATE_SECONDS || 60), expire: 365 * 24 * 3600 },
  },
  // "use cache" entries live in each instance's memory; invalidations are shared
  // through PostgreSQL so every instance sees an editor's change (lib/cache-handler.mjs).
  cacheHandlers: { default: fileURLToPath(new URL("./lib/cache-handler.mjs", import.meta.url)) },
};

export default nextConfig;
