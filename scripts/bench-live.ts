// `npm run bench:live`: does a live transcript keep up with a big audience? Generates a 60-minute press conference's
// captions as a SubRip file (seeded: scripts/support/press-conference-captions.ts), reads it as `npm run live` does
// (lib/live/replay.ts `cuesOfFile`), starts a production server on loopback with a temporary database, starts a live
// transcript and takes it live through the API with an admin's token, and then:
//   - opens 2,000 readers' event streams (GET /t/<slug>/events?after=<the page's number>), 100 at a time, and times
//     the opening; each stream is read and parsed as it arrives;
//   - measures the server's resident memory before the streams and with all of them open and idle for 5 s;
//   - replays the cues at 10× the event's pace (`replayDelays`, as `npm run live -- --realtime --speed 10`; cues due
//     at the same moment go in one request), one request at a time, on the file's own clock;
//   - meanwhile two page readers load the cached reading page /t/<slug> again and again (bench-big's Readers), and
//     two editors save an earlier paragraph every ~500 ms (PATCH with its latest version; on a 409 they take the
//     version the answer gives and save again);
//   - publishes at the end (which ends the live event) and waits for every stream's `end` event.
// Cue-to-reader latency is, for each paragraph event each reader receives, its arrival minus the moment the request
// whose answer holds that paragraph's id and text was sent (readers and feed share this process's clock); editors'
// saves reach readers as events too, measured the same way from the save. It prints the opening time, the latency
// p50 / p95 / max, the server's memory per stream, its CPU over the replay (/proc/<pid>/stat, as % of one core), the
// page readers' and the editors' figures, and PASS/FAIL against the targets: latency p95 < 1 s, save p99 < 200 ms,
// no stream dropped. BENCH_LIVE_MINUTES (60), BENCH_LIVE_SPEED (10) and BENCH_LIVE_READERS (2000) make quick runs.
// Needs a completed `npm run build` (builds when there is none). It measures; it exits 0 unless the setup fails.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { residentBytes } from "../e2e/support/process-memory";
import { startServer } from "../e2e/support/spawn-server";
import type { LiveCue } from "@/lib/live/cues";
import { cuesOfFile, replayDelays } from "@/lib/live/replay";
import type { CheckFailure } from "@/lib/publishing/checks";
import { Api, describeReaders, percentile, Readers } from "./bench-big";
import { buildIngestWorker } from "./build-ingest-worker";
import { prepareDatabase } from "./prepare-database";
import { createBenchToken } from "./support/api-token";
import { BenchRun, ensureBuild, formatNumber } from "./support/bench-run";
import { pressConferenceCaptions } from "./support/press-conference-captions";
import { seededRandom } from "./support/seeded-random";

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const MINUTES = setting("BENCH_LIVE_MINUTES", 60);
const SPEED = setting("BENCH_LIVE_SPEED", 10);
const STREAMS = Math.round(setting("BENCH_LIVE_READERS", 2_000));
const SEED = 20261208;
const OPEN_BATCH = 100;
const WARM_UP_STREAMS = 10;
const IDLE_MS = 5_000;
const EDITORS = 2;
const EDIT_EVERY_MS = 500;
const SAVE_ATTEMPTS = 3;
const FEED_ATTEMPTS = 3;
/** After the last cue, time for its events to reach every reader before the editors and page readers stop. */
const SETTLE_MS = 3_000;
const END_WAIT_MS = 30_000;
const PROGRESS_EVERY_MS = 60_000;
const REPLAY_MS = (MINUTES * 60_000) / SPEED;
const RUN_TIMEOUT_MS = REPLAY_MS + 15 * 60_000;
const REQUEST_TIMEOUT_MS = 60_000;
const TARGETS = { latencyP95Ms: 1_000, saveP99Ms: 200 };
const ADMIN = {
  ADMIN_EMAIL: "bench.live@newsroom.test",
  ADMIN_PASSWORD: "captions scrolling past the night desk",
  ADMIN_NAME: "Live Benchmark",
};
const TITLE = "Live: press conference on the flood recovery";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (value: number) => `${formatNumber(value)} ms`;
const verdict = (pass: boolean) => (pass ? "PASS" : "FAIL");

// ---------------------------------------------------------------------------------------------------------------
// The server process from outside: resident memory and CPU time, from /proc

