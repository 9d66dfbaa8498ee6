// The server process itself: a kill -9 in the middle of storing an upload, a back-up and restore while it serves,
// what its files and environment expose. Each test runs a server of its own (e2e/support/spawn-server.ts).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Browser } from "@playwright/test";
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

function upload(
  server: RunningServer,
  token: string,
  name: string,
  text: string,
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  form.set("file", new File([text], name, { type: "text/plain" }));
  return fetch(`${server.url}/api/transcripts`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, ...headers },
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

/** Whether another connection holds SQLite's write lock: BEGIN IMMEDIATE fails at once instead of waiting. */
function writeLockIsHeld(file: string): boolean {
  const sqlite = new Database(file, { timeout: 0 });
  try {
    sqlite.exec("BEGIN IMMEDIATE");
    sqlite.exec("ROLLBACK");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
    throw error;
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

/** A long hearing of thousands of short turns. */
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
  // The failpoint (lib/failpoints.ts) stops the ingestion worker inside the draft's write transaction, after its
  // paragraphs are written: the kill lands at that exact point, not wherever a timer happened to fall.
  let server = await startServer({ env: { ...ADMIN, VERBATIM_FAILPOINTS: "store-draft.after-segments" } });
  const token = apiToken(server);

  let answered = false;
  const pending = upload(server, token, "hearing.txt", longHearing(5_000)).then(
    (response) => {
      answered = true;
      return response.status;
    },
    () => "connection closed",
  );
  await expect
    .poll(() => server.output(), { timeout: 60_000, message: "the upload never reached the failpoint" })
    .toContain("[failpoint] store-draft.after-segments reached");
  expect(answered).toBe(false);
  // A write transaction is open (another writer is refused at once) and none of it is visible to a reader.
  expect(writeLockIsHeld(server.databasePath)).toBe(true);
  expect(titles(server.databasePath)).toEqual([]);
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

test("every request's log line, and the ingestion worker's, carry the request's id; /metrics counts them", async () => {
  const server = await startServer({ env: { ...ADMIN, LOG_LEVEL: "info" } });
  try {
    const token = apiToken(server);
    const requestId = "nginx-upload-7f3a9c1e";
    const response = await upload(server, token, "ids.txt", "CHAIR: Order, order.\n\nMEMBER: Ready.", {
      "x-request-id": requestId,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-request-id")).toBe(requestId);
    // An id that is not a plain token is replaced, not echoed.
    const other = await fetch(`${server.url}/api/health`, { headers: { "x-request-id": "<b>x</b> y" } });
    expect(other.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const lines = () =>
      server
        .output()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    await expect
      .poll(() =>
        lines()
          .filter((line) => line.requestId === requestId)
          .map((line) => line.msg),
      )
      .toEqual(expect.arrayContaining(["ingest task", "request"]));
    const fromWorker = lines().find((line) => line.requestId === requestId && line.msg === "ingest task")!;
    expect(fromWorker).toMatchObject({ level: "info", format: "txt", stored: true, bytes: expect.any(Number) });
    const access = lines().find((line) => line.requestId === requestId && line.msg === "request")!;
    expect(access).toMatchObject({ method: "POST", path: "/api/transcripts", status: 201, group: "staff_api" });
    // Never a token or a query string in the log.
    expect(server.output()).not.toContain(token);

    // A scraper on this machine reads the metrics; a request a proxy forwarded does not.
    const scraped = await fetch(`${server.url}/metrics`);
    expect(scraped.status).toBe(200);
    const text = await scraped.text();
    expect(text).toMatch(/verbatim_http_requests_total\{group="staff_api",method="POST",status="201"\} 1/);
    expect(text).toContain('verbatim_ingest_tasks{state="running"} 0');
    const forwarded = await fetch(`${server.url}/metrics`, { headers: { "x-forwarded-for": "203.0.113.7" } });
    expect(forwarded.status).toBe(404);
  } finally {
    await server.stop();
  }
});

test("a restore on a running server holds saves off with 503, loses none it acknowledged, and takes down what it undid", async () => {
  const server = await startServer({ env: ADMIN });
  const lockHolder = new Database(server.databasePath, { timeout: 0 });
  try {
    const token = apiToken(server);
    const call = async (route: string, init: RequestInit = {}) => {
      const response = await fetch(`${server.url}${route}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as never };
    };
    const draft = async (title: string, text: string) => {
      const created = await call("/api/transcripts", {
        method: "POST",
        body: JSON.stringify({ filename: "briefing.txt", title, text }),
      });
      expect(created.status).toBe(201);
      return (created.body as { id: string }).id;
    };
    const edited = await draft("Harbour committee", "CHAIR: The harbour committee meets on Monday.\n\nMEMBER: Agreed.");
    const backup = npmRun(server, "backup");
    expect(backup.code, backup.stderr).toBe(0);
    const backupFile = /Backed up to (\S+\.db)/.exec(backup.stdout)![1]!;

    // Published after the backup: the restore undoes it, and readers must stop seeing it.
    const published = await draft("Late briefing", "MINISTER: The ferry runs all winter.\n\nQUESTION: Thank you.");
    const { version } = (await call(`/api/transcripts/${published}`)).body as { version: number };
    await call(`/api/transcripts/${published}`, {
      method: "PATCH",
      body: JSON.stringify({ baseVersion: version, occurredAt: "2026-12-01", fidelityConfirmed: true }),
    });
    let answer = await call(`/api/transcripts/${published}/transitions`, {
      method: "POST",
      body: JSON.stringify({ to: "PUBLISHED" }),
    });
    if (answer.status === 422) {
      const checks = (answer.body as { error: { checks: { check: string }[] } }).error.checks;
      answer = await call(`/api/transcripts/${published}/transitions`, {
        method: "POST",
        body: JSON.stringify({ to: "PUBLISHED", overrides: checks.map((c) => ({ check: c.check, reason: "Test." })) }),
      });
    }
    expect(answer.status).toBe(200);
    const page = new URL((answer.body as { url: string }).url).pathname;
    expect((await fetch(`${server.url}${page}`)).status).toBe(200);
    expect((await fetch(`${server.url}${page}`)).status).toBe(200);

    // An editor saves one paragraph again and again while the restore runs.
    const { segments } = (await call(`/api/transcripts/${edited}?from=0&take=5`)).body as {
      segments: { id: string; version: number }[];
    };
    const paragraph = { ...segments[0]! };
    const acknowledged: string[] = [];
    const refusals: (string | null)[] = [];
    let saving = true;
    const saves = (async () => {
      for (let round = 0; saving; round++) {
        const text = `The harbour committee meets on Monday, draft ${round}.`;
        const saved = await call(`/api/transcripts/${edited}/segments/${paragraph.id}`, {
          method: "PATCH",
          body: JSON.stringify({ text, baseVersion: paragraph.version }),
        });
        if (saved.status === 200) {
          acknowledged.push(text);
          paragraph.version = (saved.body as { segment: { version: number } }).segment.version;
        } else if (saved.status === 409) {
          // The restore took the paragraph back to an earlier version: the editor is told, and saves on that one.
          paragraph.version = (
            saved.body as { error: { current: { segment: { version: number } } } }
          ).error.current.segment.version;
        } else {
          expect(saved.status).toBe(503);
          refusals.push(saved.headers.get("retry-after"));
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    })();
    while (acknowledged.length < 3) await new Promise((resolve) => setTimeout(resolve, 20));

    // A write of someone else's under way holds the restore at its wait for writers, long enough to see the hold.
    for (;;) {
      try {
        lockHolder.exec("BEGIN IMMEDIATE");
        break;
      } catch {
        // The editor's save holds it for a moment.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    const restore = spawn("npm", ["run", "restore", "--", backupFile], {
      env: { ...process.env, DATABASE_URL: `file:${server.databasePath}` },
    });
    let restoreOutput = "";
    restore.stdout.on("data", (chunk: Buffer) => (restoreOutput += chunk.toString()));
    restore.stderr.on("data", (chunk: Buffer) => (restoreOutput += chunk.toString()));
    const restored = new Promise<number | null>((resolve) => restore.on("exit", resolve));
    const marker = path.join(path.dirname(server.databasePath), ".restore-in-progress");
    await expect.poll(() => fs.existsSync(marker), { timeout: 30_000 }).toBe(true);
    // While the restore holds writers off, a save is answered at once: 503, come back in 5 s, nothing written.
    const held = await call(`/api/transcripts/${edited}/segments/${paragraph.id}`, {
      method: "PATCH",
      body: JSON.stringify({ text: "Sent while the restore runs.", baseVersion: paragraph.version }),
    });
    expect(held.status).toBe(503);
    expect(held.headers.get("retry-after")).toBe("5");
    expect(held.body as unknown).toMatchObject({ error: { code: "UNAVAILABLE" } });
    lockHolder.exec("COMMIT");
    expect(await restored, restoreOutput).toBe(0);
    const afterRestore = acknowledged.length;
    await expect.poll(() => acknowledged.length, { timeout: 15_000 }).toBeGreaterThan(afterRestore);
    saving = false;
    await saves;

    // The save that was waiting when the restore began was refused the same way, or went through after it.
    for (const retryAfter of refusals) expect(retryAfter).toBe("5");
    // Every acknowledged save is in a revision of the restored database or of the copy kept aside.
    const aside = /kept at (\S+\.db)/.exec(restoreOutput)![1]!;
    const revisionTexts = (file: string) =>
      readDatabase(file, (sqlite) =>
        (sqlite.prepare(`SELECT changes FROM Revision WHERE transcriptId = ?`).all(edited) as { changes: string }[])
          .map((row) => row.changes)
          .join("\n"),
      );
    const kept = `${revisionTexts(aside)}\n${revisionTexts(server.databasePath)}`;
    expect(acknowledged.filter((text) => !kept.includes(JSON.stringify(text).slice(1, -1)))).toEqual([]);

    // The page published after the backup is gone for readers within a second or two, without a restart.
    await expect.poll(async () => (await fetch(`${server.url}${page}`)).status, { timeout: 10_000 }).toBe(404);
    // And the restore is in the audit log: who, which file.
    const audit = readDatabase(server.databasePath, (sqlite) =>
      sqlite.prepare(`SELECT details FROM AuditEvent WHERE action = 'system.restored'`).all(),
    ) as { details: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ backup: path.resolve(backupFile), keptAside: aside });
  } finally {
    if (lockHolder.inTransaction) lockHolder.exec("ROLLBACK");
    lockHolder.close();
    await server.stop();
  }
});

/** The staff API of a spawned server, with an API token: status, headers and JSON body. */
function staffApi(server: RunningServer, token: string) {
  return async (route: string, init: RequestInit = {}) => {
    const response = await fetch(`${server.url}${route}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
  };
}

/** A draft with its details complete, ready to publish over the checks' warnings. */
async function readyDraft(call: ReturnType<typeof staffApi>, title: string, text: string): Promise<string> {
  const created = await call("/api/transcripts", {
    method: "POST",
    body: JSON.stringify({ filename: "briefing.txt", title, text }),
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const { version } = (await call(`/api/transcripts/${id}`)).body as { version: number };
  const details = await call(`/api/transcripts/${id}`, {
    method: "PATCH",
    body: JSON.stringify({ baseVersion: version, occurredAt: "2026-12-01", fidelityConfirmed: true }),
  });
  expect(details.status).toBe(200);
  return id;
}

// Named speakers, a date and a confirmed fidelity label (readyDraft): nothing for the checks to warn about.
const PUBLISH = JSON.stringify({ to: "PUBLISHED" });

function publishedState(file: string, transcriptId: string) {
  return readDatabase(file, (sqlite) => ({
    integrity: sqlite.pragma("integrity_check", { simple: true }),
    status: (sqlite.prepare(`SELECT status FROM Transcript WHERE id = ?`).get(transcriptId) as { status: string })
      .status,
    counts: ["Publication", "Correction", "PublicListing", "PublicParagraph"].map(
      (table) =>
        (sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE transcriptId = ?`).get(transcriptId) as { n: number })
          .n,
    ),
    // The full-text index agrees with its rows (it is written by triggers in the same transaction).
    indexed: (sqlite.prepare(`SELECT count(*) AS n FROM PublicParagraphFts`).get() as { n: number }).n,
    paragraphs: (sqlite.prepare(`SELECT count(*) AS n FROM PublicParagraph`).get() as { n: number }).n,
    texts: (
      sqlite.prepare(`SELECT text FROM PublicParagraph WHERE transcriptId = ? ORDER BY number`).all(transcriptId) as {
        text: string;
      }[]
    ).map((row) => row.text),
  }));
}

test("a kill -9 in the middle of publishing, or of a correction, leaves it undone and everything consistent", async () => {
  let server = await startServer({
    env: { ...ADMIN, VERBATIM_FAILPOINTS: "publish.after-index,correction.after-index" },
  });
  const token = apiToken(server);
  let call = staffApi(server, token);
  const publishing = await readyDraft(
    call,
    "Harbour dues",
    "MAYOR LINDQVIST: The harbour dues rise in May.\n\nCOUNCILLOR BERG: Agreed.",
  );

  // Killed with the publication and the public index written, nothing committed.
  const pending = call(`/api/transcripts/${publishing}/transitions`, { method: "POST", body: PUBLISH });
  pending.catch(() => undefined);
  await expect
    .poll(() => server.output(), { timeout: 60_000, message: "publishing never reached the failpoint" })
    .toContain("[failpoint] publish.after-index reached");
  expect(writeLockIsHeld(server.databasePath)).toBe(true);
  await server.kill("SIGKILL");
  server = await startServer({ databasePath: server.databasePath, env: ADMIN });
  try {
    call = staffApi(server, token);
    const afterKill = publishedState(server.databasePath, publishing);
    expect(afterKill).toMatchObject({ integrity: "ok", status: "DRAFT", counts: [0, 0, 0, 0] });
    expect(afterKill.indexed).toBe(afterKill.paragraphs);
    // Published again, it goes through whole.
    const published = await call(`/api/transcripts/${publishing}/transitions`, {
      method: "POST",
      body: PUBLISH,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const page = new URL(published.body.url as string).pathname;
    expect((await fetch(`${server.url}${page}`)).status).toBe(200);
    expect(publishedState(server.databasePath, publishing)).toMatchObject({
      status: "PUBLISHED",
      counts: [1, 0, 1, 2],
    });
  } finally {
    await server.stop();
  }

  // A correction killed the same way: the published words, the publication and the index are as they were.
  server = await startServer({
    databasePath: server.databasePath,
    env: { ...ADMIN, VERBATIM_FAILPOINTS: "correction.after-index" },
  });
  call = staffApi(server, token);
  const { segments } = (await call(`/api/transcripts/${publishing}?from=0&take=5`)).body as {
    segments: { id: string }[];
  };
  const correction = JSON.stringify({
    segmentId: segments[0]!.id,
    text: "The harbour dues rise in June.",
    reason: "The month was misheard.",
  });
  const correcting = call(`/api/transcripts/${publishing}/corrections`, { method: "POST", body: correction });
  correcting.catch(() => undefined);
  await expect
    .poll(() => server.output(), { timeout: 60_000, message: "the correction never reached the failpoint" })
    .toContain("[failpoint] correction.after-index reached");
  await server.kill("SIGKILL");
  server = await startServer({ databasePath: server.databasePath, env: ADMIN });
  try {
    call = staffApi(server, token);
    const afterKill = publishedState(server.databasePath, publishing);
    expect(afterKill).toMatchObject({ integrity: "ok", status: "PUBLISHED", counts: [1, 0, 1, 2] });
    expect(afterKill.texts[0]).toContain("rise in May");
    expect(afterKill.indexed).toBe(afterKill.paragraphs);
    const corrected = await call(`/api/transcripts/${publishing}/corrections`, { method: "POST", body: correction });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(201);
    expect(publishedState(server.databasePath, publishing)).toMatchObject({ counts: [2, 1, 1, 2] });
  } finally {
    await server.stop();
  }
});

test("a save that waits past the database's wait for another writer is refused with 503 and a sentence, never a 500", async () => {
  // A short wait, so the test need not hold the database for the default 30 s.
  const server = await startServer({ env: { ...ADMIN, SQLITE_WRITE_WAIT_MS: "300" } });
  const holder = new Database(server.databasePath, { timeout: 5_000 });
  try {
    const token = apiToken(server);
    const call = staffApi(server, token);
    const id = await readyDraft(
      call,
      "Harbour lights",
      "MAYOR LINDQVIST: The lights go on at dusk.\n\nCOUNCILLOR BERG: Agreed.",
    );
    const { segments } = (await call(`/api/transcripts/${id}?from=0&take=5`)).body as {
      segments: { id: string; version: number; text: string }[];
    };
    // Another process (a long import, a stuck tool) holds the write lock.
    holder.exec("BEGIN IMMEDIATE");
    const refused = await fetch(`${server.url}/api/transcripts/${id}/segments/${segments[0]!.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ text: "The lights go on at nine.", baseVersion: segments[0]!.version }),
    });
    holder.exec("ROLLBACK");
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await refused.json()).toEqual({
      error: {
        code: "UNAVAILABLE",
        message:
          "The database was busy with other changes for too long: nothing was saved. Try again in a few seconds.",
      },
    });
    // Nothing was written; once the other writer is done, the same save goes through.
    const unchanged = (await call(`/api/transcripts/${id}?from=0&take=5`)).body as { segments: { text: string }[] };
    expect(unchanged.segments[0]!.text).toBe(segments[0]!.text);
    const saved = await call(`/api/transcripts/${id}/segments/${segments[0]!.id}`, {
      method: "PATCH",
      body: JSON.stringify({ text: "The lights go on at nine.", baseVersion: segments[0]!.version }),
    });
    expect(saved.status).toBe(200);
  } finally {
    if (holder.inTransaction) holder.exec("ROLLBACK");
    holder.close();
    await server.stop();
  }
});

/** A browser page of the spawned server, signed in through the form as the admin. */
async function signedInPage(browser: Browser, server: RunningServer) {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(ADMIN.ADMIN_EMAIL);
  await page.getByLabel("Password").fill(ADMIN.ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/desk/);
  return { context, page };
}

/** The first paragraph's text and the revision count of a transcript, read straight from the server's file. */
function firstParagraphState(file: string, transcriptId: string) {
  return readDatabase(file, (sqlite) => ({
    text: (
      sqlite.prepare(`SELECT text FROM Segment WHERE transcriptId = ? ORDER BY position`).get(transcriptId) as {
        text: string;
      }
    ).text,
    revisions: (
      sqlite.prepare(`SELECT COUNT(*) AS n FROM Revision WHERE transcriptId = ?`).get(transcriptId) as { n: number }
    ).n,
  }));
}

test("a full disk during a save in the editor: a 507 with a sentence, nothing half-written, the text kept and saved once there is room", async ({
  browser,
}) => {
  // lib/failpoints.ts: while `<database>.disk-full` exists, the database file may not grow (SQLITE_FULL).
  const server = await startServer({ env: { ...ADMIN, VERBATIM_FAILPOINTS: "sqlite.disk-full" } });
  const marker = `${server.databasePath}.disk-full`;
  const { context, page } = await signedInPage(browser, server);
  try {
    const call = staffApi(server, apiToken(server));
    const id = await readyDraft(
      call,
      "Budget hearing",
      "CHAIR HANSEN: The committee will now hear the minister.\n\nMINISTER HOLM: Thank you, chair.",
    );
    const before = firstParagraphState(server.databasePath, id);
    await page.goto(`/desk/transcripts/${id}`);
    const paragraph = page.getByRole("textbox", { name: /^Paragraph 1,/ });
    await expect(paragraph).toBeEnabled();

    // Many new words: the paragraph, its revision and the desk's full-text index all need new pages.
    const words = Array.from({ length: 6_000 }, (_, index) => `amendment${index.toString(36)}`).join(" ");
    const text = `The committee will now hear the minister. ${words}`;
    fs.writeFileSync(marker, "");
    const refused = page.waitForResponse(
      (response) => response.request().method() === "PATCH" && response.url().includes(`/api/transcripts/${id}/`),
    );
    await paragraph.fill(text);
    const response = await refused;
    expect(response.status()).toBe(507);
    expect(await response.json()).toEqual({
      error: {
        code: "STORAGE_FULL",
        message:
          "The server has no room left to save this: nothing was saved. Your text is kept; tell your administrator.",
      },
    });
    // At the paragraph, which keeps the text.
    await expect(page.getByText("Not saved: The server has no room left to save this")).toBeVisible();
    await expect(paragraph).toHaveValue(text);
    // Nothing half-written: the paragraph and its history are as they were.
    expect(firstParagraphState(server.databasePath, id)).toEqual(before);

    // Room again: the editor sends the kept text by itself.
    fs.rmSync(marker);
    await expect
      .poll(() => firstParagraphState(server.databasePath, id).text, {
        timeout: 60_000,
        message: "the kept text was never saved",
      })
      .toBe(text);
    await expect(page.getByText("Not saved: The server has no room left to save this")).toBeHidden();
  } finally {
    fs.rmSync(marker, { force: true });
    await context.close();
    await server.stop();
  }
});
