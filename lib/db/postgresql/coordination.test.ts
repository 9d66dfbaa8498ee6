// Several servers on one PostgreSQL database: the per-transcript lock serialises their changes, and NOTIFY reaches
// every listener, including one whose connection was cut and came back. PostgreSQL only (the SQLite run skips
// postgresql/ folders).
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { lockTranscript, notifyServers } from "@/lib/db/coordination";
import { listen, type Listener } from "@/lib/db/postgresql/listener";

const url = () => process.env.DATABASE_URL!;

function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error("timed out"));
      else setTimeout(check, 20);
    };
    check();
  });
}

describe("the transcript lock", () => {
  it("makes a second transaction on the same transcript wait for the first to commit", async () => {
    const events: string[] = [];
    let releaseFirst!: () => void;
    const firstMayFinish = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstHolds = false;
    const first = db.$transaction(async (tx) => {
      await lockTranscript(tx, "transcript-a");
      firstHolds = true;
      events.push("first locked");
      await firstMayFinish;
      events.push("first done");
    });
    await until(() => firstHolds);
    const second = db.$transaction(async (tx) => {
      await lockTranscript(tx, "transcript-a");
      events.push("second locked");
    });
    // A different transcript is not held up by the first.
    await db.$transaction(async (tx) => {
      await lockTranscript(tx, "transcript-b");
      events.push("other transcript locked");
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events).toEqual(["first locked", "other transcript locked"]);
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(["first locked", "other transcript locked", "first done", "second locked"]);
  });
});

describe("listening for other servers", () => {
  let listener: Listener | null = null;
  afterEach(async () => {
    await listener?.close();
    listener = null;
  });

  it("hears what any connection sends, and hears it again after its connection is cut", async () => {
    const heard: string[] = [];
    const connections: boolean[] = [];
    listener = listen(url(), "verbatim_test", (payload) => heard.push(payload), {
      onConnected: (isReconnect) => connections.push(isReconnect),
      onError: () => undefined,
      maxRetryMs: 200,
    });
    await until(() => listener!.isConnected());
    expect(connections).toEqual([false]);

    await notifyServers(db, "verbatim_test", "first ü “quoted”");
    await until(() => heard.length === 1);
    expect(heard).toEqual(["first ü “quoted”"]);

    // What a database restart or a dropped network does to the listener's connection.
    const admin = new pg.Client({ connectionString: url() });
    await admin.connect();
    try {
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'`,
      );
    } finally {
      await admin.end();
    }
    await until(() => !listener!.isConnected(), 5_000);
    await until(() => listener!.isConnected() && connections.length === 2);
    expect(connections).toEqual([false, true]);

    await notifyServers(db, "verbatim_test", "second");
    await until(() => heard.length === 2);
    expect(heard).toEqual(["first ü “quoted”", "second"]);
  });

  it("refuses a channel name it would have to quote", () => {
    expect(() => listen(url(), "drop table; --", () => undefined)).toThrow(/Not a channel name/);
  });
});
