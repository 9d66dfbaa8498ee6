// One function per search query, with one implementation per database, chosen here (the pattern of umami's
// runQuery). Full-text search is where databases differ most (SQLite's FTS5, PostgreSQL's tsvector): adding a
// database means adding its implementation beside lib/search/sqlite/, not rewriting the callers.
import { DEFAULT_DATABASE_URL } from "@/lib/db/database-url";

export const PROVIDERS = ["sqlite", "postgresql"] as const;
export type Provider = (typeof PROVIDERS)[number];

export function currentProvider(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): Provider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

export type Implementations<T> = { [P in Provider]?: () => T };

/** Runs the implementation for the database in use; a database without one is a clear configuration error. */
export function runQuery<T>(implementations: Implementations<T>, provider: Provider = currentProvider()): T {
  const implementation = implementations[provider];
  if (!implementation) {
    throw new Error(`Search has no ${provider} implementation yet: add one beside lib/search/sqlite/.`);
  }
  return implementation();
}
