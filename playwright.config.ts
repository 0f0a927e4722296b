import { defineConfig, devices } from "@playwright/test";

// Run through `npm run test:e2e`, which makes a fresh seeded database and a
// production build first, and passes DATABASE_URL, STORAGE_DIR and NEXT_DIST_DIR.
const port = Number(process.env.E2E_PORT ?? 3100);
// Dates the admin specs create are offsets from this day (e2e/admin/fixtures.ts uniqueDate); workers inherit it.
process.env.E2E_RUN_DAY ??= String(Math.floor(Date.now() / 1000) % 3000);
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/output",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromium,
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions: chromium },
    },
    {
      name: "phone",
      use: {
        ...devices["Pixel 5"],
        viewport: { width: 375, height: 812 },
        isMobile: true,
        hasTouch: true,
        launchOptions: chromium,
      },
    },
  ],
  webServer: {
    // server.mjs is what `npm start` runs: Next.js plus the client address (and the security headers).
    command: `node server.mjs -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
