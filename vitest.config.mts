import { configDefaults, defineConfig } from "vitest/config";

// VERBATIM_TEST_PROVIDER=postgresql (npm run test:unit:postgres) runs the same suite on PostgreSQL, each file on its
// own database (lib/test/database-template.ts); tests of what only SQLite has live under a sqlite/ folder.
const isPostgres = process.env.VERBATIM_TEST_PROVIDER === "postgresql";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"],
    exclude: [...configDefaults.exclude, ...(isPostgres ? ["**/sqlite/**"] : [])],
    setupFiles: ["lib/test/temporary-database.ts"],
    globalSetup: ["lib/ingest/test-support/build-worker.ts", "lib/test/database-template.ts"],
    // argon2 hashing and SQLite files make some tests slower than the default 5 s on a busy 2-core machine.
    testTimeout: 20_000,
  },
});
