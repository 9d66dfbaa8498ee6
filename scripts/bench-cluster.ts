// `npm run bench:cluster`: what scaling out buys. Readers flood a published transcript's reading page while editors
// save paragraphs, twice in one run:
//   (a) baseline: one server on SQLite, readers and editors straight to it, no edge;
//   (b) the cluster: Varnish (deploy/varnish/default.vcl) → nginx (deploy/nginx/verbatim.conf) → two servers on one
//       PostgreSQL database (a throwaway server), readers and editors through the edge.
// For each it prints readers' requests/s with p50/p99 (autocannon, BENCH_CONNECTIONS connections for BENCH_DURATION
// seconds after a warm-up) and editors' saves (BENCH_EDITORS editors saving one paragraph after another meanwhile:
// count, p50, p99, failures), then, on the cluster, the time from the unpublish request to the edge's first 404.
// Nothing is lost: every save the server accepted is in the working copy afterwards (checked). Targets: readers
// through the edge ≥ 10× the one server's requests/s; editors' p99 < 200 ms while readers flood; edge 404 < 1 s.
// Needs a build (made when missing), PostgreSQL, nginx, Varnish and varnish-modules (it names what is missing).
// Loopback only, bounded in time; it measures and exits 0 unless the setup fails.
import { createBenchToken } from "./support/api-token";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startServer, type RunningServer } from "../e2e/support/spawn-server";
import { startLocalPostgres, type LocalPostgres } from "@/lib/db/postgresql/local-server";
import { nginxMainConfig, nginxSiteConfig, varnishConfig } from "@/lib/ops/cluster-config";
import { pressConference } from "./bench-editor";
import { buildIngestWorker } from "./build-ingest-worker";
import { buildIfStale } from "./start";

const root = process.cwd();
const number = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const DURATION_S = number("BENCH_DURATION", 10);
const WARMUP_S = number("BENCH_WARMUP", 2);
const CONNECTIONS = Math.round(number("BENCH_CONNECTIONS", 50));
const EDITORS = Math.round(number("BENCH_EDITORS", 4));
const CAPACITY_S = number("BENCH_CAPACITY_DURATION", 5);
const ADMIN = { ADMIN_EMAIL: "bench.cluster@newsroom.test", ADMIN_PASSWORD: "election night on every front page" };
const SECRET = "bench-cluster-shared-session-key-0123456789";

interface Histogram {
  average: number;
  p50: number;
  p99: number;
  total: number;
}
interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
}
const autocannon = createRequire(__filename)("autocannon") as (options: {
  url: string;
  connections: number;
  duration: number;
  timeout?: number;
  headers?: Record<string, string>;
}) => Promise<AutocannonResult>;

const children: ChildProcess[] = [];
const servers: RunningServer[] = [];
let postgres: LocalPostgres | null = null;
const workDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-bench-cluster-"));

async function cleanUp(): Promise<void> {
  for (const child of children) child.kill("SIGTERM");
  for (const server of servers) await server.stop().catch(() => undefined);
  postgres?.stop();
  fs.rmSync(workDirectory, { recursive: true, force: true });
}

function which(program: string): string | null {
  for (const folder of ["/usr/sbin", "/usr/bin", ...(process.env.PATH ?? "").split(path.delimiter)]) {
    if (fs.existsSync(path.join(folder, program))) return path.join(folder, program);
  }
  return null;
}

/** A process and all its descendants, from /proc (Linux). */
function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(parent, [...(parents.get(parent) ?? []), Number(entry)]);
    } catch {
      // Gone meanwhile.
    }
  }
  const tree = [root];
  for (let index = 0; index < tree.length; index++) tree.push(...(parents.get(tree[index]!) ?? []));
  return tree;
}

/** CPU seconds (user + system) the processes under `roots` have used so far. */
function cpuSeconds(roots: number[]): number {
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of roots.flatMap(processTree)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) / ticks;
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}

/**
 * Readers alone for a few seconds: requests/s, and requests per CPU-second of what serves them (the server; or
 * Varnish, nginx and the servers), which is what the requests/s would be with the load generator elsewhere.
 */
async function readersAlone(page: string, servingPids: number[]) {
  const before = cpuSeconds(servingPids);
  const result = await autocannon({
    url: page,
    connections: CONNECTIONS,
    timeout: 30,
    duration: CAPACITY_S,
    headers: { "accept-encoding": "gzip" },
  });
  const used = cpuSeconds(servingPids) - before;
  return { perSecond: result.requests.average, perCpuSecond: used > 0 ? result.requests.total / used : 0, used };
}

