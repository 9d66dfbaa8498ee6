// What a database error means for the person whose request it stopped, whichever database and driver raised it:
// the disk is full (nothing was saved; someone must make room), or the database is busy past the wait (nothing was
// saved; try again in a moment). Anything else is a fault of ours and stays a 500.

/** SQLite's result codes and PostgreSQL's SQLSTATEs for "no room to write". */
const FULL_CODES = new Set(["SQLITE_FULL", "53100", "53200"]);
/**
 * ... and for "another writer held on too long": SQLite busy or locked; PostgreSQL lock timeout, deadlock,
 * serialization failure, statement cancelled by its timeout, too many connections; Prisma's own "operation timed out"
 * (P1008: SQLite's busy timeout ran out), "no connection from the pool in time" (P2024), "transaction could not be
 * started in time" (P2028) and write conflict (P2034).
 */
const BUSY_CODES = new Set([
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "55P03",
  "40P01",
  "40001",
  "57014",
  "53300",
  "P1008",
  "P2024",
  "P2028",
  "P2034",
]);

/** A write refused because a restore holds writers off (lib/db.ts), as Prisma passes it on from the adapter. */
export const RESTORING_CODE = "VERBATIM_RESTORING";

export type DatabaseTrouble = "full" | "busy" | "restoring";

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  // The code sits on the error (Prisma's known request errors), or on its cause (driver adapter errors).
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const { code, originalCode } = current as { code?: unknown; originalCode?: unknown };
    if (typeof code === "string") codes.push(code);
    if (typeof originalCode === "string") codes.push(originalCode);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

/** "full", "busy" or "restoring" when a database error is one of those, else null. */
export function databaseTrouble(error: unknown): DatabaseTrouble | null {
  const codes = codesOf(error);
  if (codes.includes(RESTORING_CODE)) return "restoring";
  if (codes.some((code) => FULL_CODES.has(code))) return "full";
  if (codes.some((code) => BUSY_CODES.has(code))) return "busy";
  return null;
}

export const DISK_FULL_MESSAGE =
  "The server has no room left to save this: nothing was saved. Your text is kept; tell your administrator.";
export const DATABASE_BUSY_MESSAGE =
  "The database was busy with other changes for too long: nothing was saved. Try again in a few seconds.";
