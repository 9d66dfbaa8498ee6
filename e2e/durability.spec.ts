// The server process itself: a kill -9 in the middle of storing an upload, a back-up and restore while it serves,
// what its files and environment expose. Each test runs a server of its own (e2e/support/spawn-server.ts).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { startServer, type RunningServer } from "./support/spawn-server";

const ADMIN = { ADMIN_EMAIL: "night.editor@newsroom.test", ADMIN_PASSWORD: "lanterns over the harbour at dusk" };

// One server per test, started and killed by the test: the default 60 s is too short on a busy 2-core machine.
test.describe.configure({ timeout: 240_000 });

/** `npm run <script>` against the spawned server's database, as an operator would run it beside the server. */
function npmRun(server: RunningServer, ...args: string[]) {
  const result = spawnSync("npm", ["run", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${server.databasePath}` },
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

function apiToken(server: RunningServer): string {
  const created = npmRun(server, "token", "--", "create", "--as", ADMIN.ADMIN_EMAIL, "--name", "durability test");
  expect(created.code, created.stderr).toBe(0);
  return created.stdout;
}

function upload(server: RunningServer, token: string, name: string, text: string) {
  const form = new FormData();
  form.set("file", new File([text], name, { type: "text/plain" }));
  return fetch(`${server.url}/api/transcripts`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}

function readDatabase<T>(file: string, read: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(file, { readonly: true });
  try {
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

function titles(file: string): string[] {
  return readDatabase(file, (sqlite) =>
    (sqlite.prepare("SELECT title FROM Transcript ORDER BY title").all() as { title: string }[]).map(
      (row) => row.title,
    ),
  );
}

/** A long hearing: thousands of short turns, so storing it takes seconds (most of them inside one transaction). */
function longHearing(turns: number): string {
  const lines = ["Hearing of the Committee on Fisheries, 3 March 2026", ""];
  for (let turn = 0; turn < turns; turn++) {
    const speaker = turn % 2 === 0 ? "CHAIR ANDERSEN" : `MS. WITNESS${turn % 7}`;
    lines.push(
      `${speaker}: Item ${turn}: the quota for herring in zone ${turn % 40} was set at ${turn * 3} tonnes, and Norway asked for a review.`,
      "",
    );
  }
  return lines.join("\n");
}

test("a kill -9 while an upload is being stored leaves no partial draft and a sound database", async () => {
  let server = await startServer({ env: ADMIN });
  const token = apiToken(server);
  const wal = `${server.databasePath}-wal`;
  const walBefore = fs.existsSync(wal) ? fs.statSync(wal).size : 0;

  let answered = false;
  const pending = upload(server, token, "hearing.txt", longHearing(40_000)).then(
    (response) => {
      answered = true;
      return response.status;
    },
    () => "connection closed",
  );
  // The write transaction spills pages into the WAL as it goes: once it has grown by a few MB while no transcript
  // is visible to a reader, the draft is half-written, and that is when the server dies.
  const deadline = Date.now() + 120_000;
  for (;;) {
    expect(Date.now(), "the upload never started writing").toBeLessThan(deadline);
    expect(answered, "the upload finished before the kill: make the file larger").toBe(false);
    const walGrowth = (fs.existsSync(wal) ? fs.statSync(wal).size : 0) - walBefore;
    if (walGrowth > 4 * 1024 * 1024 && titles(server.databasePath).length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await server.kill("SIGKILL");
  expect(await pending).toBe("connection closed");

  server = await startServer({ databasePath: server.databasePath, env: ADMIN });
  try {
    const integrity = readDatabase(server.databasePath, (sqlite) => sqlite.pragma("integrity_check", { simple: true }));
    expect(integrity).toBe("ok");
    const counts = readDatabase(server.databasePath, (sqlite) =>
      ["Transcript", "SourceFile", "Speaker", "Segment", "Entity", "Mention"].map(
        (table) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
      ),
    );
    expect(counts).toEqual([0, 0, 0, 0, 0, 0]);

    // The restarted server takes writes again: no lock or journal was left behind.
    const after = await upload(server, token, "short.txt", "MODERATOR: Good morning.\n\nMINISTER HOLM: Thank you.");
    expect(after.status).toBe(201);
  } finally {
    await server.stop();
  }
});

test("npm run backup while the server writes, then npm run restore, gives back the same rows", async () => {
  const server = await startServer({ env: ADMIN });
  try {
    const token = apiToken(server);
    expect((await upload(server, token, "before.txt", "CHAIR: The budget passed.\n\nMEMBER: Agreed.")).status).toBe(
      201,
    );
    const backedUp = npmRun(server, "backup");
    expect(backedUp.code, backedUp.stderr).toBe(0);
    const file = /Backed up to (\S+\.db)/.exec(backedUp.stdout)?.[1] ?? "";
    expect(path.dirname(file)).toBe(path.join(path.dirname(server.databasePath), "backups"));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const snapshot = titles(server.databasePath);

    expect((await upload(server, token, "after.txt", "CHAIR: A late motion.\n\nMEMBER: Seconded.")).status).toBe(201);
    expect(titles(server.databasePath)).toHaveLength(snapshot.length + 1);

    const restored = npmRun(server, "restore", "--", file);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain("kept at");
    expect(titles(server.databasePath)).toEqual(snapshot);
    expect(readDatabase(server.databasePath, (sqlite) => sqlite.pragma("integrity_check", { simple: true }))).toBe(
      "ok",
    );
    // The running server carries on with the restored database.
    expect((await upload(server, token, "later.txt", "CHAIR: Next item.\n\nMEMBER: Noted.")).status).toBe(201);
    expect(titles(server.databasePath)).toHaveLength(snapshot.length + 1);

    const broken = path.join(path.dirname(file), "not-a-backup.db");
    fs.writeFileSync(broken, "this is not a database");
    const refused = npmRun(server, "restore", "--", broken);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("not a readable SQLite database");
  } finally {
    await server.stop();
  }
});

test("the server's files are private and its process does not hold ADMIN_PASSWORD", async () => {
  const server = await startServer({ env: ADMIN });
  try {
    // A write, so the WAL and shared-memory files exist.
    const token = apiToken(server);
    expect((await upload(server, token, "note.txt", "CHAIR: Noted.")).status).toBe(201);
    for (const file of [server.databasePath, `${server.databasePath}-wal`, `${server.databasePath}-shm`]) {
      expect(fs.statSync(file).mode & 0o777, file).toBe(0o600);
    }
    const environment = fs.readFileSync(`/proc/${server.pid}/environ`, "utf8").split("\0");
    expect(environment.some((entry) => entry.startsWith("ADMIN_EMAIL="))).toBe(true);
    expect(environment.some((entry) => entry.startsWith("ADMIN_PASSWORD="))).toBe(false);
  } finally {
    await server.stop();
  }
});
