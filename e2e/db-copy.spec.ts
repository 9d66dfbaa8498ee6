// Moving house: a newsroom's SQLite install, copied with `npm run db:copy` into PostgreSQL, serves the same reading
// page, annotations, search results and original files, and the API token made before the move still works. The
// source file is not touched; a second copy into the now full database is refused. Needs PostgreSQL's programs.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { Browser } from "@playwright/test";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@/lib/test/postgres-server";
import { expect, test } from "./fixtures";
import { startServer, type RunningServer } from "./support/spawn-server";

const ADMIN = {
  ADMIN_EMAIL: "moving.editor@newsroom.test",
  ADMIN_PASSWORD: "every byte goes with us to the new house",
};
const SECRET = { NEXTAUTH_SECRET: "db-copy-e2e-secret-kept-across-the-move" };

// Two servers, one after the other, and a PostgreSQL server: more than the default minute on a busy machine.
test.describe.configure({ timeout: 240_000 });

let postgres: ThrowawayPostgres | null = null;
const servers: RunningServer[] = [];

test.afterAll(async () => {
  for (const server of servers) await server.stop();
  postgres?.stop();
});

function tsx(script: string, args: string[], databaseUrl: string) {
  const result = spawnSync(path.join("node_modules", ".bin", "tsx"), [script, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

/** Calls a server's API with the token. */
function call(server: RunningServer, token: string, route: string, init: RequestInit = {}) {
  return fetch(`${server.url}${route}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
  });
}

/** What a reader and the desk see of the transcript, with the server's own address taken out. */
async function whatPeopleSee(browser: Browser, server: RunningServer, token: string, ids: Ids) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/t/${ids.slug}`);
    const reading = await page.getByTestId("transcript-reader").innerText();
    await page.goto(`${server.url}/search?q=${encodeURIComponent("Tromsø kvoter")}`);
    const search = await page.getByRole("main").innerText();
    const annotations = await (await call(server, token, `/api/transcripts/${ids.transcript}/annotations`)).json();
    const original = Buffer.from(
      await (await call(server, token, `/api/source-files/${ids.sourceFile}`)).arrayBuffer(),
    );
    const text = (value: string) => value.split(server.url).join("ORIGIN");
    return { reading: text(reading), search: text(search), annotations, original: sha256(original) };
  } finally {
    await context.close();
  }
}

interface Ids {
  transcript: string;
  slug: string;
  sourceFile: string;
}

test("a SQLite install copied into PostgreSQL serves the same pages, notes, search and files", async ({ browser }) => {
  // 1. A newsroom on SQLite: an upload in Windows-1252 (as Word's "Save as text" makes it), annotated, published,
  //    corrected.
  const sqliteServer = await startServer({ env: { ...ADMIN, ...SECRET } });
  servers.push(sqliteServer);
  const sqliteUrl = `file:${sqliteServer.databasePath}`;
  const created = tsx(
    "scripts/token.ts",
    ["create", "--as", ADMIN.ADMIN_EMAIL, "--name", "before the move"],
    sqliteUrl,
  );
  expect(created.code, created.stderr).toBe(0);
  const token = created.stdout;

  const transcriptText = [
    "MINISTER HOLM: Avtalen ble signert i Tromsø på tirsdag. Kvoter øker med 2 prosent - og 2 prosent til i 2027.",
    "QUESTION: Får kystflåten mer? « Ja », sa hun. 🐟",
    "MINISTER HOLM: Kystflåten får den største andelen den noen gang har hatt: 2 prosent, 2 prosent, 2 prosent.",
  ].join("\n\n");
  const original = Buffer.from(transcriptText.replace("🐟", ""), "latin1");
  const form = new FormData();
  form.set("file", new File([original], "kvoter.txt", { type: "text/plain" }));
  form.set("title", "Tromsø kvoter briefing");
  const uploaded = await fetch(`${sqliteServer.url}/api/transcripts`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  expect(uploaded.status, await uploaded.clone().text()).toBe(201);
  const { id } = (await uploaded.json()) as { id: string };
  const draft = (await (await call(sqliteServer, token, `/api/transcripts/${id}`)).json()) as {
    slug: string;
    version: number;
    segments: { id: string; text: string; version: number }[];
  };
  const details = await call(sqliteServer, token, `/api/transcripts/${id}`, {
    method: "PATCH",
    body: JSON.stringify({ baseVersion: draft.version, occurredAt: "2026-03-03", fidelityConfirmed: true }),
  });
  expect(details.status, await details.text()).toBe(200);
  const first = draft.segments[0]!;
  const words = "2 prosent til i 2027";
  const start = first.text.indexOf(words);
  expect(start).toBeGreaterThan(0);
  for (const fields of [
    { kind: "context", body: "The ministry's figures, «2 %», are for herring only." },
    { kind: "note", body: "Internal: check the 2027 figure with the ministry." },
    { kind: "quote" },
  ]) {
    const annotated = await call(sqliteServer, token, `/api/transcripts/${id}/annotations`, {
      method: "POST",
      body: JSON.stringify({ segmentId: first.id, start, end: start + words.length, ...fields }),
    });
    expect(annotated.status, await annotated.text()).toBe(201);
  }
  const publish = async (body: object) =>
    call(sqliteServer, token, `/api/transcripts/${id}/transitions`, { method: "POST", body: JSON.stringify(body) });
  let published = await publish({ to: "PUBLISHED" });
  if (published.status === 422) {
    const { error } = (await published.json()) as { error: { checks: { check: string }[] } };
    published = await publish({
      to: "PUBLISHED",
      overrides: error.checks.map((check) => ({ check: check.check, reason: "Checked on the desk." })),
    });
  }
  expect(published.status, await published.text()).toBe(200);
  const corrected = await call(sqliteServer, token, `/api/transcripts/${id}/corrections`, {
    method: "POST",
    body: JSON.stringify({
      segmentId: draft.segments[2]!.id,
      text: "Kystflåten får den største andelen den noen gang har hatt.",
      reason: "Repeated words removed from the recording's echo.",
    }),
  });
  expect(corrected.status, await corrected.text()).toBe(201);

  const sourceFile = (() => {
    const sqlite = new Database(sqliteServer.databasePath, { readonly: true });
    try {
      return (sqlite.prepare(`SELECT id FROM SourceFile WHERE transcriptId = ?`).get(id) as { id: string }).id;
    } finally {
      sqlite.close();
    }
  })();
  const ids = { transcript: id, slug: draft.slug, sourceFile };
  const before = await whatPeopleSee(browser, sqliteServer, token, ids);
  expect(before.reading).toContain("Tromsø");
  expect(before.search).toContain("Tromsø kvoter briefing");
  expect(before.original).toBe(sha256(original));
  expect(JSON.stringify(before.annotations)).toContain("Internal: check the 2027 figure with the ministry.");
  await sqliteServer.stop();
  const sourceBefore = sha256(fs.readFileSync(sqliteServer.databasePath));

  // 2. The move.
  postgres = await startThrowawayPostgres();
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query("CREATE DATABASE moved");
  await admin.end();
  const target = new URL(postgres.url);
  target.pathname = "/moved";
  const copy = tsx("scripts/db-copy.ts", ["--from", sqliteUrl, "--to", target.toString()], sqliteUrl);
  expect(copy.code, copy.stderr).toBe(0);
  expect(copy.stdout).toMatch(/^Copied \d+ rows in \d+ tables/);
  expect(copy.stdout).toContain("Every table's row count and checksum match");
  expect(sha256(fs.readFileSync(sqliteServer.databasePath)), "the source was not written to").toBe(sourceBefore);

  // 3. The same newsroom on PostgreSQL, with the same secret and the token made before the move.
  const postgresServer = await startServer({ databaseUrl: target.toString(), env: SECRET });
  servers.push(postgresServer);
  const after = await whatPeopleSee(browser, postgresServer, token, ids);
  expect(after).toEqual(before);

  // A second copy into the database that now holds the newsroom is refused, and says why.
  const again = tsx("scripts/db-copy.ts", ["--from", sqliteUrl, "--to", target.toString()], sqliteUrl);
  expect(again.code).toBe(2);
  expect(again.stderr).toMatch(/^The PostgreSQL database already holds data \(in .+\): copy into an empty database\.$/);
});
