// `npm run bench:public`: is a published transcript served as fast as a file? Seeds a temporary database with a
// published, annotated press conference of about 5,000 words, starts a production server on loopback on a free port,
// and measures with autocannon (10 connections, 10 s after a 2 s warm-up, each configurable):
//   (a) the cached public reading page /t/<slug>
//   (b) a static file in public/ with the same bytes (the page's own HTML, written to public/bench-<random>.html
//       before the server starts, so Next serves it as a public file; deleted on exit, even on failure)
//   (c) the same reader rendered per request from the database: /desk/transcripts/<id>/preview, signed in
//   (d) the cached page again while an editor publishes corrections, two a second, the second while the page renders
//       again after the first: right after it, one more reader asks for the page and must get its words (no render
//       that read the data before it may answer, however the requests meet)
// It prints requests/s, p50 and p99 latency and bytes for each, and the ratio (a)/(b) against the target (≥ 80 %).
// Requests are sent without Accept-Encoding, so nothing is compressed on the fly. Reuses the build in .next (builds
// first only when there is none). Loopback only, bounded in time. It measures; it exits 0 unless the setup fails.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { startServer } from "../e2e/support/spawn-server";
import { createBenchToken } from "./support/api-token";
import { BenchRun, ensureBuild, formatNumber } from "./support/bench-run";
import type { CheckFailure } from "@/lib/publishing/checks";
import { pressConference } from "./bench-editor";
import { buildIngestWorker } from "./build-ingest-worker";
import { prepareDatabase } from "./prepare-database";
import { pageWeight } from "./support/page-weight";
import { seededRandom } from "./support/seeded-random";

const root = process.cwd();
const seconds = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const DURATION_S = seconds("BENCH_DURATION", 10);
const WARMUP_S = seconds("BENCH_WARMUP", 2);
const CONNECTIONS = Math.round(seconds("BENCH_CONNECTIONS", 10));
const TARGET_RATIO = 0.8;
/** Half of the 656 KB issue 18 measured for this page. */
const PAGE_WEIGHT_TARGET = 328 * 1024;
const WORDS = 5_000;
const PARAGRAPH_WORDS = 60;
const SEED = 20190214;
const ANNOTATIONS_PER_KIND = 30;
const RUN_TIMEOUT_MS = 5 * 60_000 + 4 * (DURATION_S + WARMUP_S) * 1_000;
const ADMIN = {
  ADMIN_EMAIL: "bench.public@newsroom.test",
  ADMIN_PASSWORD: "night shift reading glasses on the copy desk",
  ADMIN_NAME: "Public Benchmark",
};
const TITLE = "Press conference on the flood recovery, 14 February 2024";
const SLUG = "bench-public-flood-recovery";

// ---------------------------------------------------------------------------------------------------------------
// autocannon (no type declarations of its own; these are the fields used here)

interface Histogram {
  average: number;
  p50: number;
  p99: number;
  total: number;
}
interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  throughput: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  timeout?: number;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(__filename)("autocannon") as Autocannon;

// ---------------------------------------------------------------------------------------------------------------
// The build, the static file, clean-up

const staticName = `bench-${randomBytes(6).toString("hex")}.html`;
const staticFile = path.join(root, "public", staticName);
const PREVIEW_ROUTE = "/desk/transcripts/[id]/preview";

