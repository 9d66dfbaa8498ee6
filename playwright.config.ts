import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_FLAGS, findChromium } from "./e2e/chromium";
import { PURGE_RECORDER_PORT } from "./e2e/support/purge-recorder";

// Each run gets fresh SQLite files. The config is read again by every worker: the variable keeps them on one folder.
process.env.VERBATIM_E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-e2e-"));
const runDirectory = process.env.VERBATIM_E2E_DIR;

export const E2E_ADMIN = { email: "e2e.admin@newsroom.test", password: "e2e admin passphrase" };

/** Two production servers: one on an empty database for first-run setup, one with an admin for everything else. */
export const SERVERS = {
  fresh: { port: 3201, database: path.join(runDirectory, "fresh.db") },
  desk: { port: 3202, database: path.join(runDirectory, "desk.db") },
} as const;

// Helpers in the test workers write to the desk server's database directly to seed their own data.
process.env.DATABASE_URL = `file:${SERVERS.desk.database}`;

function server(name: keyof typeof SERVERS, extraEnv: Record<string, string> = {}) {
  const { port, database } = SERVERS[name];
  return {
    // exec: Playwright stops the server by killing this shell's process, which must be the server itself.
    command: `node_modules/.bin/tsx scripts/prepare-database.ts && exec env -u ADMIN_PASSWORD node --import tsx scripts/serve.ts`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    env: {
      DATABASE_URL: `file:${database}`,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: `e2e-secret-${name}-${path.basename(runDirectory)}`,
      SITE_NAME: "Verbatim",
      PORT: String(port),
      // The tests' browsers and request contexts send their own X-Forwarded-For (e2e/fixtures.ts), as a reverse
      // proxy on this machine would: trusting loopback lets each test count as its own client address.
      TRUSTED_PROXIES: "loopback",
      // Scheduled publications go out within a second, so a test can wait for one.
      SCHEDULER_INTERVAL_MS: "1000",
      ...extraEnv,
    },
  };
}

export default defineConfig({
  testDir: "e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  fullyParallel: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_FLAGS },
  },
  webServer: [
    // The edge cache's stand-in: the desk server tells it what to purge (e2e/edge-cache.spec.ts).
    {
      command: "exec node --import tsx e2e/support/purge-recorder.ts",
      url: `http://127.0.0.1:${PURGE_RECORDER_PORT}/purges`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    server("fresh"),
    server("desk", {
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      ADMIN_NAME: "Desk Admin",
      EDGE_PURGE_URL: `http://127.0.0.1:${PURGE_RECORDER_PORT}/`,
    }),
  ],
  projects: [
    {
      name: "first-run",
      testMatch: /first-run\.spec\.ts/,
      use: { baseURL: `http://localhost:${SERVERS.fresh.port}` },
    },
    {
      name: "desk",
      testIgnore: /first-run\.spec\.ts/,
      use: { baseURL: `http://localhost:${SERVERS.desk.port}` },
    },
  ],
});
