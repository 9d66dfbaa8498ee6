// Vitest global setup: one database with every migration applied, made once per run; each test file gets a copy
// of it (temporary-database.ts) instead of running every migration again.
// - SQLite (the default): a file migrated by Prisma's own `migrate deploy`, so `_prisma_migrations` is what a real
//   install has.
// - PostgreSQL (VERBATIM_TEST_PROVIDER=postgresql): a throwaway server (lib/test/postgres-server.ts), or the one
//   VERBATIM_TEST_POSTGRES_URL names, with a template database migrated by our runner; each file's database is
//   made from it with CREATE DATABASE … TEMPLATE.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { migratePostgres } from "../db/postgresql/migrate";
import { startThrowawayPostgres } from "./postgres-server";

export const TEMPLATE_ENV = "VERBATIM_TEST_DATABASE_TEMPLATE";
export const POSTGRES_ENV = "VERBATIM_TEST_POSTGRES_URL";
export const PROVIDER_ENV = "VERBATIM_TEST_PROVIDER";
export const POSTGRES_TEMPLATE = "verbatim_template";

function sqliteTemplate(): () => void {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-template-"));
  const file = path.join(directory, "template.db");
  execFileSync(path.join(process.cwd(), "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "pipe",
  });
  // Copies open in WAL mode, as the server's database does; closing checkpoints, so the one file is all there is.
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  process.env[TEMPLATE_ENV] = file;
  return () => fs.rmSync(directory, { recursive: true, force: true });
}

async function postgresTemplate(): Promise<() => void> {
  const server = process.env[POSTGRES_ENV] ? null : await startThrowawayPostgres();
  const url = process.env[POSTGRES_ENV] ?? (server as { url: string }).url;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE}`);
  await admin.query(`CREATE DATABASE ${POSTGRES_TEMPLATE}`);
  await admin.end();
  const template = new URL(url);
  template.pathname = `/${POSTGRES_TEMPLATE}`;
  await migratePostgres(template.toString(), path.join(process.cwd(), "prisma", "postgresql", "migrations"));
  process.env[POSTGRES_ENV] = url;
  return () => server?.stop();
}

export default async function setup(): Promise<() => void> {
  return process.env[PROVIDER_ENV] === "postgresql" ? postgresTemplate() : sqliteTemplate();
}
