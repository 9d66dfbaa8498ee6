// Vitest setup: every test file gets its own SQLite file, a copy of the run's migrated template
// (database-template.ts), before lib/db is imported.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { TEMPLATE_ENV } from "./database-template";

const template = process.env[TEMPLATE_ENV];
if (!template || !fs.existsSync(template)) {
  throw new Error(`${TEMPLATE_ENV} is not set: run the tests through vitest.config.mts, whose global setup makes it.`);
}
const directory = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-unit-"));
const file = path.join(directory, "test.db");
fs.copyFileSync(template, file);
process.env.DATABASE_URL = `file:${file}`;
