// `npm run bench:uploads`: do uploads still let the site breathe? Starts a production server on loopback with its
// own temporary database and an API token, times a public page every 100 ms with no uploads (the baseline), then
// runs 20 uploads of a 200 KB transcript, 4 at a time, while timing the same page. Prints uploads per second, upload
// p50/p95, the page's p50/p99/max next to the baseline, failed or reset uploads, and PASS/FAIL against the targets.
// Bounded in count and time; loopback only. Needs a completed `npm run build`. It measures; it always exits 0
// unless the server cannot be started.
import fs from "node:fs";
import path from "node:path";
import { startServer, type RunningServer } from "../e2e/support/spawn-server";
import { buildIngestWorker } from "./build-ingest-worker";
import { seededRandom } from "./support/seeded-random";

const UPLOADS = 20;
const CONCURRENCY = 4;
const TRANSCRIPT_BYTES = 200 * 1024;
const PROBE_INTERVAL_MS = 100;
const BASELINE_MS = 5_000;
const REQUEST_TIMEOUT_MS = 60_000;
const RUN_TIMEOUT_MS = 5 * 60_000;
const TARGETS = { uploadsPerSecond: 1.0, publicP99Ratio: 3 };

const SPEAKERS = ["MODERATOR", "JENS STOLTENBERG", "Anna Berg (Postimees)", "Paolo Ferri (ANSA)", "Ingrid Dahl (NRK)"];
const SUBJECTS = ["Allies", "The Secretary General", "Our ministers", "NATO", "The European Union", "Kaja Kallas"];
const VERBS = ["discussed", "agreed on", "welcomed", "reviewed", "addressed", "called for"];
const OBJECTS = [
  "support for Ukraine",
  "the mission in Kosovo",
  "defence spending in Estonia",
  "cooperation with Finland and Sweden",
  "the training mission in Iraq",
  "security in the Black Sea region",
];

