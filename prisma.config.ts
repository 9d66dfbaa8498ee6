import path from "node:path";
import { defineConfig } from "prisma/config";
import { currentProvider, migrationsFolder, prismaFolder } from "./lib/db/provider";

// DATABASE_URL picks the database: file: → prisma/sqlite, postgresql:// → prisma/postgresql, each with its schema
// and migrations. The CLI runs Prisma's WASM schema engine through our driver adapter: nothing native is downloaded.
const provider = currentProvider();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(prismaFolder(provider, "."), "schema.prisma"),
  migrations: { path: migrationsFolder(provider, ".") },
  async adapter() {
    const { createMigrationAdapter } = await import("./lib/db/migration-adapter");
    return createMigrationAdapter();
  },
});
