import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { migrationsFolder } from "@/lib/db/provider";
import { checkReadiness, expectedMigrations } from "@/lib/ops/readiness";

describe("readiness", () => {
  it("is ready when the database holds every migration in prisma/migrations", async () => {
    const expected = expectedMigrations();
    // The folder of the database in use (prisma/sqlite/migrations or prisma/postgresql/migrations), read on its own.
    const folder = migrationsFolder();
    const onDisk = fs.readdirSync(folder).filter((name) => fs.existsSync(path.join(folder, name, "migration.sql")));
    expect(expected).toEqual(onDisk.sort());
    expect(expected.length).toBeGreaterThan(1);
    expect(await checkReadiness(db, expected)).toEqual({
      ready: true,
      database: "ok",
      pendingMigrations: [],
      fanOut: "not used",
    });
  });

  it("names a migration the database lacks", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    for (const name of [...expectedMigrations(), "29991231000000_from_the_future"]) {
      fs.mkdirSync(path.join(folder, name));
      fs.writeFileSync(path.join(folder, name, "migration.sql"), "-- nothing");
    }
    expect(await checkReadiness(db, expectedMigrations(folder))).toEqual({
      ready: false,
      database: "ok",
      pendingMigrations: ["29991231000000_from_the_future"],
      fanOut: "not used",
    });
  });

  it("says the database is unreachable rather than throwing", async () => {
    const broken = {
      $queryRawUnsafe: () => Promise.reject(new Error("SQLITE_CANTOPEN")),
    } as unknown as typeof db;
    expect(await checkReadiness(broken, ["a"])).toEqual({
      ready: false,
      database: "unreachable",
      pendingMigrations: [],
      fanOut: "not used",
    });
  });

  it("is not ready while a server's cache listener is cut off from the database", async () => {
    const holder = globalThis as { verbatimFanOut?: { isConnected(): boolean } };
    let connected = false;
    holder.verbatimFanOut = { isConnected: () => connected };
    try {
      const down = await checkReadiness(db, expectedMigrations());
      expect(down).toMatchObject({ ready: false, database: "ok", fanOut: "disconnected", pendingMigrations: [] });
      connected = true;
      expect(await checkReadiness(db, expectedMigrations())).toMatchObject({ ready: true, fanOut: "connected" });
    } finally {
      delete holder.verbatimFanOut;
    }
  });
});