/** A press conference of about 200 KB: labelled turns of plain sentences, a title line and a dateline. */
function pressConference(number: number): string {
  const random = seededRandom(20190214 + number);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const lines = [`Press briefing number ${number} on NATO defence ministers`, "Brussels, 14 February 2019", ""];
  let size = lines.join("\n").length;
  while (size < TRANSCRIPT_BYTES) {
    const sentences = Array.from({ length: 2 + Math.floor(random() * 5) }, () => {
      return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} today.`;
    });
    const turn = `${pick(SPEAKERS)}: ${sentences.join(" ")}\n`;
    lines.push(turn);
    size += turn.length + 1;
  }
  return lines.join("\n");
}

function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Times GET / every 100 ms (each request on its own, so a slow answer does not hide the ones behind it). */
function probePublicPage(url: string) {
  const latencies: number[] = [];
  let failures = 0;
  const inFlight = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const started = performance.now();
    const request = fetch(`${url}/`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
      .then(async (response) => {
        await response.arrayBuffer();
        if (response.ok) latencies.push(performance.now() - started);
        else failures++;
      })
      .catch(() => {
        failures++;
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  }, PROBE_INTERVAL_MS);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      return { latencies, failures };
    },
  };
}

interface UploadOutcome {
  milliseconds: number;
  status: number | null;
  /** The connection failed (reset, refused, timed out) rather than answering. */
  error: string | null;
}

async function upload(url: string, token: string, number: number, text: string): Promise<UploadOutcome> {
  const form = new FormData();
  form.append("file", new Blob([text], { type: "text/plain" }), `briefing-${number}.txt`);
  const started = performance.now();
  try {
    const response = await fetch(`${url}/api/transcripts`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: form,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    return { milliseconds: performance.now() - started, status: response.status, error: null };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      milliseconds: performance.now() - started,
      status: null,
      error: cause ?? (error instanceof Error ? error.name : String(error)),
    };
  }
}

/** An account and a token in the server's own database, written the way the desk writes them. */
async function createToken(databasePath: string): Promise<string> {
  process.env.DATABASE_URL = `file:${databasePath}`;
  // Imported only now: lib/db opens the database DATABASE_URL names when it loads.
  const { db } = await import("@/lib/db");
  const { createApiToken } = await import("@/lib/auth/api-tokens");
  const user = await db.user.create({
    data: { email: "bench@newsroom.test", name: "Upload Benchmark", role: "REPORTER", active: true },
    select: { id: true },
  });
  const { secret } = await createApiToken({ userId: user.id, name: "bench:uploads" });
  await db.$disconnect();
  return secret;
}

function format(milliseconds: number): string {
  return `${Math.round(milliseconds)} ms`;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    console.error("No production build found. Run `npm run build` first.");
    process.exit(1);
  }
  await buildIngestWorker({ onlyIfStale: true });
  console.log("Starting a production server on loopback with its own database…");
  const server: RunningServer = await startServer();
  const deadline = setTimeout(() => {
    console.error("The benchmark ran past its 5-minute bound; stopping.");
    void server.kill().then(() => process.exit(1));
  }, RUN_TIMEOUT_MS);
  try {
    const token = await createToken(server.databasePath);
    // Warm the page and the worker pool, so neither the baseline nor the run pays for the first request.
    await fetch(`${server.url}/`).then((response) => response.arrayBuffer());
    // Every transcript is written before timing starts: generating 200 KB of text in this process during the run
    // would delay this process's own probe timers and be counted as the server's latency.
    const transcripts = Array.from({ length: UPLOADS + 1 }, (_, number) => pressConference(number));
    await upload(server.url, token, 0, transcripts[0] ?? "");

    console.log(`Baseline: GET / every ${PROBE_INTERVAL_MS} ms for ${BASELINE_MS / 1000} s, no uploads…`);
    const baselineProbe = probePublicPage(server.url);
    await sleep(BASELINE_MS);
    const baseline = await baselineProbe.stop();

    console.log(`Run: ${UPLOADS} uploads of ${TRANSCRIPT_BYTES / 1024} KB, ${CONCURRENCY} at a time, timing GET /…`);
    const runProbe = probePublicPage(server.url);
    const outcomes: UploadOutcome[] = [];
    let next = 1;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next <= UPLOADS) {
          const number = next++;
          outcomes.push(await upload(server.url, token, number, transcripts[number] ?? ""));
        }
      }),
    );
    const wallSeconds = (performance.now() - started) / 1000;
    const during = await runProbe.stop();

    const created = outcomes.filter((outcome) => outcome.status === 201);
    const refused = outcomes.filter((outcome) => outcome.status !== null && outcome.status !== 201);
    const reset = outcomes.filter((outcome) => outcome.error !== null);
    const uploadTimes = outcomes.map((outcome) => outcome.milliseconds);
    const uploadsPerSecond = created.length / wallSeconds;
    const baselineP99 = percentile(baseline.latencies, 0.99);
    const duringP99 = percentile(during.latencies, 0.99);
    const ratio = duringP99 / baselineP99;

    const rows: [string, string, string][] = [
      ["", "baseline (no uploads)", "during uploads"],
      ["public page requests", String(baseline.latencies.length), String(during.latencies.length)],
      ["public page p50", format(percentile(baseline.latencies, 0.5)), format(percentile(during.latencies, 0.5))],
      ["public page p99", format(baselineP99), format(duringP99)],
      ["public page max", format(Math.max(...baseline.latencies)), format(Math.max(...during.latencies))],
      ["public page failures", String(baseline.failures), String(during.failures)],
    ];
    console.log("");
    for (const [label, left, right] of rows)
      console.log(`${label.padEnd(22)}${left.padStart(24)}${right.padStart(18)}`);
    console.log("");
    console.log(`uploads                ${created.length}/${UPLOADS} created in ${wallSeconds.toFixed(1)} s`);
    console.log(`uploads per second     ${uploadsPerSecond.toFixed(2)}`);
    console.log(
      `upload p50 / p95       ${format(percentile(uploadTimes, 0.5))} / ${format(percentile(uploadTimes, 0.95))}`,
    );
    console.log(
      `refused uploads        ${refused.length}${refused.length ? ` (${refused.map((o) => o.status).join(", ")})` : ""}`,
    );
    console.log(
      `reset or lost uploads  ${reset.length}${reset.length ? ` (${reset.map((o) => o.error).join(", ")})` : ""}`,
    );
    console.log("");
    const verdict = (passed: boolean) => (passed ? "PASS" : "FAIL");
    console.log(`${verdict(created.length === UPLOADS && reset.length === 0)}  no upload lost, refused or reset`);
    console.log(
      `${verdict(ratio <= TARGETS.publicP99Ratio)}  public p99 during uploads within ${TARGETS.publicP99Ratio}× baseline ` +
        `(${ratio.toFixed(2)}×)`,
    );
    console.log(
      `${verdict(uploadsPerSecond >= TARGETS.uploadsPerSecond)}  at least ${TARGETS.uploadsPerSecond.toFixed(1)} ` +
        `uploads per second (2× the ≈ 0.5 of parsing on the event loop)`,
    );
  } finally {
    clearTimeout(deadline);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:uploads failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
