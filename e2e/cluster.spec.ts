// Two production servers on one PostgreSQL database, as a newsroom runs Verbatim behind a load balancer: what one
// server publishes, corrects or unpublishes, the other's readers see at once (its cached pages included); a session,
// a token and the sign-in limit hold on both; a draft published from both at once, or a scheduled publication both
// schedulers find due, goes out once. Needs PostgreSQL's server programs (Debian's `postgresql`, as CI installs).
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@/lib/test/postgres-server";
import { expect, test } from "./fixtures";
import {
  Api,
  briefingText,
  completeDetails,
  correct,
  json,
  publishOverWarnings,
  readDraft,
  transition,
  uniqueTag,
  uploadDraft,
} from "./support/publishing";
import { PURGE_RECORDER_PORT } from "./support/purge-recorder";
import { startServer, type RunningServer } from "./support/spawn-server";
import { SETTLE_MS } from "@/lib/publishing/cache-settle";

const ADMIN = { ADMIN_EMAIL: "cluster.admin@newsroom.test", ADMIN_PASSWORD: "two servers share one harbour" };

// Starting PostgreSQL and two servers takes a while on a busy 2-core machine; the tests share them, in order.
test.describe.configure({ mode: "serial", timeout: 240_000 });

let postgres: ThrowawayPostgres;
let databaseUrl: string;
let servers: RunningServer[] = [];
let contexts: APIRequestContext[] = [];
let token: string;
/** A second member of staff, an editor, with a token of their own. */
let editorToken: string;
const EDITOR = { email: "cluster.editor@newsroom.test", name: "Nils Second-Server" };

/** A request context and an API caller (the admin's token) for each server. */
let a: { url: string; request: APIRequestContext; api: Api };
let b: { url: string; request: APIRequestContext; api: Api };

async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** `npm run token -- create` on the cluster's database, as an operator would. */
function createToken(email: string): string {
  const created = spawnSync(
    path.join("node_modules", ".bin", "tsx"),
    ["scripts/token.ts", "create", "--as", email, "--name", "cluster test"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  expect(created.status, created.stderr).toBe(0);
  return created.stdout.trim();
}

/** The PURGEs the edge cache (e2e/support/purge-recorder.ts) was sent since `since` that name `key`. */
async function purgesOf(key: string, since: number): Promise<number[]> {
  const response = await fetch(`http://127.0.0.1:${PURGE_RECORDER_PORT}/purges`);
  const { purges } = (await response.json()) as { purges: { at: number; keys: string[] }[] };
  return purges.filter((purge) => purge.at >= since && purge.keys.includes(key)).map((purge) => purge.at);
}

test.beforeAll(async () => {
  postgres = await startThrowawayPostgres();
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query("CREATE DATABASE cluster");
  await admin.end();
  const url = new URL(postgres.url);
  url.pathname = "/cluster";
  databaseUrl = url.toString();

  // The same secret on every server (scripts/start.ts refuses to start on PostgreSQL without one): a session signed
  // by one server is good on the others. Schedulers run twice a second, so both find a due publication together.
  const shared = {
    NEXTAUTH_SECRET: `cluster-${path.basename(postgres.url)}-${Date.now()}`,
    SCHEDULER_INTERVAL_MS: "500",
    EDGE_PURGE_URL: `http://127.0.0.1:${PURGE_RECORDER_PORT}/`,
    // Small enough to reach in a test: a reader's searches on both servers count together.
    RATE_LIMITS: "search=4",
    // Live events reach another server's readers only through NOTIFY here: its hub's safety-net round is an hour.
    LIVE_POLL_MS: "3600000",
  };
  servers.push(await startServer({ databaseUrl, env: { ...ADMIN, ...shared } }));
  servers.push(await startServer({ databaseUrl, env: shared }));

  token = createToken(ADMIN.ADMIN_EMAIL);
  await query(
    `INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ('cluster-editor', $1, $2, 'EDITOR', now())`,
    [EDITOR.email, EDITOR.name],
  );
  editorToken = createToken(EDITOR.email);

  const callers = [];
  for (const server of servers) {
    const request = await playwrightRequest.newContext({ baseURL: server.url });
    contexts.push(request);
    callers.push({ url: server.url, request, api: new Api(request, token) });
  }
  [a, b] = callers as [typeof a, typeof b];
});

test.afterAll(async () => {
  for (const context of contexts) await context.dispose();
  for (const server of servers) await server.stop();
  postgres?.stop();
  servers = [];
  contexts = [];
});

test("both servers are ready and hear each other's cache expiries", async () => {
  for (const server of [a, b]) {
    const ready = await server.request.get("/api/ready");
    expect(ready.status(), await ready.text()).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, database: "ok", fanOut: "connected" });
  }
});

