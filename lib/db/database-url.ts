import path from "node:path";

/** The embedded default: one SQLite file under data/, beside the app. */
export const DEFAULT_DATABASE_URL = "file:./data/verbatim.db";

/**
 * The absolute path of the SQLite file named by DATABASE_URL ("file:relative/or/absolute.db"), resolved from the
 * project folder. For what only SQLite has (the file itself, its back-up by copy); a PostgreSQL address is refused.
 */
export function resolveSqlitePath(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    throw new Error("DATABASE_URL points at PostgreSQL: this needs a SQLite file (file:PATH).");
  }
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must look like file:./data/verbatim.db (got "${url}").`);
  }
  const file = url.slice("file:".length).split("?")[0];
  if (!file) throw new Error("DATABASE_URL names no file.");
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}
