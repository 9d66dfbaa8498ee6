import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI runs Prisma's WASM schema engine through our driver adapter: nothing native is downloaded.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const { createMigrationAdapter } = await import("./lib/db/migration-adapter");
    return createMigrationAdapter();
  },
});