/** The build, and whether it has the preview route (c) measures. */
function ensureBuildWithPreview(): void {
  ensureBuild();
  const routes = path.join(root, ".next", "app-path-routes-manifest.json");
  const built = fs.existsSync(routes) ? fs.readFileSync(routes, "utf8") : "";
  if (!built.includes(`"${PREVIEW_ROUTE}"`)) {
    console.log(`Note: this build has no ${PREVIEW_ROUTE} route; (c) will be skipped unless it answers.`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Seeding, in this process, before the server starts (the server forgets every cached public page when it starts)

const CONTEXT_BODIES = [
  "The barrier was first proposed in **2016** and shelved twice for lack of money.",
  "The county's maintenance budget fell by 18% between 2019 and 2023, according to its published accounts.",
  "Lindvik flooded in 1998 and 2011 as well; both times the embankment held.",
  "The independent review is led by a retired judge and reports to parliament, not to the ministry.",
];
const VERDICTS = ["accurate", "misleading", "false", "unverifiable", "needs_context"] as const;
const QUOTE_BODIES = ["", "The minister's answer to the central question of the day.", "Widely reported afterwards."];

async function seed(): Promise<{ id: string; slug: string; words: number; paragraphs: number; annotations: number }> {
  const { db } = await import("@/lib/db");
  const { createDraftFromUpload } = await import("@/lib/transcripts/create-draft");
  const { updateMetadata } = await import("@/lib/editor/metadata");
  const { updateSpeaker } = await import("@/lib/editor/speakers");
  const { createAnnotation } = await import("@/lib/editor/annotations");
  const { transitionTranscript } = await import("@/lib/publishing/workflow");
  const { closeIngestPool } = await import("@/lib/transcripts/ingest-pool");
  const { AppError } = await import("@/lib/errors");

  const admin = await db.user.findUniqueOrThrow({ where: { email: ADMIN.ADMIN_EMAIL } });
  const actor = { id: admin.id, role: admin.role, active: admin.active };
  const generated = pressConference(WORDS, PARAGRAPH_WORDS, SEED);
  const draft = await createDraftFromUpload({
    userId: actor.id,
    input: { bytes: new TextEncoder().encode(generated.text), filename: "flood-recovery.txt" },
    title: TITLE,
    fidelity: "CLEAN_READ",
  });
  await closeIngestPool();
  const { version } = await db.transcript.findUniqueOrThrow({ where: { id: draft.id }, select: { version: true } });
  await updateMetadata(actor, draft.id, {
    baseVersion: version,
    slug: SLUG,
    summary: "The regional government on the cost of the flood barrier, the evacuation and compensation.",
    occurredAt: "2024-02-14",
    place: "Lindvik",
    sourceUrl: "https://example.org/press/flood-recovery",
    tags: ["Floods", "Lindvik", "Infrastructure"],
  });

  for (const speaker of await db.speaker.findMany({ where: { transcriptId: draft.id } })) {
    const described =
      speaker.name === "MODERATOR"
        ? { role: "moderator" as const }
        : /^(MINISTER|AMARA)/i.test(speaker.name)
          ? { role: "official" as const, title: "Regional government" }
          : { role: "questioner" as const };
    await updateSpeaker(actor, draft.id, speaker.id, described);
  }

  // Disjoint ranges of two to six words, one in each third of every paragraph, spread over the whole transcript.
  const segments = await db.segment.findMany({
    where: { transcriptId: draft.id, deletedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, text: true },
  });
  const random = seededRandom(SEED + 1);
  const ranges: { segmentId: string; start: number; end: number }[] = [];
  for (const segment of segments) {
    const words = [...segment.text.matchAll(/\S+/g)];
    const third = Math.floor(words.length / 3);
    if (third < 6) continue;
    for (let part = 0; part < 3; part++) {
      const first = part * third + Math.floor(random() * (third - 6));
      const last = first + 1 + Math.floor(random() * 5);
      const startWord = words[first];
      const endWord = words[last];
      if (!startWord || !endWord) continue;
      const end = endWord.index + endWord[0].replace(/[.,;:?!]+$/, "").length;
      ranges.push({ segmentId: segment.id, start: startWord.index, end });
    }
  }
  const needed = ANNOTATIONS_PER_KIND * 3;
  if (ranges.length < needed) throw new Error(`Only ${ranges.length} places for ${needed} annotations.`);
  const step = ranges.length / needed;
  for (let index = 0; index < needed; index++) {
    const range = ranges[Math.floor(index * step)]!;
    const kind = (["context", "factcheck", "quote"] as const)[index % 3]!;
    const body =
      kind === "context"
        ? CONTEXT_BODIES[index % CONTEXT_BODIES.length]!
        : kind === "quote"
          ? QUOTE_BODIES[index % QUOTE_BODIES.length]!
          : "The water authority's own figures, published the week before, tell a different story.";
    await createAnnotation(actor, draft.id, {
      ...range,
      kind,
      body,
      ...(kind === "factcheck"
        ? {
            verdict: VERDICTS[index % VERDICTS.length]!,
            claim: "The figures given at the press conference match the official record.",
            sources: [
              { url: "https://example.org/water-authority/report-2024", title: "Water authority: flood report" },
              { url: "https://example.org/county/accounts", title: "County accounts 2019–2023" },
            ],
            checker: "Public Benchmark",
          }
        : {}),
    });
  }

  try {
    await transitionTranscript(actor, draft.id, { to: "PUBLISHED" });
  } catch (error) {
    // Warnings (not blocking checks) are published over with a reason, as an editor would.
    const checks = error instanceof AppError ? (error.extra.checks as CheckFailure[] | undefined) : undefined;
    if (!checks || checks.some((check) => check.blocking)) throw error;
    const overrides = checks.map(({ check }) => ({ check, reason: "Benchmark data." }));
    await transitionTranscript(actor, draft.id, { to: "PUBLISHED", overrides });
  }
  const annotations = await db.annotation.count({ where: { transcriptId: draft.id, status: "ANCHORED" } });
  await db.$disconnect();
  return { id: draft.id, slug: SLUG, words: generated.words, paragraphs: segments.length, annotations };
}

// ---------------------------------------------------------------------------------------------------------------
// Signing in, checking, measuring

/** next-auth's credentials sign-in, as e2e/fixtures.ts `signIn` does it: answers the Cookie header to send. */
export async function signIn(
  url: string,
  { email, password }: { email: string; password: string } = {
    email: ADMIN.ADMIN_EMAIL,
    password: ADMIN.ADMIN_PASSWORD,
  },
): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${url}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.includes("next-auth.session-token"))) {
    throw new Error(`Signing in failed (HTTP ${response.status}): no session cookie.`);
  }
  return header();
}

