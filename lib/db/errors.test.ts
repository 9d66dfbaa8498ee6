import { describe, expect, it } from "vitest";
import { databaseTrouble } from "@/lib/db/errors";

describe("what a database error means for the person", () => {
  it("reads the code on the error or on its causes, as Prisma and the driver adapters give it", () => {
    // Prisma's known request error on SQLite carries the result code itself.
    expect(databaseTrouble({ name: "PrismaClientKnownRequestError", code: "SQLITE_FULL" })).toBe("full");
    expect(databaseTrouble({ code: "SQLITE_BUSY" })).toBe("busy");
    // SQLite's busy timeout running out reaches Prisma's caller as "Operation has timed out".
    expect(databaseTrouble({ name: "PrismaClientKnownRequestError", code: "P1008" })).toBe("busy");
    // The pg adapter's error carries PostgreSQL's SQLSTATE in its cause.
    expect(databaseTrouble({ name: "DriverAdapterError", cause: { originalCode: "53100", kind: "postgres" } })).toBe(
      "full",
    );
    expect(databaseTrouble({ cause: { originalCode: "55P03" } })).toBe("busy");
    expect(databaseTrouble({ cause: { cause: { code: "40P01" } } })).toBe("busy");
  });

  it("leaves every other error alone: a constraint, a bug, nothing at all", () => {
    expect(databaseTrouble({ code: "P2002" })).toBeNull();
    expect(databaseTrouble({ cause: { originalCode: "23505" } })).toBeNull();
    expect(databaseTrouble(new TypeError("x is undefined"))).toBeNull();
    expect(databaseTrouble(null)).toBeNull();
    expect(databaseTrouble("SQLITE_FULL")).toBeNull();
  });
});
