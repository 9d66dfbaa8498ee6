// Connections to PostgreSQL through node-postgres, for the app's Prisma client (lib/db.ts), Prisma's migrate
// commands (lib/db/migration-adapter.ts) and our own migration runner. Relative imports only: prisma.config.ts loads
// this outside the app's path aliases.
import pg from "pg";

/** `"char"` and `name`: catalogue columns the migration engine reads and @prisma/adapter-pg cannot map (prisma/orm#27403). */
const CATALOGUE_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function asText<T>(value: T): T {
  for (const field of (value as QueryResultLike | undefined)?.fields ?? []) {
    if (CATALOGUE_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return value;
}

/**
 * A pg client that reports `name` and `"char"` columns as text, which the adapter maps. Both ways of calling
 * `query` are covered: a promise (the adapter's own clients) and a callback (how a Pool's `query` calls it).
 */
export class CatalogueTextClient extends pg.Client {
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as (error: unknown, result: unknown) => void;
      args[args.length - 1] = (error: unknown, result: unknown) => callback(error, error ? result : asText(result));
    }
    const result = (super.query as (...parameters: unknown[]) => unknown).apply(this, args);
    return (result instanceof Promise ? result.then(asText) : result) as never;
  }
}

export interface PoolOptions {
  /** Connections this process may open. */
  max?: number;
  /** How long an idle connection is kept: short for the CLI, so it exits at once. */
  idleTimeoutMillis?: number;
}

/**
 * A pool configuration from a `postgresql://user:password@host:port/database?sslmode=…` address, as discrete fields
 * (host, user, database…): the adapter's shadow database for `migrate diff` overrides `database`, which it cannot do
 * to a connection string. `allowExitOnIdle` lets a CLI command end without waiting for idle connections.
 */
export function poolConfig(url: string, { max = 10, idleTimeoutMillis = 30_000 }: PoolOptions = {}): pg.PoolConfig {
  const address = new URL(url);
  if (!/^postgres(ql)?:$/.test(address.protocol)) throw new Error(`Not a PostgreSQL address: ${address.protocol}`);
  const sslmode = address.searchParams.get("sslmode");
  const socketHost = address.searchParams.get("host");
  return {
    host: socketHost ?? (decodeURIComponent(address.hostname) || "localhost"),
    port: address.port ? Number(address.port) : 5432,
    user: decodeURIComponent(address.username) || undefined,
    password: decodeURIComponent(address.password) || undefined,
    database: decodeURIComponent(address.pathname.replace(/^\//, "")) || undefined,
    ssl:
      sslmode === "require" || sslmode === "prefer"
        ? { rejectUnauthorized: false }
        : sslmode === "verify-full" || sslmode === "verify-ca"
          ? { rejectUnauthorized: true }
          : undefined,
    max,
    idleTimeoutMillis,
    allowExitOnIdle: true,
    Client: CatalogueTextClient,
  };
}