interface Target {
  label: string;
  path: string;
  headers?: Record<string, string>;
  bytes: number;
}

/** One GET: the status, the body's bytes, and the header that says whether Next's cache answered. */
async function fetchOnce(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  const body = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, body, cache: response.headers.get("x-nextjs-cache") };
}

async function measure(baseUrl: string, target: Target) {
  const options = { url: `${baseUrl}${target.path}`, connections: CONNECTIONS, headers: target.headers, timeout: 30 };
  await autocannon({ ...options, duration: WARMUP_S });
  return autocannon({ ...options, duration: DURATION_S });
}

function printReport(rows: { target: Target; result: AutocannonResult | null; note?: string }[]) {
  const header = ["", "requests/s", "p50 ms", "p99 ms", "body bytes", "MB/s", "errors"];
  const lines = rows.map(({ target, result, note }) =>
    result && result.requests.total > 0
      ? [
          target.label,
          formatNumber(result.requests.average, 1),
          formatNumber(result.latency.p50),
          formatNumber(result.latency.p99),
          formatNumber(target.bytes),
          formatNumber(result.throughput.average / 1_000_000, 1),
          String(result.errors + result.timeouts + result.non2xx),
        ]
      : [target.label, note ?? `no request finished within ${DURATION_S} s`, "", "", "", "", ""],
  );
  const widths = header.map((_, column) => Math.max(...[header, ...lines].map((line) => (line[column] ?? "").length)));
  const format = (line: string[]) =>
    line.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!))).join("  ");
  console.log(`\n${format(header)}\n${lines.map(format).join("\n")}`);
}

