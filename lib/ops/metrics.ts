// Prometheus metrics (prom-client) for GET /metrics, which scripts/serve.ts answers to loopback or METRICS_TOKEN
// only: requests and latency per route group, the server's page copy (hits and misses), cache expiries sent to and
// heard from other servers with their lag, the ingestion queue, the PostgreSQL pool, and Node's own process
// metrics. One registry per process, on globalThis: the server script records requests, the app records the rest.
import { timingSafeEqual } from "node:crypto";
import client from "prom-client";

/** The route groups requests are counted in: few enough to keep the series bounded whatever the addresses. */
export type RouteGroup =
  | "public_page"
  | "public_api"
  | "feed"
  | "embed"
  | "search"
  | "desk"
  | "staff_api"
  | "auth"
  | "static"
  | "health"
  | "internal"
  | "metrics";

export function routeGroup(pathname: string): RouteGroup {
  if (pathname === "/api/health" || pathname === "/api/ready") return "health";
  if (pathname === "/metrics") return "metrics";
  if (pathname.startsWith("/api/internal/")) return "internal";
  if (pathname.startsWith("/api/auth/") || /^\/(signin|setup|invite|reset-password)(\/|$)/.test(pathname)) {
    return "auth";
  }
  if (pathname.startsWith("/api/public/") || pathname === "/api/oembed") return "public_api";
  if (pathname.startsWith("/api/")) return "staff_api";
  if (/^\/(desk|admin)(\/|$)/.test(pathname)) return "desk";
  if (pathname.startsWith("/_next/") || /^\/[^/]+\.(ico|png|svg|webmanifest|txt|css|js)$/.test(pathname)) {
    return "static";
  }
  if (/(^|\/)(feed|atom|sitemap)\.xml$/.test(pathname)) return "feed";
  if (pathname.startsWith("/embed/")) return "embed";
  if (pathname === "/search" || pathname.startsWith("/search/")) return "search";
  return "public_page";
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * Who may read GET /metrics: a scraper on this machine (a direct loopback connection that no proxy forwarded: a
 * request through nginx on the same machine carries X-Forwarded-For) or one that sends `Authorization: Bearer
 * <METRICS_TOKEN>`.
 */
export function mayReadMetrics(
  request: { remoteAddress?: string; forwardedFor?: string | string[]; authorization?: string },
  token: string | undefined = process.env.METRICS_TOKEN,
): boolean {
  if (token) {
    const sent = Buffer.from(request.authorization ?? "");
    const expected = Buffer.from(`Bearer ${token}`);
    if (sent.length === expected.length && timingSafeEqual(sent, expected)) return true;
  }
  return LOOPBACK.test(request.remoteAddress ?? "") && request.forwardedFor === undefined;
}

interface Metrics {
  registry: client.Registry;
  requests: client.Counter<"group" | "method" | "status">;
  latency: client.Histogram<"group">;
  pageCopy: client.Counter<"result">;
  expiries: client.Counter<"direction">;
  fanOutLag: client.Histogram;
}

function createMetrics(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "verbatim_" });
  const requests = new client.Counter({
    name: "verbatim_http_requests_total",
    help: "Requests answered, by route group, method and status.",
    labelNames: ["group", "method", "status"] as const,
    registers: [registry],
  });
  const latency = new client.Histogram({
    name: "verbatim_http_request_duration_seconds",
    help: "Time to answer a request, by route group.",
    labelNames: ["group"] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const pageCopy = new client.Counter({
    name: "verbatim_page_copy_total",
    help: "Public page requests answered from the server's own copy (hit) or by rendering through Next (miss).",
    labelNames: ["result"] as const,
    registers: [registry],
  });
  const expiries = new client.Counter({
    name: "verbatim_cache_expiries_total",
    help: "Public cache expiries sent to the other servers (sent) and heard from them (received).",
    labelNames: ["direction"] as const,
    registers: [registry],
  });
  const fanOutLag = new client.Histogram({
    name: "verbatim_cache_fanout_lag_seconds",
    help: "From another server's expiry to this server having expired the same pages.",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new client.Gauge({
    name: "verbatim_ingest_tasks",
    help: "Uploads being parsed by the ingestion worker threads (running) and waiting for one (queued).",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const stats = (
        globalThis as { verbatimIngestStats?: () => { running: number; queued: number } }
      ).verbatimIngestStats?.();
      this.set({ state: "running" }, stats?.running ?? 0);
      this.set({ state: "queued" }, stats?.queued ?? 0);
    },
  });
  new client.Gauge({
    name: "verbatim_db_pool_connections",
    help: "PostgreSQL connections of this server: open in all, idle, and requests waiting for one.",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const pool = (globalThis as { verbatimPgPool?: { totalCount: number; idleCount: number; waitingCount: number } })
        .verbatimPgPool;
      if (!pool) return;
      this.set({ state: "total" }, pool.totalCount);
      this.set({ state: "idle" }, pool.idleCount);
      this.set({ state: "waiting" }, pool.waitingCount);
    },
  });
  return { registry, requests, latency, pageCopy, expiries, fanOutLag };
}

const holder = globalThis as { verbatimMetrics?: Metrics };
export function metrics(): Metrics {
  return (holder.verbatimMetrics ??= createMetrics());
}

/** Records one answered request. */
export function recordRequest(pathname: string, method: string, status: number, seconds: number): void {
  const group = routeGroup(pathname);
  const { requests, latency } = metrics();
  requests.inc({ group, method, status: String(status) });
  latency.observe({ group }, seconds);
}
