// The app's URL patterns, read from the app/ tree itself so that routes added
// later (search, an API, clippings…) are fuzzed without touching the harness.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

export type Segment = { kind: "static"; value: string } | { kind: "dynamic"; name: string; catchAll: boolean };

export type AppRoute = {
  /** e.g. "/p/[publication]/[date]/[page]" */
  pattern: string;
  segments: Segment[];
  /** page.tsx (a view) or route.ts (a handler) */
  file: string;
  methods: string[];
  /** Under /admin or /api/admin: needs a signed-in editor. */
  admin: boolean;
  /** Query parameters the route's code reads. */
  queryNames: string[];
};

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const QUERY_PATTERNS = [
  /searchParams\.get(?:All)?\(\s*["'`]([\w-]+)["'`]/g,
  /searchParams:\s*Promise<\{([^}]*)\}>/g,
  /searchParams\??\.([a-zA-Z_]\w*)/g,
];

/** Query parameter names a source file reads, e.g. `date` from `searchParams.get("date")`. */
export function queryNamesIn(source: string): string[] {
  const names = new Set<string>();
  for (const pattern of QUERY_PATTERNS) {
    for (const match of source.matchAll(pattern)) {
      if (match[1].includes(":") || match[1].includes("?")) {
        for (const field of match[1].matchAll(/([\w-]+)\??\s*:/g)) names.add(field[1]);
      } else if (
        !["get", "getAll", "has", "entries", "keys", "values", "toString", "forEach", "size"].includes(match[1])
      )
        names.add(match[1]);
    }
  }
  return [...names];
}

export function parsePattern(pattern: string): Segment[] {
  return pattern
    .split("/")
    .filter(Boolean)
    .map((part) => {
      const dynamic = /^\[(\.\.\.)?(\w+)\]$/.exec(part);
      return dynamic
        ? { kind: "dynamic" as const, name: dynamic[2], catchAll: Boolean(dynamic[1]) }
        : { kind: "static" as const, value: part };
    });
}

/** Every page and route handler under `appDir`, with route groups and private folders (`_x`) left out of the URL. */
export function discoverRoutes(appDir = "app"): AppRoute[] {
  const files = walk(appDir).filter((file) => /\/(page\.tsx|route\.ts)$/.test(file.split(path.sep).join("/")));
  const routes: AppRoute[] = [];
  for (const file of files) {
    const parts = path.relative(appDir, file).split(path.sep);
    if (parts.some((part) => part.startsWith("_"))) continue;
    const pattern =
      "/" +
      parts
        .slice(0, -1)
        .filter((part) => !/^\(.*\)$/.test(part))
        .join("/");
    const source = readFileSync(file, "utf8");
    const isHandler = file.endsWith("route.ts");
    const methods = isHandler
      ? [...source.matchAll(/export\s+(?:(?:async\s+)?function\s+|const\s+)(GET|POST|PUT|PATCH|DELETE|HEAD)\b/g)].map(
          (m) => m[1],
        )
      : ["GET"];
    if (!methods.length) continue;
    // The views a route renders often read the query elsewhere (views.tsx): include its own folder's helpers.
    const related = readdirSync(path.dirname(file))
      .filter((name) => name.endsWith(".ts") || name.endsWith(".tsx"))
      .map((name) => readFileSync(path.join(path.dirname(file), name), "utf8"))
      .join("\n");
    const imported = [...source.matchAll(/from\s+["'](\.[^"']+)["']/g)].flatMap((m) => {
      const base = path.resolve(path.dirname(file), m[1]);
      for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
        try {
          return [readFileSync(candidate, "utf8")];
        } catch {
          // not this extension
        }
      }
      return [];
    });
    routes.push({
      pattern: pattern === "/" ? "/" : pattern.replace(/\/$/, ""),
      segments: parsePattern(pattern),
      file: file.split(path.sep).join("/"),
      methods,
      admin: /^\/(admin|api\/admin)(\/|$)/.test(pattern),
      queryNames: queryNamesIn([source, related, ...imported].join("\n")),
    });
  }
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}
