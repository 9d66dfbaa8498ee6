// `npm run db:migration -- --name describe-the-change`: writes the migration that takes the database DATABASE_URL
// names (SQLite by default, or PostgreSQL) from its committed migrations to its schema, as
// prisma/<provider>/migrations/<timestamp>_<name>/migration.sql. Run it once per provider after changing both
// schemas (PostgreSQL's needs a server to replay its migrations into a throwaway database). `prisma migrate dev
// --create-only` is not used: on these machines it writes the file and then exits with an error.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { currentProvider, migrationsFolder, prismaFolder } from "@/lib/db/provider";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const index = process.argv.indexOf("--name");
const name = index === -1 ? undefined : process.argv[index + 1];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  fail("Usage: npm run db:migration -- --name describe_the_change (lower case, digits and underscores).");
}
const provider = currentProvider();
const folder = migrationsFolder(provider);
const result = spawnSync(
  path.join(process.cwd(), "node_modules", ".bin", "prisma"),
  [
    "migrate",
    "diff",
    "--from-migrations",
    folder,
    "--to-schema-datamodel",
    path.join(prismaFolder(provider), "schema.prisma"),
    "--script",
  ],
  { encoding: "utf8", env: process.env },
);
if (result.status !== 0) fail(`prisma migrate diff failed:\n${result.stderr || result.stdout}`);
// The full-text tables Prisma cannot describe (SQLite's FTS5 tables and their shadow tables) look to it like tables
// to drop: those blocks are left out.
const sql = result.stdout
  .split(/\n(?=-- )/)
  .filter((block) => !/DROP TABLE "\w*Fts(_\w+)?"/.test(block))
  .join("\n")
  .trim();
if (sql === "" || /^-- This is an empty migration\.?$/.test(sql) || !/;/.test(sql)) {
  console.log(`The ${provider} schema and its migrations already agree: nothing to write.`);
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = path.join(folder, `${stamp}_${name}`);
fs.mkdirSync(target, { recursive: true });
fs.writeFileSync(path.join(target, "migration.sql"), `${sql}\n`);
console.log(`Wrote ${path.relative(process.cwd(), target)}/migration.sql: read it, then commit it with the schema.`);
