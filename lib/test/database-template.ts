// Vitest global setup: one SQLite database with every migration applied by Prisma's own `migrate deploy` (so its
// `_prisma_migrations` table is what a real install has), made once per run; each test file gets a copy of it
// (temporary-database.ts) instead of running every migration again.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

export const TEMPLATE_ENV = "VERBATIM_TEST_DATABASE_TEMPLATE";

export default function setup(): () => void {
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