const CLOCK_TICKS = (() => {
  const ticks = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim());
  return ticks > 0 ? ticks : 100;
})();

/** User + system CPU seconds the process has used so far (all its threads). */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // After "pid (name) ": the state is field 3, utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

const megabytes = (bytes: number) => `${formatNumber(bytes / 1024 / 1024, 1)} MB`;

// ---------------------------------------------------------------------------------------------------------------
// What was written when: (paragraph id, text) → the moment the request that wrote it was sent

type WriteKind = "cue" | "edit";

interface Write {
  text: string;
  at: number;
  kind: WriteKind;
}

class Writes {
  private readonly exact = new Map<string, Write[]>();
  private readonly byParagraph = new Map<string, Write[]>();

  record(id: string, text: string, at: number, kind: WriteKind): void {
    const write = { text, at, kind };
    const key = `${id}\u0000${text}`;
    this.exact.set(key, [...(this.exact.get(key) ?? []), write]);
    this.byParagraph.set(id, [...(this.byParagraph.get(id) ?? []), write]);
  }

  /**
   * The write an event shows: the one with exactly its text (the latest sent before the event first arrived, should
   * a text ever repeat), else the first that starts with it (several cues of one request extending one paragraph
   * make an event per cue; the answer has only the last text).
   */
  find(id: string, text: string, firstArrival: number): Write | null {
    const exact = this.exact.get(`${id}\u0000${text}`);
    if (exact) return exact.findLast((write) => write.at <= firstArrival) ?? exact[0]!;
    return this.byParagraph.get(id)?.find((write) => write.kind === "cue" && write.text.startsWith(text)) ?? null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Readers' event streams

interface EventInfo {
  type: string;
  paragraphId: string | null;
  text: string | null;
  endStatus: string | null;
}

/** Every event once (readers get the same bytes), and when each reader received it. */
class Deliveries {
  readonly events = new Map<number, EventInfo>();
  readonly arrivals = new Map<number, number[]>();

  received(seq: number, type: string, data: string, at: number): EventInfo {
    let info = this.events.get(seq);
    if (!info) {
      info = describeEvent(type, data);
      this.events.set(seq, info);
    }
    let list = this.arrivals.get(seq);
    if (!list) {
      list = [];
      this.arrivals.set(seq, list);
    }
    list.push(at);
    return info;
  }
}

function describeEvent(type: string, data: string): EventInfo {
  const info: EventInfo = { type, paragraphId: null, text: null, endStatus: null };
  try {
    const parsed = JSON.parse(data) as { paragraph?: { id: string; text: string }; status?: string };
    if ((type === "paragraph" || type === "correction") && parsed.paragraph) {
      info.paragraphId = parsed.paragraph.id;
      info.text = parsed.paragraph.text;
    }
    if (type === "end") info.endStatus = parsed.status ?? "?";
  } catch {
    info.type = `${type} (unreadable data)`;
  }
  return info;
}

/** One reader's GET /t/<slug>/events, parsed as it arrives, as EventSource would (without reconnecting). */
class LiveReader {
  status = 0;
  openMs = NaN;
  received = 0;
  missing = 0;
  duplicates = 0;
  lastSeq: number;
  endStatus: string | null = null;
  closedAt: number | null = null;
  problem: string | null = null;
  readonly closed: Promise<void>;
  private buffer = "";
  private request: http.ClientRequest | null = null;
  private markClosed!: () => void;

  constructor(
    private readonly url: string,
    after: number,
    private readonly deliveries: Deliveries,
    private readonly onDrop: (reader: LiveReader) => void,
    /** The reader's own address, as a trusted proxy would pass it: the server's per-address stream limit applies. */
    private readonly address = "192.0.2.1",
  ) {
    this.lastSeq = after;
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
  }

  /** Resolves once the stream's first bytes (its `retry:` line) arrived, or it failed. */
  open(agent: http.Agent): Promise<void> {
    const started = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      const settle = () => {
        if (settled) return;
        settled = true;
        this.openMs = performance.now() - started;
        resolve();
      };
      const headers = { accept: "text/event-stream", "x-forwarded-for": this.address };
      this.request = http.get(this.url, { agent, headers }, (response) => {
        this.status = response.statusCode ?? 0;
        if (this.status !== 200) {
          this.problem = `HTTP ${this.status}`;
          response.resume();
        } else {
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            settle();
            this.take(chunk, performance.now());
          });
        }
        response.on("error", (error) => (this.problem ??= error.message));
        response.on("close", () => {
          settle();
          this.finish();
        });
      });
      this.request.on("error", (error) => {
        this.problem ??= error.message;
        settle();
        this.finish();
      });
    });
  }

  get isOpen(): boolean {
    return this.status === 200 && this.closedAt === null;
  }

  destroy(): void {
    this.request?.destroy();
  }

  private finish(): void {
    if (this.closedAt !== null) return;
    this.closedAt = performance.now();
    if (this.status === 200 && this.endStatus === null) this.onDrop(this);
    this.markClosed();
  }

  private take(chunk: string, at: number): void {
    this.buffer += chunk;
    for (let cut = this.buffer.indexOf("\n\n"); cut !== -1; cut = this.buffer.indexOf("\n\n")) {
      const block = this.buffer.slice(0, cut);
      this.buffer = this.buffer.slice(cut + 2);
      this.event(block, at);
    }
  }

  private event(block: string, at: number): void {
    let seq = NaN;
    let type = "message";
    let data = "";
    for (const line of block.split("\n")) {
      // Blank, or a comment (the keep-alive ":").
      if (line === "" || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "id") seq = Number(value);
      else if (field === "event") type = value;
      else if (field === "data") data = data ? `${data}\n${value}` : value;
    }
    // The opening `retry:` line has neither number nor data.
    if (!Number.isFinite(seq) || !data) return;
    if (seq <= this.lastSeq) {
      this.duplicates++;
      return;
    }
    if (seq > this.lastSeq + 1) this.missing += seq - this.lastSeq - 1;
    this.lastSeq = seq;
    this.received++;
    const info = this.deliveries.received(seq, type, data, at);
    if (info.type === "end") this.endStatus = info.endStatus;
  }
}