test("a page one server serves from its cache goes at once when the other corrects or unpublishes it", async () => {
  const tag = uniqueTag();
  const draft = await uploadDraft(a.api, { title: `Cluster briefing ${tag}`, text: briefingText(tag) });
  await completeDetails(a.api, draft.id);
  const published = await publishOverWarnings(a.api, draft.id);
  const page = new URL(published.url!).pathname;

  // Both servers answer the page from their own cached copy before anything changes.
  for (const server of [a, b]) {
    await expect
      .poll(async () => (await server.request.get(page)).headers()["x-verbatim-page-cache"], { timeout: 20_000 })
      .toBe("HIT");
  }
  // Search on either server finds what was published through the first (one database, PostgreSQL's full text).
  const found = await b.request.get(`/search?q=${encodeURIComponent(`fisheries ${tag}`)}`);
  expect(await found.text()).toContain(`Cluster briefing ${tag}`);

  // Corrected through the second server: the first one's readers get the corrected page, not its cached copy.
  const { segments } = await readDraft(b.api, draft.id);
  await correct(b.api, draft.id, {
    segmentId: segments[1]!.id,
    text: `The agreement was signed in Tromsø ${tag}.`,
    reason: "The place was misheard.",
  });
  await expect
    .poll(async () => (await a.request.get(page)).text(), { timeout: 5_000 })
    .toContain(`The agreement was signed in Tromsø ${tag}.`);

  // Cached again on the first server, then unpublished through the second: gone from the first at once.
  await expect
    .poll(async () => (await a.request.get(page)).headers()["x-verbatim-page-cache"], { timeout: 20_000 })
    .toBe("HIT");
  // The correction's second round of expiries (lib/publishing/cache-settle.ts) is over before the count starts.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS + 500));
  const beforeUnpublishing = Date.now();
  const unpublished = await transition(b.api, draft.id, { to: "UNPUBLISHED", note: "Legal asked." });
  expect(unpublished.status(), await unpublished.text()).toBe(200);
  expect((await b.request.get(page)).status()).toBe(404);
  await expect.poll(async () => (await a.request.get(page)).status(), { timeout: 5_000 }).toBe(404);
  // The edge cache in front was told to forget the page by each server once it had expired its own copy: by the
  // server that unpublished it at once, and by the other after hearing of it (until then the edge could have
  // fetched the old page from there). Each server says it once more when it expires the page a second time, once
  // renders under way have finished (lib/publishing/cache-settle.ts). Twice each, not more.
  const slugKey = `public:slug:${page.split("/").pop()}`;
  await expect.poll(async () => (await purgesOf(slugKey, beforeUnpublishing)).length, { timeout: 5_000 }).toBe(2);
  await expect
    .poll(async () => (await purgesOf(slugKey, beforeUnpublishing)).length, { timeout: SETTLE_MS + 5_000 })
    .toBe(4);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await purgesOf(slugKey, beforeUnpublishing)).toHaveLength(4);
  // The first server counted what it heard from the second, and how long it took (its /metrics, read locally).
  const scraped = await (await fetch(`${a.url}/metrics`)).text();
  expect(
    Number(/verbatim_cache_expiries_total\{direction="received"\} (\d+)/.exec(scraped)?.[1]),
  ).toBeGreaterThanOrEqual(2);
  expect(Number(/verbatim_cache_fanout_lag_seconds_count (\d+)/.exec(scraped)?.[1])).toBeGreaterThanOrEqual(2);
  expect(scraped).toMatch(/verbatim_db_pool_connections\{state="total"\} [1-9]/);
  const searched = await a.request.get(`/search?q=${encodeURIComponent(`fisheries ${tag}`)}`);
  expect(await searched.text()).not.toContain(`Cluster briefing ${tag}`);
});

