// Which database this process runs on, and one implementation per database for what differs between them, chosen
// here (the pattern of umami's runQuery). Full-text search is where databases differ most (SQLite's FTS5,
// PostgreSQL's tsvector): adding a database means adding its implementations beside lib/search/sqlite/ and
// lib/db/sqlite/, not rewriting the callers.
import path from "node:path";
// Relative, not "@/…": prisma.config.ts loads this file outside the app's path aliases.
import { DEFAULT_DATABASE_URL } from "./database-url";

export const PROVIDERS = ["sqlite", "postgresql"] as const;
export type Provider = (typeof PROVIDERS)[number];

export function currentProvider(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): Provider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** prisma/<provider>/: the schema and the migrations of one database. */
export function prismaFolder(provider: Provider = currentProvider(), root: string = process.cwd()): string {
  return path.join(root, "prisma", provider);
}

/** The migrations this version of Verbatim ships for a database, folder by folder. */
export function migrationsFolder(provider: Provider = currentProvider(), root: string = process.cwd()): string {
  return path.join(prismaFolder(provider, root), "migrations");
}

export type Implementations<T> = { [P in Provider]?: () => T };

/** Runs the implementation for the database in use; a database without one is a clear configuration error. */
export function runQuery<T>(implementations: Implementations<T>, provider: Provider = currentProvider()): T {
  const implementation = implementations[provider];
  if (!implementation) {
    throw new Error(`There is no ${provider} implementation of this yet: add one beside lib/search/sqlite/.`);
  }
  return implementation();
}
