import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"],
    setupFiles: ["lib/test/temporary-database.ts"],
    globalSetup: ["lib/ingest/test-support/build-worker.ts", "lib/test/database-template.ts"],
    // argon2 hashing and SQLite files make some tests slower than the default 5 s on a busy 2-core machine.
    testTimeout: 20_000,
  },
});