async function main(run: BenchRun): Promise<void> {
  ensureBuildWithPreview();
  await buildIngestWorker({ onlyIfStale: true });

  const databasePath = path.join(run.temporaryFolder("verbatim-bench-public-"), "bench.db");
  Object.assign(process.env, { DATABASE_URL: `file:${databasePath}`, ...ADMIN });
  console.log("Seeding a temporary database with a published, annotated press conference…");
  await prepareDatabase();
  const seeded = await seed();
  console.log(
    `Seeded ${formatNumber(seeded.words)} words in ${seeded.paragraphs} paragraphs, ${seeded.annotations} annotations ` +
      `(${ANNOTATIONS_PER_KIND} each of context, fact-check, key quote), published at /t/${seeded.slug}.`,
  );

  // Public files are listed when the server starts: the file must exist by then. Its content comes later.
  run.removeAtEnd(staticFile);
  fs.writeFileSync(staticFile, "<!doctype html><title>bench</title>\n");
  console.log("Starting a production server on loopback with that database…");
  const server = (run.server = await startServer({ databasePath, env: ADMIN }));
  const { url } = server;
  try {
    // (a) The public page: its first request renders it into the cache; the second must come from there.
    const pagePath = `/t/${seeded.slug}`;
    await fetchOnce(`${url}${pagePath}`);
    const page = await fetchOnce(`${url}${pagePath}`);
    const html = new TextDecoder().decode(page.body);
    if (page.status !== 200) throw new Error(`${pagePath} answered ${page.status}.`);
    if (!html.includes(TITLE)) throw new Error(`${pagePath} does not contain the transcript's title.`);
    console.log(`${pagePath}: 200, ${formatNumber(page.body.length)} bytes, x-nextjs-cache: ${page.cache ?? "none"}`);
    if (page.cache !== "HIT") console.log("Warning: the second request was not answered from Next's cache.");
    printPageWeight(html);

    // (b) The same bytes as a file in public/.
    fs.writeFileSync(staticFile, page.body);
    const file = await fetchOnce(`${url}/${staticName}`);
    if (file.status !== 200) throw new Error(`/${staticName} answered ${file.status}.`);
    if (file.body.length !== page.body.length) {
      throw new Error(`/${staticName} has ${file.body.length} bytes; the page has ${page.body.length}.`);
    }

    // (c) The working copy's preview, signed in.
    const cookie = await signIn(url);
    const previewPath = `/desk/transcripts/${seeded.id}/preview`;
    const preview = await fetchOnce(`${url}${previewPath}`, { cookie });
    const previewOk = preview.status === 200 && new TextDecoder().decode(preview.body).includes(TITLE);
    const previewNote = previewOk
      ? undefined
      : `unavailable: ${previewPath} answered ${preview.status}${preview.status === 200 ? " without the title" : ""}`;
    if (previewOk) console.log(`${previewPath}: 200, ${formatNumber(preview.body.length)} bytes (signed in)`);
    else console.log(`(c) skipped: ${previewNote}.`);

    const targets: Target[] = [
      { label: "(a) cached page", path: pagePath, bytes: page.body.length },
      { label: "(b) static file", path: `/${staticName}`, bytes: file.body.length },
      { label: "(c) dynamic preview", path: previewPath, headers: { cookie }, bytes: preview.body.length },
    ];
    console.log(
      `Measuring each with autocannon: ${CONNECTIONS} connections, ${WARMUP_S} s warm-up, then ${DURATION_S} s…`,
    );
    const results: { target: Target; result: AutocannonResult | null; note?: string }[] = [];
    for (const target of targets) {
      if (target === targets[2] && !previewOk) {
        results.push({ target, result: null, note: previewNote });
        continue;
      }
      results.push({ target, result: await measure(url, target) });
    }
    printReport(results);
    await readersThroughCorrections(url, seeded, results[0]!.result!);

    const [cached, asFile] = results;
    const staticRate = asFile!.result!.requests.average;
    // No static request finished: the run says nothing, so it cannot pass.
    const ratio = staticRate > 0 ? cached!.result!.requests.average / staticRate : 0;
    console.log(
      `\ncached / static: ${formatNumber(ratio * 100)} % of the static file's requests/s ` +
        `(target ≥ ${TARGET_RATIO * 100} %): ${ratio >= TARGET_RATIO ? "PASS" : "FAIL"}`,
    );
    const dynamic = results[2]?.result;
    if (dynamic && dynamic.requests.total > 0) {
      console.log(
        `cached / dynamic: ${formatNumber(cached!.result!.requests.average / dynamic.requests.average, 1)}× the ` +
          "requests/s of rendering the same reader per request",
      );
    }
    const failed = results.filter(({ result }) => result && result.errors + result.timeouts + result.non2xx > 0);
    if (failed.length > 0) {
      console.log(`Some requests failed (errors column) for: ${failed.map(({ target }) => target.label).join(", ")}.`);
      console.log(`The server's last output:\n${server.output().slice(-3_000)}`);
    }
  } finally {
    await run.finish();
  }
}

/**
 * (d) Readers flood the cached page while an editor records a correction every second (each expires it). After each
 * correction is answered, a reader's request for the page must show the corrected words: counted, with the readers'
 * latency beside (a)'s, measured in the same run.
 */
