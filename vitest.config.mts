import { configDefaults, defineConfig } from "vitest/config";

// VERBATIM_TEST_PROVIDER=postgresql (npm run test:unit:postgres) runs the suite again on PostgreSQL, each file on its
// own database (lib/test/database-template.ts). Left out there: tests of what only SQLite has (under a sqlite/
// folder; likewise the SQLite run leaves out tests under a postgresql/ folder), and the folders and files whose code
// never touches a database (the UI's logic, anchoring, ingestion, formats, HTTP helpers, worker pools), which the
// SQLite run covers.
const isPostgres = process.env.VERBATIM_TEST_PROVIDER === "postgresql";
const DATABASE_FREE = [
  "components/**",
  "lib/anchoring/**",
  "lib/ingest/**",
  "lib/format/**",
  "lib/http/**",
  "lib/runtime/**",
  // Single files of database-free code in folders that otherwise need one: worker pools, pure logic, the layering.
  "lib/transcripts/ingest-pool.test.ts",
  "lib/export/off-thread.test.ts",
  "lib/ops/slices.test.ts",
  "lib/publishing/parts.test.ts",
  "lib/architecture.test.ts",
  "lib/transcripts/fidelity.test.ts",
  "lib/publishing/topics.test.ts",
  "lib/live/cues.test.ts",
  "lib/live/inputs.test.ts",
  "lib/live/replay.test.ts",
  "lib/live/health.test.ts",
  "lib/live/stream-limits.test.ts",
  "lib/publishing/cache-settle.test.ts",
  "lib/auth/session-cookie.test.ts",
];

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"],
    exclude: [...configDefaults.exclude, ...(isPostgres ? ["**/sqlite/**", ...DATABASE_FREE] : ["**/postgresql/**"])],
    setupFiles: ["lib/test/temporary-database.ts"],
    // Structured logs (lib/ops/log.ts) stay out of the test report unless a test sets its own level.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "silent" },
    globalSetup: ["lib/ingest/test-support/build-worker.ts", "lib/test/database-template.ts"],
    // Many files wait on something else (a spawned CLI, a worker thread, the database), so four run at once on a
    // 2-core machine: the suite took 84 s instead of 103 s with the default of one per core.
    maxWorkers: 4,
    // argon2 hashing and SQLite files make some tests slower than the default 5 s on a busy 2-core machine.
    testTimeout: 20_000,
  },
});
