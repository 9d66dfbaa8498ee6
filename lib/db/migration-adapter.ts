import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { resolveSqlitePath } from "./database-url";

type ShadowAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connectToShadowDb"]>>;

/**
 * The driver adapter the Prisma CLI uses for migrate commands (prisma.config.ts).
 *
 * The shadow database replays each migration file through `executeRaw`, which better-sqlite3 runs with
 * `prepare()` and so refuses files holding several statements (P3006). Argument-less raw statements on the shadow
 * connection are sent through `executeScript` instead.
 */
export function createMigrationAdapter(): PrismaBetterSQLite3 {
  const file = resolveSqlitePath();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const factory = new PrismaBetterSQLite3({ url: `file:${file}` });
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async (): Promise<ShadowAdapter> => {
    const adapter = await connectToShadowDb();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length === 0) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      return executeRaw(query);
    };
    return adapter;
  };
  return factory;
}