async function readersThroughCorrections(url: string, seeded: { id: string; slug: string }, alone: AutocannonResult) {
  const token = createBenchToken({
    databaseUrl: process.env.DATABASE_URL!,
    email: ADMIN.ADMIN_EMAIL,
    name: "bench:public corrections",
  });
  const api = (method: string, route: string, body?: unknown) =>
    fetch(`${url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
  const draft = (await (await api("GET", `/api/transcripts/${seeded.id}`)).json()) as {
    segments: { id: string; text: string }[];
  };
  const rounds = Math.max(1, Math.floor(DURATION_S) - 2);
  const pagePath = `/t/${seeded.slug}`;
  console.log(
    `\n(d) ${CONNECTIONS} connections on ${pagePath} for ${DURATION_S} s while an editor publishes two corrections a ` +
      `second ${rounds} times, the second 20 to 150 ms after the first, while the page renders again; right after ` +
      "the second, one more request for the page must show it…",
  );
  const readers = autocannon({ url: `${url}${pagePath}`, connections: CONNECTIONS, duration: DURATION_S, timeout: 30 });
  const timings: number[] = [];
  const freshAfter: number[] = [];
  let stale = 0;
  let failed = 0;
  let next = 0;
  const random = seededRandom(SEED + 2);
  /** Publishes one correction to the next paragraph in turn; its marker, or null when it was refused. */
  const correct = async () => {
    const index = next++;
    const segment = draft.segments[(index * 7) % draft.segments.length]!;
    const marker = `corrected${index}x${randomBytes(3).toString("hex")}`;
    const started = performance.now();
    const response = await api("POST", `/api/transcripts/${seeded.id}/corrections`, {
      segmentId: segment.id,
      text: `${segment.text} ${marker}.`,
      reason: `The recording has one more word (${marker}).`,
    });
    timings.push(performance.now() - started);
    if (response.status !== 201) {
      failed += 1;
      console.log(`  correction ${index + 1}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
      return null;
    }
    segment.text = `${segment.text} ${marker}.`;
    return marker;
  };
  for (let round = 0; round < rounds; round++) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // The first expires the page and the readers' next request renders it again; the second lands while that render
    // (which read the first, not the second) is under way: the case a reader must not see the old words in.
    await correct();
    await new Promise((resolve) => setTimeout(resolve, 20 + random() * 130));
    const marker = await correct();
    if (!marker) continue;
    const asked = performance.now();
    const page = await fetchOnce(`${url}${pagePath}`);
    freshAfter.push(performance.now() - asked);
    if (!new TextDecoder().decode(page.body).includes(marker)) stale += 1;
  }
  const result = await readers;
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const at = (values: number[], share: number) =>
    sorted(values)[Math.min(values.length - 1, Math.floor(share * values.length))] ?? NaN;
  console.log(
    `  readers: ${formatNumber(result.requests.average, 1)} requests/s, p50 ${formatNumber(result.latency.p50)} ms, ` +
      `p99 ${formatNumber(result.latency.p99)} ms, ${result.errors + result.timeouts + result.non2xx} failed ` +
      `(alone, (a): ${formatNumber(alone.requests.average, 1)} requests/s, p50 ${formatNumber(alone.latency.p50)} ms, ` +
      `p99 ${formatNumber(alone.latency.p99)} ms)`,
  );
  console.log(
    `  corrections: ${next - failed} of ${next} published, p50 ${formatNumber(at(timings, 0.5))} ms, ` +
      `max ${formatNumber(Math.max(...timings))} ms`,
  );
  console.log(
    `  the page asked for right after each second correction: ${freshAfter.length - stale} of ${freshAfter.length} showed it ` +
      `[target all: ${stale === 0 && failed === 0 ? "PASS" : "FAIL"}]; answered in p50 ${formatNumber(at(freshAfter, 0.5))} ms, ` +
      `max ${formatNumber(Math.max(...freshAfter))} ms`,
  );
}

if (require.main === module) {
  const run = new BenchRun("bench:public", RUN_TIMEOUT_MS);
  run.run(() => main(run));
}

/**
 * The reading page's weight and what it is made of. Issue 18 measured 656 KB for this page before the reader's
 * markup was slimmed (one short class per element, plain links, one delegated copy handler); the target is half.
 */
function printPageWeight(html: string) {
  const weight = pageWeight(html);
  const kb = (bytes: number) => `${formatNumber(Math.round(bytes / 1024))} KB`;
  const share = (bytes: number) => `${Math.round((bytes / weight.total) * 100)} %`;
  console.log(
    `Page weight: ${kb(weight.total)} (target ≤ ${kb(PAGE_WEIGHT_TARGET)}: ${weight.total <= PAGE_WEIGHT_TARGET ? "PASS" : "MISS"}); ` +
      `inline RSC payload ${kb(weight.rscPayload)} (${share(weight.rscPayload)}), HTML ${kb(weight.html)} ` +
      `(${share(weight.html)}), JSON-LD ${kb(weight.jsonLd)}, other scripts ${kb(weight.otherScripts)}.`,
  );
  console.log("Heaviest class attributes (count × bytes):");
  for (const entry of weight.heaviestClasses.slice(0, 5)) {
    console.log(`  ${formatNumber(entry.count)} × "${entry.value.slice(0, 80)}" = ${kb(entry.bytes)}`);
  }
  if (process.env.BENCH_KEEP_PAGE) {
    fs.writeFileSync(process.env.BENCH_KEEP_PAGE, html);
    console.log(`Wrote the page to ${process.env.BENCH_KEEP_PAGE}.`);
  }
}
