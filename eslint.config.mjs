// Lint: Next.js's rules (core web vitals + TypeScript) and the import
// direction app → components → lib. `npm run lint` runs it; CI too.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const noComponentsOrApp = {
  group: ["@/components/*", "@/app/*", "**/components/**", "**/app/**"],
  message: "lib/ must not import from components/ or app/: move the shared type or function into lib/.",
};
const noPrisma = {
  group: [
    "@/lib/db/prisma",
    "@/lib/db/client",
    "**/lib/db/prisma",
    "**/lib/db/client",
    "@prisma/*",
    "**/generated/prisma/client",
  ],
  message: "app/ and components/ do not query the database: call a function in lib/<area>/<entity>.ts.",
};
const noApp = {
  group: ["@/app/*", "**/app/**"],
  message: "components/ must not import from app/: pass the server action in as a prop, or move it to lib/.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      // Page images are served from our own /media route with explicit sizes; next/image's optimiser is off (next.config.js).
      "@next/next/no-img-element": "off",
    },
  },
  {
    files: ["lib/**/*.{ts,tsx,mjs}"],
    rules: { "no-restricted-imports": ["error", { patterns: [noComponentsOrApp] }] },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [noApp, noPrisma] }] },
  },
  { files: ["app/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: [noPrisma] }] } },
  // CommonJS files (lib/pdf/worker-entry.cjs) load modules with require().
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  // Playwright fixtures call their `use` callback, which is not React's use().
  { files: ["e2e/**/*.ts"], rules: { "react-hooks/rules-of-hooks": "off" } },
  globalIgnores([
    ".next*/**",
    "bench/minimal-next/.next*/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/generated/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
