import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { resolveSqlitePath } from "./database-url";
import { poolConfig } from "./postgresql/connection";
import { currentProvider } from "./provider";

type SqliteShadowAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connectToShadowDb"]>>;
type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * SQLite: the shadow database replays each migration file through `executeRaw`, which better-sqlite3 runs with
 * `prepare()` and so refuses files holding several statements (P3006). Argument-less raw statements on the shadow
 * connection are sent through `executeScript` instead.
 */
function sqliteMigrationAdapter(): PrismaBetterSQLite3 {
  const file = resolveSqlitePath();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const factory = new PrismaBetterSQLite3({ url: `file:${file}` });
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async (): Promise<SqliteShadowAdapter> => {
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

/** A migration file is sent whole, as one simple query: split on ";" it breaks functions, triggers and DO blocks. */
function wholeScripts(adapter: PgAdapter, pool: pg.Pool): PgAdapter {
  adapter.executeScript = async (script: string) => {
    await pool.query(script);
  };
  return adapter;
}

/**
 * PostgreSQL, with the three fixes @prisma/adapter-pg 6.19 needs for migrate commands (docs: POSTGRES.md): discrete
 * connection fields and catalogue columns read as text (lib/db/postgresql/connection.ts), whole migration files, and
 * a shadow database whose pool is closed before the database is dropped.
 */
function postgresMigrationAdapter(url: string): PrismaPg {
  const config = poolConfig(url, { max: 2, idleTimeoutMillis: 1_000 });
  const pool = new pg.Pool(config);
  const factory = new PrismaPg(pool);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => wholeScripts(await connect(), pool);
  factory.connectToShadowDb = async () => {
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replace(/-/g, "")}`;
    await pool.query(`CREATE DATABASE "${database}"`);
    const shadowPool = new pg.Pool({ ...config, database });
    const shadow = await new PrismaPg(shadowPool, { disposeExternalPool: true }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await pool.query(`DROP DATABASE IF EXISTS "${database}"`);
    };
    return wholeScripts(shadow, shadowPool);
  };
  return factory;
}

/** The driver adapter the Prisma CLI uses for migrate commands (prisma.config.ts), for the database DATABASE_URL names. */
export function createMigrationAdapter(): PrismaBetterSQLite3 | PrismaPg {
  const url = process.env.DATABASE_URL ?? "";
  return currentProvider(url || undefined) === "postgresql" ? postgresMigrationAdapter(url) : sqliteMigrationAdapter();
}
