// Vitest setup: every test file gets its own SQLite file with all migrations applied, before lib/db is imported.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const directory = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-unit-"));
const file = path.join(directory, "test.db");
process.env.DATABASE_URL = `file:${file}`;

const sqlite = new Database(file);
sqlite.pragma("journal_mode = WAL");
const migrations = path.join(process.cwd(), "prisma", "migrations");
for (const name of fs.readdirSync(migrations).sort()) {
  const script = path.join(migrations, name, "migration.sql");
  if (fs.existsSync(script)) sqlite.exec(fs.readFileSync(script, "utf8"));
}
sqlite.close();
