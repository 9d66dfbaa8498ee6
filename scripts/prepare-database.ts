// Brings the database up to date and handles first run. Used by `npm start` and by the e2e servers.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { resolveSqlitePath } from "@/lib/db/database-url";

export async function prepareDatabase(): Promise<void> {
  const file = resolveSqlitePath();
  fs.mkdirSync(path.dirname(file), { recursive: true });

  const prismaCli = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  const migrate = spawnSync(prismaCli, ["migrate", "deploy"], { encoding: "utf8", env: process.env });
  if (migrate.status !== 0) {
    process.stderr.write(migrate.stdout + migrate.stderr);
    throw new Error("Applying database migrations failed (output above).");
  }
  const applied = /(\d+) migrations? found/.exec(migrate.stdout);
  if (!/No pending migrations/.test(migrate.stdout))
    console.log(`Database migrated (${applied?.[1] ?? "new"} migrations): ${file}`);

  // WAL lets readers (public pages) run while a writer saves; the setting is stored in the file.
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();

  const { prepareFirstRun } = await import("@/lib/users/first-admin");
  const outcome = await prepareFirstRun();
  if (outcome.kind === "created-admin") {
    console.log(`Created the first admin, ${outcome.email}, from ADMIN_EMAIL and ADMIN_PASSWORD.`);
  } else if (outcome.kind === "setup-link") {
    console.log(
      [
        "",
        "No accounts yet. Open this one-time link to create the first admin:",
        `  ${outcome.link.url}`,
        `It works once and expires ${outcome.link.expiresAt.toUTCString()}.`,
        "",
      ].join("\n"),
    );
  }
}

if (require.main === module) {
  prepareDatabase()
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      console.error(`Could not prepare the database: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