test("two people saving one paragraph through different servers: the second gets the conflict, with the first's words", async () => {
  const tag = uniqueTag();
  const draft = await uploadDraft(a.api, { title: `Shared desk briefing ${tag}`, text: briefingText(tag) });
  const editor = new Api(b.request, editorToken);
  const [first, second] = draft.segments;

  const editorsText = `Good afternoon, and welcome to the fisheries briefing ${tag}, held in Bergen.`;
  const saved = await editor.patch(`/api/transcripts/${draft.id}/segments/${first!.id}`, {
    text: editorsText,
    baseVersion: first!.version,
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const stale = await a.api.patch(`/api/transcripts/${draft.id}/segments/${first!.id}`, {
    text: "Good afternoon.",
    baseVersion: first!.version,
  });
  expect(stale.status()).toBe(409);
  const { error } = await json<{
    error: { code: string; message: string; current: { segment: { text: string; version: number } } };
  }>(stale);
  expect(error.code).toBe("CONFLICT");
  expect(error.message).toContain(EDITOR.name);
  expect(error.current.segment).toMatchObject({ text: editorsText, version: first!.version + 1 });

  // Different paragraphs from the same versions, at once, through both servers: both save.
  const [one, two] = await Promise.all([
    a.api.patch(`/api/transcripts/${draft.id}/segments/${second!.id}`, {
      text: `The agreement was signed in Bergen on Tuesday ${tag}.`,
      baseVersion: second!.version,
    }),
    editor.patch(`/api/transcripts/${draft.id}/segments/${draft.segments[2]!.id}`, {
      text: "Will the coastal fleet get a larger share of the quota?",
      baseVersion: draft.segments[2]!.version,
    }),
  ]);
  expect([one.status(), two.status()]).toEqual([200, 200]);
  const now = await readDraft(b.api, draft.id);
  expect(now.segments.slice(0, 3).map((segment) => segment.text)).toEqual([
    editorsText,
    `The agreement was signed in Bergen on Tuesday ${tag}.`,
    "Will the coastal fleet get a larger share of the quota?",
  ]);
});

test("a draft published through both servers at the same moment is published once, then republished", async () => {
  // Publishing a published transcript republishes it (the page takes the working copy's changes). Sent through both
  // servers at once, one request must find the draft and publish it, the other find it published and republish it:
  // never two first publications, never two publications with one number.
  for (let round = 0; round < 3; round++) {
    const tag = uniqueTag();
    const draft = await uploadDraft(a.api, { title: `Twice-sent briefing ${tag}`, text: briefingText(tag) });
    await completeDetails(a.api, draft.id);
    const overrides = [{ check: "unnamed_speakers", reason: "The ministry does not name questioners." }];
    const answers = await Promise.all(
      [a, b].map((server) => transition(server.api, draft.id, { to: "PUBLISHED", overrides })),
    );
    for (const answer of answers) expect(answer.status(), await answer.text()).toBe(200);
    const publications = await query<{ number: number }>(
      `SELECT number FROM "Publication" WHERE "transcriptId" = $1 ORDER BY number`,
      [draft.id],
    );
    expect(publications.map((publication) => publication.number)).toEqual([1, 2]);
    const events = await query<{ action: string }>(
      `SELECT action FROM "AuditEvent" WHERE "targetId" = $1 AND action LIKE 'transcript.%published' ORDER BY at`,
      [draft.id],
    );
    expect(events.map((event) => event.action)).toEqual(["transcript.published", "transcript.republished"]);
  }

  // Sent as the desk sends it, with the version both editors decided on: one publishes, the other is told who did.
  const tag = uniqueTag();
  const draft = await uploadDraft(a.api, { title: `Decided-on briefing ${tag}`, text: briefingText(tag) });
  await completeDetails(a.api, draft.id);
  const { version } = await readDraft(a.api, draft.id);
  const overrides = [{ check: "unnamed_speakers", reason: "The ministry does not name questioners." }];
  const answers = await Promise.all(
    [a, b].map((server) => transition(server.api, draft.id, { to: "PUBLISHED", overrides, baseVersion: version })),
  );
  expect(answers.map((answer) => answer.status()).sort()).toEqual([200, 409]);
  const refused = (await answers.find((answer) => answer.status() === 409)!.json()) as {
    error: { code: string; message: string };
  };
  expect(refused.error.code).toBe("CONFLICT");
  expect(refused.error.message).toMatch(/changed this transcript after you opened it; it is now published\./);
  const publications = await query<{ number: number }>(`SELECT number FROM "Publication" WHERE "transcriptId" = $1`, [
    draft.id,
  ]);
  expect(publications).toHaveLength(1);
});

test("a scheduled publication both servers' schedulers find due goes out once", async () => {
  const tag = uniqueTag();
  const draft = await uploadDraft(a.api, { title: `Scheduled cluster briefing ${tag}`, text: briefingText(tag) });
  await completeDetails(a.api, draft.id);
  // Past the margin under which a time publishes at once (SCHEDULE_MARGIN_MS in lib/publishing/workflow.ts).
  const scheduled = await transition(a.api, draft.id, {
    to: "PUBLISHED",
    publishAt: new Date(Date.now() + 8_000).toISOString(),
    overrides: [{ check: "unnamed_speakers", reason: "The ministry does not name questioners." }],
  });
  expect(scheduled.status(), await scheduled.text()).toBe(200);
  const { url } = await json<{ url: string }>(scheduled);
  const page = new URL(url).pathname;
  expect((await b.request.get(page)).status()).toBe(404);

  await expect.poll(async () => (await b.request.get(page)).status(), { timeout: 60_000 }).toBe(200);
  expect((await a.request.get(page)).status()).toBe(200);
  // Both schedulers kept running meanwhile: give them a few more rounds to publish it a second time.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const events = await query<{ action: string }>(
    `SELECT action FROM "AuditEvent" WHERE "targetId" = $1 AND action IN ('transcript.published', 'transcript.republished')`,
    [draft.id],
  );
  expect(events).toHaveLength(1);
});

test("a session and the sign-in limit hold across servers", async ({ browser }) => {
  // Signed in through the first server, the desk of the second lets the admin in.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${a.url}/signin`);
    await page.getByLabel("Email").fill(ADMIN.ADMIN_EMAIL);
    await page.getByLabel("Password").fill(ADMIN.ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/desk/);
    await page.goto(`${b.url}/desk`);
    await expect(page).toHaveURL(`${b.url}/desk`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  } finally {
    await context.close();
  }

  // Wrong passwords tried against both servers count together: the tenth, five on each, locks the account on both
  // (a count per server would still be checking passwords).
  const csrf = async (server: typeof a) =>
    ((await (await server.request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  const attempt = async (server: typeof a, csrfToken: string, password: string) => {
    const response = await server.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: ADMIN.ADMIN_EMAIL, password, json: "true" },
      maxRedirects: 0,
    });
    return new URL(((await response.json()) as { url: string }).url).searchParams.get("error");
  };
  const tokens = [await csrf(a), await csrf(b)];
  const answers: (string | null)[] = [];
  for (let index = 0; index < 10; index++) {
    answers.push(await attempt(index % 2 === 0 ? a : b, tokens[index % 2]!, `wrong ${index}`));
  }
  expect(answers.slice(0, 9)).toEqual(Array(9).fill("That email and password do not match an active account."));
  expect(answers[9]).toMatch(/^Too many sign-in attempts\./);
  for (const [index, server] of [a, b].entries()) {
    expect(await attempt(server, tokens[index]!, ADMIN.ADMIN_PASSWORD)).toMatch(/^Too many sign-in attempts\./);
  }
});

test("a reader's searches on both servers count against one limit", async () => {
  // One reader (one address, as a proxy on this machine forwards it), alternating between the servers.
  const reader = { "x-forwarded-for": "198.51.100.77" };
  const statuses: number[] = [];
  for (let index = 0; index < 6; index++) {
    const server = index % 2 === 0 ? a : b;
    const response = await server.request.get("/search?q=agreement", { headers: reader });
    statuses.push(response.status());
    if (response.status() === 429) {
      expect(Number(response.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
      expect(response.headers()["cache-control"]).toBe("no-store");
    }
  }
  // Four allowed in all (two on each), then refused on both: a limit per server would have allowed eight.
  expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  // Another reader is not held back by the first.
  expect(
    (await b.request.get("/search?q=agreement", { headers: { "x-forwarded-for": "198.51.100.78" } })).status(),
  ).toBe(200);
});

test("a live transcript's paragraphs saved through one server reach readers streaming from the other, and so does its end", async () => {
  const created = await a.api.post("/api/transcripts/live", {
    title: `Cluster live ${uniqueTag()}`,
    speakers: ["Holm"],
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id, slug } = await json<{ id: string; slug: string }>(created);
  expect((await transition(a.api, id, { to: "LIVE" })).status()).toBe(200);

  // A reader on server B, from the start of the stream.
  const response = await fetch(`${b.url}/t/${slug}/events?after=0`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const decoder = new TextDecoder();
  let received = "";
  const reading = (async () => {
    const reader = response.body!.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      received += decoder.decode(value, { stream: true });
    }
  })();

  const feed = (text: string, startMs: number) =>
    a.api.post(`/api/transcripts/${id}/live/cues`, { cues: [{ speaker: "Holm", text, startMs }] });
  expect((await feed("Fed through server A.", 0)).status()).toBe(202);
  await expect.poll(() => received, { timeout: 10_000 }).toContain("Fed through server A.");
  expect((await feed("And a second paragraph, after a long pause.", 60_000)).status()).toBe(202);
  await expect.poll(() => received, { timeout: 10_000 }).toContain("And a second paragraph");
  // Numbered in order, each once.
  const ids = [...received.matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1]));
  expect(ids).toEqual([1, 2]);

  // Ended through server B's API this time: server B's reader hears it, and its stream closes.
  await publishOverWarnings(b.api, id);
  await expect.poll(() => received, { timeout: 10_000 }).toMatch(/event: end\ndata: \{"status":"PUBLISHED"/);
  await reading;
  expect((await b.request.get(`/t/${slug}`)).status()).toBe(200);
});
