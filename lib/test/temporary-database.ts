// Vitest setup: every test file gets its own database, a copy of the run's migrated template
// (database-template.ts), before lib/db is imported: a SQLite file, or a PostgreSQL database made from the template.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { POSTGRES_ENV, POSTGRES_TEMPLATE, PROVIDER_ENV, TEMPLATE_ENV } from "./database-template";

if (process.env[PROVIDER_ENV] === "postgresql") {
  const server = process.env[POSTGRES_ENV];
  if (!server) throw new Error(`${POSTGRES_ENV} is not set: run the tests through vitest.config.mts.`);
  const name = `test_${randomUUID().replace(/-/g, "")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${POSTGRES_TEMPLATE}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
} else {
  const template = process.env[TEMPLATE_ENV];
  if (!template || !fs.existsSync(template)) {
    throw new Error(
      `${TEMPLATE_ENV} is not set: run the tests through vitest.config.mts, whose global setup makes it.`,
    );
  }
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-unit-"));
  const file = path.join(directory, "test.db");
  fs.copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
}