/** Reading-page requests the servers answered so far (their /metrics, read from loopback). */
async function pageRequestsAt(serverUrls: string[]): Promise<number> {
  let total = 0;
  for (const url of serverUrls) {
    const text = await (await fetch(`${url}/metrics`)).text();
    for (const line of text.split("\n")) {
      const match = /^verbatim_http_requests_total\{[^}]*group="public_page"[^}]*\} (\d+)/.exec(line);
      if (match) total += Number(match[1]);
    }
  }
  return total;
}

interface Seeded {
  id: string;
  slug: string;
  segments: { id: string; version: number }[];
}

/** Uploads and publishes a 5,000-word press conference through `origin`'s API. */
async function seed(origin: string, token: string): Promise<Seeded> {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const call = async (route: string, init: RequestInit = {}) => {
    const response = await fetch(`${origin}${route}`, { ...init, headers: { ...headers, ...init.headers } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const { text } = pressConference(5_000, 60, 20261207);
  const created = await call("/api/transcripts", {
    method: "POST",
    body: JSON.stringify({ filename: "briefing.txt", title: "Election night briefing", text }),
  });
  if (created.status !== 201) throw new Error(`Upload failed: ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  const draft = (await call(`/api/transcripts/${id}`)).body as {
    slug: string;
    version: number;
    segments: { id: string; version: number }[];
  };
  await call(`/api/transcripts/${id}`, {
    method: "PATCH",
    body: JSON.stringify({ baseVersion: draft.version, occurredAt: "2026-11-03", fidelityConfirmed: true }),
  });
  let published = await call(`/api/transcripts/${id}/transitions`, {
    method: "POST",
    body: JSON.stringify({ to: "PUBLISHED" }),
  });
  if (published.status === 422) {
    const checks = (published.body.error as { checks: { check: string }[] }).checks;
    published = await call(`/api/transcripts/${id}/transitions`, {
      method: "POST",
      body: JSON.stringify({ to: "PUBLISHED", overrides: checks.map((c) => ({ check: c.check, reason: "Bench." })) }),
    });
  }
  if (published.status !== 200) throw new Error(`Publishing failed: ${JSON.stringify(published.body)}`);
  // Paragraphs from the second half of the page: editors change text the readers are reading.
  const all = (await call(`/api/transcripts/${id}?from=0&take=200`)).body.segments as Seeded["segments"];
  return { id, slug: draft.slug, segments: all.slice(10, 10 + EDITORS * 5) };
}

interface EditorFigures {
  saves: number;
  failures: number;
  p50: number;
  p99: number;
  saved: Map<string, string>;
}

/** EDITORS editors, each saving its own paragraphs one after another until `stop` says so. */
async function edit(origin: string, token: string, seeded: Seeded, stop: () => boolean): Promise<EditorFigures> {
  const times: number[] = [];
  let failures = 0;
  const saved = new Map<string, string>();
  await Promise.all(
    Array.from({ length: EDITORS }, async (_, editor) => {
      const mine = seeded.segments.filter((_, index) => index % EDITORS === editor).map((s) => ({ ...s }));
      for (let round = 0; !stop(); round++) {
        const segment = mine[round % mine.length]!;
        const text = `Editor ${editor} revised this answer, round ${round}: the count in district ${round % 40} stands at ${1_000 + round} votes.`;
        const started = performance.now();
        const response = await fetch(`${origin}/api/transcripts/${seeded.id}/segments/${segment.id}`, {
          method: "PATCH",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ text, baseVersion: segment.version }),
        });
        times.push(performance.now() - started);
        if (response.status === 200) {
          const body = (await response.json()) as { segment: { version: number } };
          segment.version = body.segment.version;
          saved.set(segment.id, text);
        } else {
          failures++;
          await response.arrayBuffer();
        }
      }
    }),
  );
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { saves: times.length, failures, p50: at(0.5), p99: at(0.99), saved };
}

/** Readers and editors at once; then checks every accepted save is in the working copy. */
async function run(
  label: string,
  readerOrigin: string,
  editorOrigin: string,
  token: string,
  seeded: Seeded,
  serverUrls: string[],
  servingPids: number[],
) {
  const page = `${readerOrigin}/t/${seeded.slug}`;
  // Readers ask for what a browser asks for: a compressed page.
  const reader = { url: page, connections: CONNECTIONS, timeout: 30, headers: { "accept-encoding": "gzip" } };
  await autocannon({ ...reader, duration: WARMUP_S });
  const alone = await readersAlone(page, servingPids);
  const servedBefore = await pageRequestsAt(serverUrls);
  let done = false;
  const editing = edit(editorOrigin, token, seeded, () => done);
  const readers = await autocannon({ ...reader, duration: DURATION_S });
  done = true;
  const reachedServers = (await pageRequestsAt(serverUrls)) - servedBefore;
  const editors = await editing;
  const current = (await (
    await fetch(`${editorOrigin}/api/transcripts/${seeded.id}?from=0&take=200`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()) as { segments: { id: string; text: string }[] };
  const lost = [...editors.saved].filter(
    ([id, text]) => current.segments.find((segment) => segment.id === id)?.text !== text,
  ).length;
  return { label, readers, editors, lost, reachedServers, alone };
}

async function main(): Promise<void> {
  const nginx = which("nginx");
  const varnishd = which("varnishd");
  const missing = [!nginx && "nginx", !varnishd && "varnish varnish-modules"].filter(Boolean);
  if (missing.length > 0)
    throw new Error(`bench:cluster needs ${missing.join(", ")}: apt-get install -y ${missing.join(" ")}`);
  buildIfStale();
  await buildIngestWorker({ onlyIfStale: true });

  // (a) One server on SQLite, no edge.
  const single = await startServer({ env: { ...ADMIN, NEXTAUTH_SECRET: SECRET } });
  servers.push(single);
  const singleToken = createBenchToken({
    databaseUrl: `file:${single.databasePath}`,
    email: ADMIN.ADMIN_EMAIL,
    name: "bench",
  });
  const singleSeed = await seed(single.url, singleToken);
  const baseline = await run(
    "one server, SQLite, no edge",
    single.url,
    single.url,
    singleToken,
    singleSeed,
    [single.url],
    [single.pid],
  );
  await single.stop();
  servers.length = 0;

  // (b) Two servers on PostgreSQL behind nginx and Varnish.
  postgres = await startLocalPostgres({ throwaway: true });
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query("CREATE DATABASE bench");
  await admin.end();
  const databaseUrl = postgres.url.replace(/\/postgres$/, "/bench");
  const ports = { edge: 0, proxy: 0, servers: [] as number[] };
  const { freePort } = await import("@/lib/db/postgresql/local-server");
  ports.edge = await freePort();
  ports.proxy = await freePort();
  const shared = {
    NEXTAUTH_SECRET: SECRET,
    EDGE_PURGE_URL: `http://127.0.0.1:${ports.edge}/`,
    TRUSTED_PROXIES: "loopback",
  };
  for (let index = 0; index < 2; index++) {
    const server = await startServer({ databaseUrl, env: index === 0 ? { ...ADMIN, ...shared } : shared });
    servers.push(server);
    ports.servers.push(server.port);
  }
  const nginxFolder = path.join(workDirectory, "nginx");
  fs.mkdirSync(nginxFolder);
  const nginxConf = path.join(nginxFolder, "nginx.conf");
  const site = nginxSiteConfig(fs.readFileSync(path.join(root, "deploy", "nginx", "verbatim.conf"), "utf8"), ports);
  fs.writeFileSync(nginxConf, nginxMainConfig(site, nginxFolder));
  children.push(spawn(nginx!, ["-c", nginxConf, "-p", nginxFolder], { stdio: "ignore" }));
  const vcl = path.join(workDirectory, "default.vcl");
  fs.writeFileSync(
    vcl,
    varnishConfig(fs.readFileSync(path.join(root, "deploy", "varnish", "default.vcl"), "utf8"), ports),
  );
  fs.chmodSync(workDirectory, 0o755);
  fs.chmodSync(vcl, 0o644);
  children.push(
    spawn(
      varnishd!,
      [
        "-F",
        "-a",
        `127.0.0.1:${ports.edge}`,
        "-f",
        vcl,
        "-s",
        "malloc,256m",
        "-n",
        path.join(workDirectory, "varnish"),
      ],
      { stdio: "ignore" },
    ),
  );
  const edge = `http://127.0.0.1:${ports.edge}`;
  for (let tries = 0; ; tries++) {
    const answer = await fetch(`${edge}/api/health`).catch(() => null);
    if (answer?.ok) break;
    if (tries > 200) throw new Error("Varnish and nginx did not come up.");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const clusterToken = createBenchToken({ databaseUrl, email: ADMIN.ADMIN_EMAIL, name: "bench" });
  const clusterSeed = await seed(edge, clusterToken);
  const cluster = await run(
    "edge → nginx → 2 servers, PostgreSQL",
    edge,
    edge,
    clusterToken,
    clusterSeed,
    servers.map((server) => server.url),
    [...children.map((child) => child.pid!), ...servers.map((server) => server.pid)],
  );

  // Unpublished through one server: how long until the edge answers 404?
  const page = `${edge}/t/${clusterSeed.slug}`;
  await fetch(page);
  const before = await fetch(page);
  const edgeHit = (before.headers.get("x-varnish") ?? "").includes(" ");
  const started = performance.now();
  const unpublished = await fetch(`${servers[1]!.url}/api/transcripts/${clusterSeed.id}/transitions`, {
    method: "POST",
    headers: { authorization: `Bearer ${clusterToken}`, "content-type": "application/json" },
    body: JSON.stringify({ to: "UNPUBLISHED", note: "Bench." }),
  });
  if (unpublished.status !== 200) throw new Error(`Unpublishing failed: ${await unpublished.text()}`);
  let goneMs = -1;
  while (performance.now() - started < 10_000) {
    const answer = await fetch(page);
    // Read every answer to the end: an unread body keeps its connection busy.
    await answer.arrayBuffer();
    if (answer.status === 404) {
      goneMs = performance.now() - started;
      break;
    }
  }
  // And it stays gone: for 3 s more, every answer the edge gives is a 404 (a stale copy fetched from a server that
  // had not yet heard of the change would come back as a 200 here).
  let cameBack = 0;
  const watchUntil = performance.now() + 3_000;
  while (goneMs >= 0 && performance.now() < watchUntil) {
    const answer = await fetch(page);
    await answer.arrayBuffer();
    if (answer.status !== 404) cameBack++;
  }

  const rows = [baseline, cluster];
  const cell = (value: number, digits = 0) =>
    value.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits });
  console.log(
    `bench:cluster — ${CONNECTIONS} reader connections for ${DURATION_S} s, ${EDITORS} editors saving meanwhile`,
  );
  for (const row of rows) {
    console.log(`  ${row.label}`);
    console.log(
      `    readers  ${cell(row.readers.requests.average, 1)} requests/s   p50 ${cell(row.readers.latency.p50)} ms   p99 ${cell(row.readers.latency.p99)} ms   errors ${row.readers.errors + row.readers.timeouts + row.readers.non2xx}`,
    );
    console.log(
      `    readers alone (${CAPACITY_S} s): ${cell(row.alone.perSecond, 1)} requests/s, ${cell(row.alone.perCpuSecond)} requests per CPU-second of the serving side (${cell(row.alone.used, 1)} CPU-s)`,
    );
    console.log(
      `    reading-page requests that reached a server: ${cell(row.reachedServers)} of ${cell(row.readers.requests.total)}`,
    );
    console.log(
      `    editors  ${row.editors.saves} saves   p50 ${cell(row.editors.p50, 1)} ms   p99 ${cell(row.editors.p99, 1)} ms   refused ${row.editors.failures}   lost ${row.lost}`,
    );
  }
  const ratio = cluster.readers.requests.average / baseline.readers.requests.average;
  console.log(
    `  readers through the edge / one server: ${cell(ratio, 1)}×  (target ≥ 10×: ${ratio >= 10 ? "PASS" : "FAIL"})`,
  );
  const capacity = cluster.alone.perCpuSecond / Math.max(1, baseline.alone.perCpuSecond);
  console.log(
    `  requests per CPU-second, edge side / one server: ${cell(capacity, 1)}× (what the ratio would be if the load generator were not on the same cores)`,
  );
  console.log(
    `  editors' p99 while readers flood (cluster): ${cell(cluster.editors.p99, 1)} ms  (target < 200 ms: ${cluster.editors.p99 < 200 ? "PASS" : "FAIL"})`,
  );
  console.log(
    `  unpublish → edge 404: ${goneMs < 0 ? "not within 10 s" : `${cell(goneMs)} ms`} (the page was ${edgeHit ? "" : "not "}an edge hit before; target < 1 s: ${goneMs >= 0 && goneMs < 1_000 && cameBack === 0 ? "PASS" : "FAIL"}); answers other than 404 in the 3 s after: ${cameBack}`,
  );
  console.log(
    `  nothing lost: ${baseline.lost + cluster.lost === 0 ? "PASS" : "FAIL"} (every accepted save is in the working copy)`,
  );
}

const stop = () => void cleanUp().then(() => process.exit(130));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
main()
  .catch((error: unknown) => {
    console.error(`bench:cluster could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => void cleanUp());