/** The number of the last event the live page reflects (its stream resumes after it); 0 when it cannot be read. */
function pageSeq(html: string): number {
  const found = /\\?"seq\\?"\s*:\s*(\d+)/.exec(html);
  return found ? Number(found[1]) : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Paragraphs as the feed's answers and the editors' saves report them

interface ApiSegment {
  id: string;
  text: string;
  version: number;
  position: number;
}

class Paragraphs {
  /** In the order the feed wrote them first: the last one is the one it may still extend. */
  private readonly known = new Map<string, ApiSegment>();

  update(segment: ApiSegment): void {
    const before = this.known.get(segment.id);
    if (!before || segment.version >= before.version) this.known.set(segment.id, segment);
  }

  /** Every paragraph but the feed's newest: final, so editing it never races the caption feed. */
  editable(): ApiSegment[] {
    return [...this.known.values()].slice(0, -1);
  }

  get count(): number {
    return this.known.size;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The editors

class Editors {
  readonly savesMs: number[] = [];
  /** The save's own time on the server (the route's Server-Timing `save;dur=`), without queueing or transfer. */
  readonly serverMs: number[] = [];
  conflicts = 0;
  errors = 0;
  readonly errorNotes: string[] = [];
  private running = true;
  private edits = 0;
  private readonly loops: Promise<void>[] = [];

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly transcriptId: string,
    private readonly paragraphs: Paragraphs,
    private readonly writes: Writes,
  ) {
    for (let editor = 0; editor < EDITORS; editor++) this.loops.push(this.edit(seededRandom(SEED + 100 + editor)));
  }

  /** A fix an editor could make, different every time so that each save changes the paragraph. */
  private edited(text: string): string {
    return `${text.replace(/ \[ed\. \d+\]$/u, "")} [ed. ${++this.edits}]`;
  }

  private note(problem: string): void {
    this.errors++;
    if (this.errorNotes.length < 5) this.errorNotes.push(problem);
  }

  /** One PATCH, as bench-big's Api sends it, keeping the Server-Timing header too. */
  private async save(segmentId: string, body: { text: string; baseVersion: number }) {
    const response = await fetch(`${this.url}/api/transcripts/${this.transcriptId}/segments/${segmentId}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${this.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    const serverMs = Number(/save;dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1] ?? NaN);
    return { status: response.status, text, serverMs };
  }

  private async edit(random: () => number): Promise<void> {
    while (this.running) {
      await sleep(EDIT_EVERY_MS * (0.8 + random() * 0.4));
      const choices = this.paragraphs.editable();
      if (!this.running || choices.length === 0) continue;
      let target = choices[Math.floor(random() * choices.length)]!;
      for (let attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
        const text = this.edited(target.text);
        const sentAt = performance.now();
        let answer: Awaited<ReturnType<Editors["save"]>>;
        try {
          answer = await this.save(target.id, { text, baseVersion: target.version });
        } catch (error) {
          this.note(error instanceof Error ? error.message : String(error));
          break;
        }
        const took = performance.now() - sentAt;
        if (answer.status === 200) {
          const { segment } = JSON.parse(answer.text) as { segment: ApiSegment };
          this.paragraphs.update(segment);
          this.writes.record(segment.id, segment.text, sentAt, "edit");
          this.savesMs.push(took);
          if (Number.isFinite(answer.serverMs)) this.serverMs.push(answer.serverMs);
          break;
        }
        if (answer.status === 409) {
          // Someone saved it first: the answer has the paragraph as it is now, with its version.
          this.conflicts++;
          const current = (JSON.parse(answer.text) as { error: { current?: { segment?: ApiSegment } } }).error.current
            ?.segment;
          if (!current) {
            this.note(`409 without the current paragraph: ${answer.text.slice(0, 200)}`);
            break;
          }
          this.paragraphs.update(current);
          target = current;
          continue;
        }
        this.note(`HTTP ${answer.status}: ${answer.text.slice(0, 200)}`);
        break;
      }
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The caption feed

interface Batch {
  /** When it is due, from the start of the replay. */
  dueMs: number;
  cues: LiveCue[];
}

/** Cues with nothing to wait for before them go with the cue before (one request, as a feed sends what it has). */
function batchesOf(cues: readonly LiveCue[], delays: readonly number[]): Batch[] {
  const batches: Batch[] = [];
  let due = 0;
  cues.forEach((cue, index) => {
    const delay = delays[index] ?? 0;
    due += delay;
    const last = batches.at(-1);
    if (last && delay === 0 && last.cues.length < 1_000) last.cues.push(cue);
    else batches.push({ dueMs: due, cues: [cue] });
  });
  return batches;
}

interface FeedFigures {
  requests: number;
  cues: number;
  segments: number;
  postMs: number[];
  lateMs: number[];
  failures: number;
  failureNotes: string[];
  wallMs: number;
}

async function replay(
  api: Api,
  transcriptId: string,
  batches: readonly Batch[],
  writes: Writes,
  paragraphs: Paragraphs,
  progress: (sent: number) => void,
): Promise<FeedFigures> {
  const figures: FeedFigures = {
    requests: 0,
    cues: 0,
    segments: 0,
    postMs: [],
    lateMs: [],
    failures: 0,
    failureNotes: [],
    wallMs: 0,
  };
  const started = performance.now();
  let nextProgress = started + PROGRESS_EVERY_MS;
  for (const batch of batches) {
    // On the file's own clock: a slow answer delays the next request, but the delays do not add up.
    const wait = started + batch.dueMs - performance.now();
    if (wait > 0) await sleep(wait);
    figures.lateMs.push(Math.max(0, -wait));
    const sentAt = performance.now();
    for (let attempt = 1; attempt <= FEED_ATTEMPTS; attempt++) {
      const requestAt = performance.now();
      let answer: Awaited<ReturnType<Api["call"]>>;
      try {
        answer = await api.call("POST", `/api/transcripts/${transcriptId}/live/cues`, { cues: batch.cues });
      } catch (error) {
        answer = { status: 0, text: error instanceof Error ? error.message : String(error), bytes: 0 };
      }
      figures.requests++;
      figures.postMs.push(performance.now() - requestAt);
      if (answer.status === 202) {
        const { segments } = JSON.parse(answer.text) as { segments: ApiSegment[] };
        for (const segment of segments) {
          // From the first try: the cue was sent then.
          writes.record(segment.id, segment.text, sentAt, "cue");
          paragraphs.update(segment);
        }
        figures.cues += batch.cues.length;
        figures.segments += segments.length;
        break;
      }
      figures.failures++;
      if (figures.failureNotes.length < 5)
        figures.failureNotes.push(`HTTP ${answer.status}: ${answer.text.slice(0, 200)}`);
      // 409: the transcript changed while the cues were joined (the API says to send them again); 503: busy.
      if (answer.status !== 409 && answer.status !== 503) break;
    }
    if (performance.now() >= nextProgress) {
      nextProgress += PROGRESS_EVERY_MS;
      progress(figures.cues);
    }
  }
  figures.wallMs = performance.now() - started;
  return figures;
}

// ---------------------------------------------------------------------------------------------------------------
// Publishing, which ends the live event

async function publish(api: Api, transcriptId: string): Promise<{ status: number; text: string }> {
  const route = `/api/transcripts/${transcriptId}/transitions`;
  let answer = await api.call("POST", route, { to: "PUBLISHED" });
  if (answer.status === 422) {
    // Warnings (not blocking checks) are published over with a reason, as an editor would.
    const { checks } = (JSON.parse(answer.text) as { error: { checks?: CheckFailure[] } }).error;
    if (checks && !checks.some((check) => check.blocking)) {
      const overrides = checks.map(({ check }) => ({ check, reason: "Benchmark: a live event's raw captions." }));
      answer = await api.call("POST", route, { to: "PUBLISHED", overrides });
    }
  }
  return answer;
}

// ---------------------------------------------------------------------------------------------------------------

function spread(values: readonly number[]) {
  // A typed array sorts numbers as numbers, and fast: there are millions of (event, reader) pairs.
  const sorted = Array.from(Float64Array.from(values).sort());
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? NaN,
  };
}

async function main(run: BenchRun): Promise<void> {
  ensureBuild();
  await buildIngestWorker({ onlyIfStale: true });

  const temporaryDirectory = run.temporaryFolder("verbatim-bench-live-");
  const databasePath = path.join(temporaryDirectory, "bench.db");
  Object.assign(process.env, { DATABASE_URL: `file:${databasePath}`, ...ADMIN });
  await prepareDatabase();
  // The server's own preparation migrates the same file again: this process lets go of it first.
  const { db } = await import("@/lib/db");
  await db.$disconnect();

  // The caption file, written and read back as `npm run live -- --from FILE` reads it.
  const captions = pressConferenceCaptions({ minutes: MINUTES, seed: SEED });
  const captionPath = path.join(temporaryDirectory, "press-conference.srt");
  fs.writeFileSync(captionPath, captions.text);
  const cues = cuesOfFile(path.basename(captionPath), fs.readFileSync(captionPath, "utf8"));
  const batches = batchesOf(cues, replayDelays(cues, SPEED));
  const replaySeconds = (batches.at(-1)?.dueMs ?? 0) / 1_000;
  console.log(
    `Captions: ${formatNumber(captions.durationMs / 60_000, 1)} minutes of SubRip, ${formatNumber(cues.length)} cues, ` +
      `${formatNumber(captions.words)} words, ${captions.speakers.length} speakers (${captions.speakers.join(", ")}), ` +
      `${captions.longPauses} pauses over 10 s; at ${SPEED}× that is ${formatNumber(batches.length)} requests over ` +
      `${formatNumber(replaySeconds)} s.`,
  );

  console.log("Starting a production server on loopback with a temporary database…");
  const server = (run.server = await startServer({ databasePath, env: ADMIN }));
  const serverPid = server.pid;
  const token = createBenchToken({ databaseUrl: `file:${databasePath}`, email: ADMIN.ADMIN_EMAIL, name: "bench:live" });
  const api = new Api(server.url, token);
  const created = JSON.parse(
    (
      await api.ok("POST", "/api/transcripts/live", {
        title: TITLE,
        occurredAt: "2024-02-14",
        place: "Tromsø",
        speakers: captions.speakers,
      })
    ).text,
  ) as { id: string; slug: string };
  const wentLive = JSON.parse(
    (await api.ok("POST", `/api/transcripts/${created.id}/transitions`, { to: "LIVE" })).text,
  ) as { status: string; url: string | null };
  const slug = /\/t\/([^/?#]+)/.exec(wentLive.url ?? "")?.[1] ?? created.slug;
  const pagePath = `/t/${slug}`;
  console.log(`Live at ${pagePath} (${wentLive.status}).`);

  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const deliveries = new Deliveries();
  const writes = new Writes();
  const paragraphs = new Paragraphs();
  const dropped: LiveReader[] = [];
  let replayStartedAt: number | null = null;
  const onDrop = (reader: LiveReader) => {
    dropped.push(reader);
    if (dropped.length <= 5) {
      const when =
        replayStartedAt === null
          ? "before the replay"
          : `${formatNumber((performance.now() - replayStartedAt) / 1_000, 1)} s into the replay`;
      console.log(
        `  a stream closed before its end event, ${when}: ${reader.problem ?? "closed by the server"} (after event ${reader.lastSeq})`,
      );
    }
  };

  // Warm-up: the page rendered and cached, the events route loaded, a few streams opened and closed.
  let page = await api.ok("GET", pagePath);
  page = await api.ok("GET", pagePath);
  const after = pageSeq(page.text);
  const streamUrl = `${server.url}${pagePath}/events?after=${after}`;
  const warmUp = Array.from(
    { length: WARM_UP_STREAMS },
    () => new LiveReader(streamUrl, after, new Deliveries(), () => undefined),
  );
  await Promise.all(warmUp.map((reader) => reader.open(agent)));
  for (const reader of warmUp) reader.destroy();
  await sleep(2_000);
  const rssBefore = residentBytes(serverPid);

  console.log(
    `Opening ${formatNumber(STREAMS)} event streams (${streamUrl.replace(server.url, "")}), ${OPEN_BATCH} at a time…`,
  );
  // Each from an address of its own (the server trusts loopback's X-Forwarded-For), as 2,000 readers would be.
  const readers = Array.from(
    { length: STREAMS },
    (_, index) =>
      new LiveReader(streamUrl, after, deliveries, onDrop, `10.${index >> 16}.${(index >> 8) & 255}.${index & 255}`),
  );
  const openStarted = performance.now();
  for (let at = 0; at < readers.length; at += OPEN_BATCH) {
    await Promise.all(readers.slice(at, at + OPEN_BATCH).map((reader) => reader.open(agent)));
  }
  const openSeconds = (performance.now() - openStarted) / 1_000;
  const opened = readers.filter((reader) => reader.status === 200);
  const failedToOpen = readers.filter((reader) => reader.status !== 200);
  const openTimes = spread(opened.map((reader) => reader.openMs));
  console.log(
    `Opened ${formatNumber(opened.length)} of ${formatNumber(STREAMS)} in ${formatNumber(openSeconds, 1)} s ` +
      `(each: p50 ${ms(openTimes.p50)}, p99 ${ms(openTimes.p99)}, max ${ms(openTimes.max)})` +
      (failedToOpen.length > 0 ? `; ${failedToOpen.length} failed: ${failedToOpen[0]!.problem}` : "."),
  );
  await sleep(IDLE_MS);
  const rssOpen = residentBytes(serverPid);
  const perStreamKb = opened.length > 0 ? (rssOpen - rssBefore) / 1024 / opened.length : NaN;
  console.log(
    `Server RSS ${megabytes(rssBefore)} before the streams, ${megabytes(rssOpen)} with them open and idle ` +
      `${IDLE_MS / 1_000} s: ${formatNumber(perStreamKb, 1)} KB per stream.`,
  );

  console.log(`Replaying at ${SPEED}× with ${EDITORS} editors saving and 2 page readers loading ${pagePath}…`);
  const pageReaders = new Readers(`${server.url}${pagePath}`);
  const editors = new Editors(server.url, token, created.id, paragraphs, writes);
  const cpuBefore = cpuSeconds(serverPid);
  const ownCpuBefore = process.cpuUsage();
  // How late this process's own timers and callbacks ran (2,000 streams to read): it adds to what it measures.
  const ownDelay = monitorEventLoopDelay({ resolution: 10 });
  ownDelay.enable();
  replayStartedAt = performance.now();
  let rssPeak = rssOpen;
  const sampler = setInterval(() => {
    try {
      rssPeak = Math.max(rssPeak, residentBytes(serverPid));
    } catch {
      // The server is gone: the failure shows elsewhere.
    }
  }, 1_000);
  const feed = await replay(api, created.id, batches, writes, paragraphs, (sent) => {
    const open = readers.filter((reader) => reader.isOpen).length;
    console.log(
      `  ${formatNumber((performance.now() - replayStartedAt!) / 1_000)} s: ${formatNumber(sent)} of ` +
        `${formatNumber(cues.length)} cues sent, ${formatNumber(deliveries.events.size)} events, ` +
        `${formatNumber(paragraphs.count)} paragraphs, ${formatNumber(editors.savesMs.length)} saves, ` +
        `${formatNumber(open)} streams open, server RSS ${megabytes(residentBytes(serverPid))}`,
    );
  });
  const cpuAfter = cpuSeconds(serverPid);
  const ownCpu = process.cpuUsage(ownCpuBefore);
  ownDelay.disable();
  const cpuShare = ((cpuAfter - cpuBefore) / (feed.wallMs / 1_000)) * 100;
  const ownCpuShare = ((ownCpu.user + ownCpu.system) / 1_000 / feed.wallMs) * 100;
  await sleep(SETTLE_MS);
  clearInterval(sampler);
  await editors.stop();
  await pageReaders.stop();
  const rssEnd = residentBytes(serverPid);
  const stillOpen = readers.filter((reader) => reader.isOpen).length;

  console.log("Publishing, which ends the live event…");
  const published = await publish(api, created.id);
  if (published.status !== 200) console.log(`Publishing answered ${published.status}: ${published.text.slice(0, 300)}`);
  const allClosed = Promise.all(readers.map((reader) => reader.closed));
  await Promise.race([allClosed, sleep(END_WAIT_MS)]);
  const noEnd = readers.filter((reader) => reader.status === 200 && reader.endStatus === null);
  const unfinished = readers.filter((reader) => reader.isOpen);
  for (const reader of readers) reader.destroy();
  agent.destroy();
  await run.finish();

  // Latency: each (event, reader) pair against the request that wrote the paragraph's text.
  const cueLatency: number[] = [];
  const editLatency: number[] = [];
  const fanOut: number[] = [];
  let unmatched = 0;
  const types = new Map<string, number>();
  for (const [seq, info] of deliveries.events) {
    types.set(info.type, (types.get(info.type) ?? 0) + 1);
    const arrivals = deliveries.arrivals.get(seq) ?? [];
    if (arrivals.length === 0) continue;
    const first = Math.min(...arrivals);
    fanOut.push(Math.max(...arrivals) - first);
    if (info.paragraphId === null || info.text === null) continue;
    const write = writes.find(info.paragraphId, info.text, first);
    if (!write) {
      unmatched += arrivals.length;
      continue;
    }
    const into = write.kind === "cue" ? cueLatency : editLatency;
    for (const arrival of arrivals) into.push(arrival - write.at);
  }
  const latency = spread(cueLatency);
  const edits = spread(editLatency);
  const fan = spread(fanOut);
  const post = spread(feed.postMs);
  const late = spread(feed.lateMs);
  const saves = spread(editors.savesMs);
  const savesOnServer = spread(editors.serverMs);
  const pageFigures = describeReaders(pageReaders.samples);
  const totalReceived = readers.reduce((sum, reader) => sum + reader.received, 0);
  const missing = readers.reduce((sum, reader) => sum + reader.missing, 0);
  const duplicates = readers.reduce((sum, reader) => sum + reader.duplicates, 0);
  const lastSeq = Math.max(after, ...deliveries.events.keys());
  const behind = opened.filter((reader) => reader.lastSeq < lastSeq).length;
  const droppedCount = dropped.length + failedToOpen.length + unfinished.length;
  const typeList = [...types].map(([type, count]) => `${formatNumber(count)} ${type}`).join(", ");

  const rows: [string, string, string][] = [
    [
      "streams opened",
      `${formatNumber(opened.length)} of ${formatNumber(STREAMS)} in ${formatNumber(openSeconds, 1)} s (each p50 ${ms(openTimes.p50)}, p99 ${ms(openTimes.p99)}, max ${ms(openTimes.max)})`,
      "",
    ],
    [
      "streams dropped",
      `${formatNumber(droppedCount)} (closed before their end event ${formatNumber(dropped.length)}, failed to open ` +
        `${formatNumber(failedToOpen.length)}, still open without an end ${formatNumber(unfinished.length)}; ` +
        `open when the replay ended ${formatNumber(stillOpen)})`,
      `0: ${verdict(droppedCount === 0 && noEnd.length === 0)}`,
    ],
    [
      "events received",
      `${formatNumber(totalReceived)} (${formatNumber(deliveries.events.size)} events: ${typeList}; ` +
        `${formatNumber(missing)} missing, ${formatNumber(duplicates)} twice, ${formatNumber(behind)} streams short of ` +
        `event ${formatNumber(lastSeq)}, ${formatNumber(opened.length - noEnd.length)} got "end")`,
      "",
    ],
    ["cue-to-reader latency p50", ms(latency.p50), ""],
    [
      "cue-to-reader latency p95",
      ms(latency.p95),
      `< ${ms(TARGETS.latencyP95Ms)}: ${verdict(latency.p95 < TARGETS.latencyP95Ms)}`,
    ],
    [
      "cue-to-reader latency max",
      `${ms(latency.max)} (${formatNumber(latency.count)} event × reader pairs, ${formatNumber(unmatched)} unmatched)`,
      "",
    ],
    [
      "save-to-reader latency",
      `p50 ${ms(edits.p50)}, p95 ${ms(edits.p95)}, max ${ms(edits.max)} (${formatNumber(edits.count)} pairs)`,
      "",
    ],
    ["fan-out, first to last reader", `p50 ${ms(fan.p50)}, p95 ${ms(fan.p95)}, max ${ms(fan.max)}`, ""],
    [
      "feed requests",
      `${formatNumber(feed.requests)} for ${formatNumber(feed.cues)} cues in ${formatNumber(feed.wallMs / 1_000, 1)} s, ` +
        `${formatNumber(feed.segments)} paragraph writes; p50 ${ms(post.p50)}, p95 ${ms(post.p95)}, max ${ms(post.max)}; ` +
        `late p95 ${ms(late.p95)}, max ${ms(late.max)}; ${feed.failures} failed`,
      "",
    ],
    [
      "server memory per stream",
      `${formatNumber(perStreamKb, 1)} KB (RSS ${megabytes(rssBefore)} before, ${megabytes(rssOpen)} with ` +
        `${formatNumber(opened.length)} idle streams, peak ${megabytes(rssPeak)}, ${megabytes(rssEnd)} after the replay)`,
      "",
    ],
    [
      "server CPU during the replay",
      `${formatNumber(cpuShare)} % of one core (${formatNumber(cpuAfter - cpuBefore, 1)} s over ` +
        `${formatNumber(feed.wallMs / 1_000, 1)} s; ${os.availableParallelism()} cores; this benchmark's own process ` +
        `${formatNumber(ownCpuShare)} %, its event-loop delay p99 ${ms(ownDelay.percentile(99) / 1e6)}, ` +
        `max ${ms(ownDelay.max / 1e6)})`,
      "",
    ],
    ["page readers", `${pageFigures.text}, ${formatNumber(pageFigures.failed)} errors`, ""],
    [
      "editors' saves",
      `n=${formatNumber(saves.count)} p50 ${ms(saves.p50)} p99 ${ms(saves.p99)} max ${ms(saves.max)}, ` +
        `${formatNumber(editors.conflicts)} conflicts (409, saved again), ${formatNumber(editors.errors)} errors; ` +
        `on the server (Server-Timing) p50 ${ms(savesOnServer.p50)} p99 ${ms(savesOnServer.p99)}`,
      `p99 < ${ms(TARGETS.saveP99Ms)}: ${verdict(saves.count > 0 && saves.p99 < TARGETS.saveP99Ms && editors.errors === 0)}`,
    ],
  ];
  console.log(
    `\nSummary (${formatNumber(MINUTES)} minutes of captions at ${SPEED}×, ${formatNumber(STREAMS)} readers)`,
  );
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value, target] of rows) {
    console.log(`  ${label.padEnd(width)}  ${value}${target ? `   [target ${target}]` : ""}`);
  }
  if (published.status !== 200) console.log(`Publishing failed (HTTP ${published.status}): the streams got no end.`);
  for (const note of feed.failureNotes) console.log(`  feed failure: ${note}`);
  for (const note of editors.errorNotes) console.log(`  editor error: ${note}`);
  if (dropped.length > 0) {
    const reasons = new Map<string, number>();
    for (const reader of dropped)
      reasons.set(
        reader.problem ?? "closed by the server",
        (reasons.get(reader.problem ?? "closed by the server") ?? 0) + 1,
      );
    console.log(
      `  why streams closed early: ${[...reasons].map(([reason, count]) => `${count} × ${reason}`).join("; ")}`,
    );
  }
}

if (require.main === module) {
  const run = new BenchRun("bench:live", RUN_TIMEOUT_MS);
  run.run(() => main(run));
}
