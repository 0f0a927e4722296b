// Part 1 as the runner and the smoke call it: discover, generate, send, report.
import type { Browser } from "@playwright/test";
import type { PrismaClient } from "../../lib/db/client";
import { knownValues } from "./context";
import { discoverForms, type FormTemplate } from "./forms";
import { runFuzz } from "./fuzz";
import { figure, type PartResult } from "./report";
import { discoverRoutes, type AppRoute } from "./routes";
import { editorSession } from "./session";

export type FuzzPartOptions = {
  base: string;
  databaseUrl: string;
  prisma: PrismaClient;
  browser: Browser;
  seed: number;
  cases: number;
  /** Admin screens to start the crawl from (default: the whole admin from /admin). */
  start?: string[];
  allow?: (path: string) => boolean;
  /** Reader and admin routes to fuzz (default: every route in app/). */
  routeFilter?: (pattern: string) => boolean;
  maxScreens?: number;
  /** Admin screens of one shape the crawl visits (default 3). */
  perShape?: number;
  /** One case for every route and form first (the smoke's few hundred cases then reach them all). */
  coverEach?: boolean;
  goal?: number;
  log?: (line: string) => void;
};

export type FuzzPartResult = PartResult & {
  failures: string[];
  /** Routes (patterns) and forms (`#index label (screen)`) no case was sent to. */
  uncovered: string[];
  routes: AppRoute[];
  forms: FormTemplate[];
};

export async function fuzzPart(options: FuzzPartOptions): Promise<FuzzPartResult> {
  const log = options.log ?? (() => undefined);
  const session = await editorSession(options.prisma, options.browser, options.base);
  const routes = discoverRoutes("app").filter((route) => options.routeFilter?.(route.pattern) ?? true);
  log(`fuzz: ${routes.length} routes from app/; crawling the admin for forms…`);
  const forms = await discoverForms(
    {
      base: options.base,
      cookie: session.current(),
      start: options.start ?? ["/admin"],
      allow: options.allow,
      maxScreens: options.maxScreens,
      perShape: options.perShape,
      log,
    },
    options.browser,
  );
  const values = await knownValues(options.databaseUrl);
  log(`fuzz: ${forms.length} forms and uploads; ${options.cases} cases from seed ${options.seed}`);
  const result = await runFuzz({
    base: options.base,
    seed: options.seed,
    cases: options.cases,
    routes,
    forms,
    values,
    session,
    prisma: options.prisma,
    coverEach: options.coverEach,
    log,
  });
  const part = "fuzz";
  const first = result.failures[0];
  return {
    part,
    figures: [
      figure(part, "cases", result.cases, { min: options.goal ?? 0, text: `≥ ${options.goal ?? 0}` }),
      figure(part, `routes / forms`, `${routes.length} / ${forms.length}`),
      figure(part, "5xx responses", result.serverErrors, { max: 0 }),
      figure(part, "exceptions (direct) and network errors", result.failures.length - result.serverErrors, { max: 0 }),
      figure(part, "seed", result.seed),
    ],
    notes: [
      `cases by kind: ${Object.entries(result.byKind)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
      `statuses: ${Object.entries(result.statuses)
        .map(([k, v]) => `${k}×${v}`)
        .join(", ")}`,
      `${result.seconds.toFixed(0)} s`,
      ...(first
        ? [
            `first failing case (${first.index}, ${first.kind} ${first.what} → ${first.status}):\n    ${first.reproduce}`,
          ]
        : []),
    ],
    failures: result.failures.map((f) => `${f.kind} ${f.what} → ${f.status}\n    ${f.reproduce}`),
    uncovered: [
      ...routes.filter((route) => !result.perRoute[route.pattern]).map((route) => route.pattern),
      ...forms.map((form, i) => `#${i} ${form.label} (${form.screen})`).filter((name) => !result.perForm[name]),
    ],
    routes,
    forms,
  };
}
