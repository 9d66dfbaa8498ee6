// `npm run db:copy -- --from file:./data/verbatim.db --to postgresql://…`: moves a whole SQLite install into an empty
// PostgreSQL database (lib/db/postgresql/copy-from-sqlite.ts), checks every table's rows and checksum, and says
// what to change. Exit 0 on success; 2 and one sentence on bad input or a copy refused; nothing half-written.
import { parseArgs } from "node:util";
import { resolveSqlitePath } from "@/lib/db/database-url";
import { CopyError, copySqliteToPostgres } from "@/lib/db/postgresql/copy-from-sqlite";
import { currentProvider } from "@/lib/db/provider";

const USAGE = "Usage: npm run db:copy -- --from file:./data/verbatim.db --to postgresql://user:password@host:5432/db";

/** The address without its password, for printing. */
function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "****";
  return parsed.toString();
}

async function main(argv: string[]): Promise<void> {
  let values: { from?: string; to?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { from: { type: "string" }, to: { type: "string" } } }));
  } catch (error) {
    throw new CopyError(`${(error as Error).message}\n${USAGE}`);
  }
  if (!values.from || !values.to) throw new CopyError(`Both --from and --to are needed.\n${USAGE}`);
  if (currentProvider(values.from) !== "sqlite" || !values.from.startsWith("file:")) {
    throw new CopyError(`--from must be the SQLite install to copy, like file:./data/verbatim.db.\n${USAGE}`);
  }
  if (currentProvider(values.to) !== "postgresql") {
    throw new CopyError(`--to must be a PostgreSQL address, like postgresql://user:password@host:5432/db.\n${USAGE}`);
  }
  const sourceFile = resolveSqlitePath(values.from);
  const result = await copySqliteToPostgres({
    sourceFile,
    targetUrl: values.to,
    onTable: (table) => console.error(`  ${table.table}: ${table.rows} rows, checksum ${table.checksum.slice(0, 12)}`),
  });
  const megabytes = (result.originalBytes / (1024 * 1024)).toFixed(1);
  console.log(
    [
      `Copied ${result.rows} rows in ${result.tables.length} tables (${megabytes} MB of original files) from ${sourceFile} to ${redacted(values.to)} in ${(result.milliseconds / 1000).toFixed(1)} s.`,
      "Every table's row count and checksum match; the search index was built from the copied text. Nothing was written to the SQLite file.",
      "",
      "To run Verbatim on PostgreSQL from now on, on every server:",
      `  DATABASE_URL=${redacted(values.to)}   (with the password)`,
      "  NEXTAUTH_SECRET=<the same value on every server>: the contents of data/auth-secret keep everyone signed in; a new value signs everyone out once.",
      "Stop the servers on the SQLite file before you switch, or copy again: whatever they write after the copy stays in SQLite.",
      "API tokens, passwords, published pages and their addresses carry over unchanged.",
    ].join("\n"),
  );
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof CopyError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(
      `The copy failed, and nothing was written: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
