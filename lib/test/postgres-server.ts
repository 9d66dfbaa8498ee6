// A throwaway PostgreSQL server for the tests: lib/db/postgresql/local-server.ts in a temporary folder, without
// fsync, removed on stop.
import { startLocalPostgres, type LocalPostgres } from "@/lib/db/postgresql/local-server";

export { findPostgresBinaries, freePort } from "@/lib/db/postgresql/local-server";

export type ThrowawayPostgres = LocalPostgres;

export function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  return startLocalPostgres({ throwaway: true });
}
