// The production server: Next.js behind a few lines of Node's http server, so that every request carries a client
// address Verbatim can trust (the socket's peer, or X-Forwarded-For only from TRUSTED_PROXIES). `next start` cannot
// do this: it keeps whatever X-Forwarded-For a client sends. Run by `npm start` and the end-to-end servers.
import { createServer } from "node:http";
import { assertSharedSecret } from "@/lib/auth/secret";
import { listen, type Listener } from "@/lib/db/postgresql/listener";
import { currentProvider } from "@/lib/db/provider";
import {
  lastRestoredAt,
  RESTORE_RETRY_AFTER_SECONDS,
  restoreInProgress,
  RESTORING_MESSAGE,
} from "@/lib/db/maintenance";
import { PUBLIC_TAG, slugTag } from "@/lib/publishing/cache-tags";
import { CACHE_CHANNEL, decodeExpiry } from "@/lib/publishing/cache-messages";
import { createInFlight, createSettler, onExpiry, readsPublicCache, SETTLE_MS } from "@/lib/publishing/cache-settle";
import { createThrottle, onLivePage } from "@/lib/live/page-refresh";
import { configuredStreamLimits, STREAM_RETRY_AFTER_SECONDS, StreamCounter } from "@/lib/live/stream-limits";
import { sendEdgePurge } from "@/lib/publishing/edge-purge";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import {
  CLIENT_ADDRESS_HEADER,
  compileTrustedProxies,
  dropUntrustedForwarding,
  resolveClientAddress,
} from "@/lib/http/client-address";
import { isCacheablePage, pageCacheKey, publicPageCache } from "@/lib/http/page-cache";
import { answerPermanentRedirectsAs301 } from "@/lib/http/permanent-redirects";
import { limitedGroup, readerLimits, refusal } from "@/lib/http/reader-limits";
import { ingestSizeProblem, maxBodyBytes } from "@/lib/ingest/limits";
import { INTERNAL_HEADER, internalRequestToken } from "@/lib/publishing/internal-request";
import { surrogateKeysFor } from "@/lib/publishing/surrogate-keys";
import { errorFields, log } from "@/lib/ops/log";
import { mayReadMetrics, metrics, recordRequest, routeGroup } from "@/lib/ops/metrics";
import { REQUEST_ID_HEADER, requestContext, requestIdFrom } from "@/lib/ops/request-context";

/**
 * Publishes scheduled transcripts when they are due, by calling the server itself (cache expiry only works inside
 * a request). The first call also forgets every cached public page: the database may have changed while the
 * server was stopped (a restore, `npm run seed:demo`).
 */
function startScheduler(origin: string): NodeJS.Timeout {
  const every = Number(process.env.SCHEDULER_INTERVAL_MS || 30_000);
  let purge = true;
  const tick = async () => {
    try {
      const response = await fetch(`${origin}/api/internal/scheduled`, {
        method: "POST",
        headers: { [INTERNAL_HEADER]: internalRequestToken(), "content-type": "application/json" },
        body: JSON.stringify({ purge }),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      purge = false;
      const { published } = (await response.json()) as { published: string[] };
      if (published.length > 0) log.info({ published }, "published scheduled transcripts");
    } catch (error) {
      log.error(errorFields(error), "the scheduler's call failed");
    }
  };
  void tick();
  return setInterval(() => void tick(), every).unref();
}

/**
 * Asks this server (inside Next, where cache expiry works) to forget the tags another server expired, or to forget
 * again what was expired a moment ago (`isSettle`: lib/publishing/cache-settle.ts); `sentAt` (when the other server
 * sent them) gives the fan-out lag GET /metrics reports.
 */
async function expireInThisServer(
  origin: string,
  tags: string[],
  sentAt: number | null = null,
  isSettle = false,
): Promise<void> {
  try {
    const response = await fetch(`${origin}/api/internal/expire`, {
      method: "POST",
      headers: { [INTERNAL_HEADER]: internalRequestToken(), "content-type": "application/json" },
      body: JSON.stringify({ tags }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    // Then the edge forgets them again. The server that made the change purged it at once, but until this server
    // had expired its own copy, the edge could have fetched the old page from here and kept it: only a purge sent
    // after every server's expiry is sure to be the last word.
    void sendEdgePurge(tags);
    if (!isSettle) metrics().expiries.inc({ direction: "received" });
    if (sentAt !== null) metrics().fanOutLag.observe(Math.max(0, Date.now() - sentAt) / 1000);
  } catch (error) {
    log.error({ tags, ...errorFields(error) }, "could not expire what another server expired");
  }
}

/**
 * On PostgreSQL, several servers share the database: each listens for the cache tags the others expire (NOTIFY from
 * lib/publishing/cache.ts) and expires them here at once. After a lost connection it may have missed some, so it
 * forgets every public page. Its state is what GET /api/ready reports as the fan-out listener.
 */
function startCacheFanOut(origin: string, settler: ReturnType<typeof createSettler>): Listener | null {
  const url = process.env.DATABASE_URL ?? "";
  if (currentProvider(url || undefined) !== "postgresql") return null;
  const listener = listen(
    url,
    CACHE_CHANNEL,
    (payload) => {
      const heard = decodeExpiry(payload);
      if (heard && heard.tags.length > 0) {
        void expireInThisServer(origin, heard.tags, heard.sentAt);
        settler.add(heard.tags);
      }
    },
    {
      onConnected: (isReconnect) => {
        if (isReconnect) void expireInThisServer(origin, [PUBLIC_TAG]);
      },
      onError: (error) => log.warn(errorFields(error), "the cache fan-out listener lost its connection"),
    },
  );
  (globalThis as { verbatimFanOut?: { isConnected(): boolean } }).verbatimFanOut = listener;
  return listener;
}

/**
 * Answers a reader's request for a public page from the bytes Next last served from its cache, or lets Next answer
 * and keeps those bytes when it served them from its cache (lib/http/page-cache.ts). Returns true when answered.
 */
function answerFromPageCache(request: IncomingMessage, response: ServerResponse): boolean {
  const key = pageCacheKey(request.method, request.url, request.headers);
  if (!key) return false;
  const cache = publicPageCache();
  const page = cache.get(key);
  metrics().pageCopy.inc({ result: page ? "hit" : "miss" });
  if (page) {
    for (const [name, value] of page.headers) response.setHeader(name, value);
    response.setHeader("x-verbatim-page-cache", "HIT");
    response.writeHead(page.status);
    response.end(page.body);
    return true;
  }
  const chunks: Buffer[] = [];
  const write = response.write.bind(response);
  const end = response.end.bind(response);
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(
      Buffer.isBuffer(chunk)
        ? chunk
        : typeof chunk === "string"
          ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
          : Buffer.from(chunk as Uint8Array),
    );
  };
  response.write = ((chunk: unknown, ...rest: unknown[]) => {
    collect(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as ServerResponse["write"];
  response.end = ((chunk?: unknown, ...rest: unknown[]) => {
    collect(chunk, rest[0]);
    const headers = response.getHeaders();
    if (isCacheablePage(key, response.statusCode, headers)) {
      const entries = Object.entries(headers).flatMap(([name, value]): [string, string][] =>
        value === undefined ? [] : [[name, Array.isArray(value) ? value.join(", ") : String(value)]],
      );
      cache.set(key, {
        status: response.statusCode,
        headers: entries,
        body: Buffer.concat(chunks),
        storedAt: Date.now(),
      });
    }
    return (end as (...args: unknown[]) => ServerResponse)(chunk, ...rest);
  }) as ServerResponse["end"];
  return false;
}

/**
 * GET /metrics: Prometheus's text format, for a scraper on this machine or one with METRICS_TOKEN (mayReadMetrics);
 * anyone else gets the 404 an unknown address gets.
 */
async function answerMetrics(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const allowed = mayReadMetrics({
    remoteAddress: request.socket.remoteAddress,
    forwardedFor: request.headers["x-forwarded-for"],
    authorization: request.headers.authorization,
  });
  if (request.method !== "GET" || !allowed) {
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found.");
    return;
  }
  const { registry } = metrics();
  const body = await registry.metrics();
  response.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" }).end(body);
}

/**
 * A body declared longer than any route reads (the upload limit with its framing) is refused before a byte of it is
 * read, and the connection closed: nothing behind would take it.
 */
function refuseOversizedBody(request: IncomingMessage, response: ServerResponse): boolean {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (!(declared > maxBodyBytes())) return false;
  // Over the largest body, so over the file limit too: the same sentence an upload gets.
  const problem = ingestSizeProblem(declared)!;
  lingerBeforeClosing(request.socket);
  answerJsonError(response, 413, problem.code, problem.message, { connection: "close" });
  return true;
}

/** An error in the API's one shape, from here, before Next sees the request; never cached. */
function answerJsonError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    ...headers,
  });
  response.end(JSON.stringify({ error: { code, message } }));
}

const isSqlite = currentProvider(process.env.DATABASE_URL || undefined) === "sqlite";
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * While `npm run restore` works on the SQLite database (lib/db/maintenance.ts), a request that may write is answered
 * 503 with Retry-After before anything reads it; the editor keeps its text and saves again, as it does offline. A
 * transaction that got past this point is refused as it begins (lib/db.ts).
 */
function refuseWritesDuringRestore(request: IncomingMessage, response: ServerResponse): boolean {
  if (!isSqlite || !WRITE_METHODS.has(request.method ?? "GET") || !restoreInProgress()) return false;
  answerJsonError(response, 503, "UNAVAILABLE", RESTORING_MESSAGE, {
    "retry-after": String(RESTORE_RETRY_AFTER_SECONDS),
  });
  return true;
}

/**
 * Forgets every public page here and at the edge when a restore has finished on this SQLite database (it may have
 * changed any of them: a publication undone, an unpublication undone). Looked at every second.
 */
function watchForRestores(origin: string): void {
  if (!isSqlite) return;
  let seen = lastRestoredAt();
  setInterval(() => {
    const now = lastRestoredAt();
    if (now === seen) return;
    seen = now;
    log.info({}, "a restore finished: forgetting every public page");
    void expireInThisServer(origin, [PUBLIC_TAG]);
  }, 1_000).unref();
}

/**
 * An answer given before the server has read the request's whole body (a refusal: too large, not signed in, not
 * allowed) closes the connection after it. Kept alive, the socket would still be carrying the rest of that body, and the
 * client's next request on it would wait behind it (76 s, measured) instead of being answered.
 */
function closeAfterAnswerMidBody(request: IncomingMessage, response: ServerResponse): void {
  const hasBody =
    Number(request.headers["content-length"] ?? 0) > 0 || request.headers["transfer-encoding"] !== undefined;
  if (!hasBody) return;
  const socket = request.socket;
  // A route that stops reading a body (past the upload limit, Next cancels the stream) destroys the request, and
  // Node destroys an unfinished request's socket with it: the refusal would never reach the client. Instead the rest
  // of the body is read and dropped, so the answer goes out, and the connection then closes as below.
  const destroy = request.destroy.bind(request);
  request.destroy = ((error?: Error) => {
    if (request.complete || response.writableEnded) return destroy(error);
    request.resume();
    return request;
  }) as typeof request.destroy;
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  response.writeHead = ((...args: unknown[]) => {
    if (!request.complete) {
      response.setHeader("connection", "close");
      lingerBeforeClosing(socket);
    }
    return writeHead(...args);
  }) as typeof response.writeHead;
}

/** How long a connection closed mid-body keeps reading (and dropping) what the client still sends. */
const LINGER_MS = 2_000;

/**
 * A lingering close, as nginx does it. Closed at once, the socket would answer the client's next chunk with a TCP
 * reset, and a reset makes the client's system drop the answer it had not read yet: the 413 would be lost, the
 * client left with EPIPE. So the answer is sent and our side shut for writing, the rest of the body is read and
 * dropped for a moment (the client stops once it reads the answer), and only then is the socket destroyed.
 */
function lingerBeforeClosing(socket: Socket): void {
  socket.destroySoon = () => {
    socket.end();
    socket.resume();
    const linger = setTimeout(() => socket.destroy(), LINGER_MS);
    linger.unref();
    socket.once("close", () => clearTimeout(linger));
  };
}

/**
 * Calls `done` once the response's head is sent (Next has then finished rendering and stored what it rendered), or
 * once it closes unanswered; a slow reader draining the body holds nobody up.
 */
function untilAnswered(response: ServerResponse, done: () => void): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    done();
    return (writeHead as (...args: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
  response.once("close", done);
}

/** One JSON line per answered request (static files and health checks only at debug level), and its metrics. */
function observe(request: IncomingMessage, response: ServerResponse, pathname: string, requestId: string): void {
  const started = performance.now();
  response.once("finish", () => {
    const seconds = (performance.now() - started) / 1000;
    recordRequest(pathname, request.method ?? "GET", response.statusCode, seconds);
    const group = routeGroup(pathname);
    const fields = {
      requestId,
      method: request.method,
      path: pathname,
      status: response.statusCode,
      ms: Math.round(seconds * 10_000) / 10,
      group,
      ...(response.getHeader("x-verbatim-page-cache") === "HIT" ? { pageCopy: "hit" } : {}),
    };
    if (group === "static" || group === "health" || group === "metrics") log.debug(fields, "request");
    else log.info(fields, "request");
  });
}

async function main(): Promise<void> {
  // Several servers on one PostgreSQL database must sign sessions with one key.
  assertSharedSecret();
  const port = Number(process.env.PORT || 3000);
  const hostname = process.env.HOSTNAME || undefined;
  const trust = compileTrustedProxies(process.env.TRUSTED_PROXIES);
  // Readers' rate limits, read now so a RATE_LIMITS the server cannot read stops it with a sentence.
  readerLimits();
  // Likewise the bounds on open live streams (lib/live/stream-limits.ts).
  const liveStreams = new StreamCounter(configuredStreamLimits());
  // The database, its WAL and anything else this process creates: owner only.
  process.umask(0o077);
  // Only needed to create the first admin, before the server starts (scripts/start.ts does not pass it on).
  delete process.env.ADMIN_PASSWORD;
  Object.assign(process.env, { NODE_ENV: "production" });
  // Imported after NODE_ENV is set: Next reads it when it loads.
  const { default: next } = await import("next");
  // Also after NODE_ENV: it loads this process's own database client for the live hub (lib/db.ts), which outside
  // production would be left on globalThis for Next's code to take instead of its own.
  const { liveStreamSlug, serveLiveStream } = await import("@/lib/live/node-stream");
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  const handle = app.getRequestHandler();
  await app.prepare();

  // Made before Next loads, so the app's code records into this process's one registry.
  metrics();
  const server = createServer((request, response) => {
    request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(request, trust);
    dropUntrustedForwarding(request, trust);
    // Every request gets an id (a proxy's, when well formed), answered back and carried by every log line about it.
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    const pathname = (request.url ?? "/").split("?")[0] ?? "/";
    observe(request, response, pathname, requestId);
    if (pathname === "/metrics") {
      void answerMetrics(request, response);
      return;
    }
    requestContext.run({ requestId }, () => {
      const group = limitedGroup(pathname);
      if (!group) return serve(request, response);
      // A costly reader request (API, search, oEmbed, export, share image) is counted for its client first.
      const address = String(request.headers[CLIENT_ADDRESS_HEADER]);
      readerLimits()
        .take(group, address)
        .then(
          (verdict) => {
            for (const [name, value] of Object.entries(verdict.headers)) response.setHeader(name, value);
            if (verdict.allowed) return serve(request, response);
            const { contentType, body } = refusal(group);
            response.writeHead(429, { "content-type": contentType, "cache-control": "no-store" }).end(body);
          },
          (error: unknown) => {
            // The limit protects the server; it is never a reason to refuse a reader.
            log.error(errorFields(error), "could not count a request against its rate limit");
            serve(request, response);
          },
        );
    });
  });
  const origin = `http://${hostname && hostname !== "0.0.0.0" && hostname !== "::" ? hostname : "127.0.0.1"}:${port}`;
  // Every expiry, made here or heard from another server, is made again once the renders in flight have finished
  // (lib/publishing/cache-settle.ts).
  const inFlight = createInFlight();
  const settler = createSettler((tags) => expireInThisServer(origin, tags, null, true), SETTLE_MS, inFlight);
  const serve = (request: IncomingMessage, response: ServerResponse) => {
    if (refuseOversizedBody(request, response)) return;
    if (refuseWritesDuringRestore(request, response)) return;
    // A live transcript's readers: held by the hub on the socket itself (lib/live/node-stream.ts), not through Next.
    const liveSlug = liveStreamSlug(request.method, request.url);
    if (liveSlug !== undefined) {
      const ticket = liveStreams.open(String(request.headers[CLIENT_ADDRESS_HEADER]));
      if (!ticket.allowed) {
        response
          .writeHead(ticket.status, {
            "content-type": "text/plain; charset=utf-8",
            "cache-control": "no-store",
            "retry-after": String(STREAM_RETRY_AFTER_SECONDS),
          })
          .end(`${ticket.message}\n`);
        return;
      }
      response.once("close", ticket.release);
      serveLiveStream(request, response, liveSlug).catch((error: unknown) => {
        log.error(errorFields(error), "could not open a live event stream");
        if (!response.headersSent) response.writeHead(503, { "cache-control": "no-store" });
        response.end();
      });
      return;
    }
    closeAfterAnswerMidBody(request, response);
    answerPermanentRedirectsAs301(request, response);
    // Public responses name the cache tags they belong to, so an edge cache can forget them when those expire.
    const keys = surrogateKeysFor(request.method, request.url);
    if (keys) response.setHeader("surrogate-key", keys.join(" "));
    const readsCache = readsPublicCache(request.method, request.url) && request.headers[INTERNAL_HEADER] === undefined;
    const answer = () => {
      if (response.destroyed) return;
      let answered = false;
      try {
        answered = answerFromPageCache(request, response);
      } catch (error) {
        // The copy is only a shortcut: on any trouble, Next answers as it would without it.
        log.error(errorFields(error), "the page copy failed; Next answers instead");
        publicPageCache().clear();
      }
      if (answered) return;
      // What Next renders now may store what it read before the next expiry: that expiry is made again once this has
      // been answered (lib/publishing/cache-settle.ts).
      if (readsCache) untilAnswered(response, inFlight.begin());
      void handle(request, response);
    };
    // Just after an expiry, while renders that read the data before it are still under way, a reader's request waits
    // for them and for the expiry made again (2 s at most): it is then neither answered with what they read, nor
    // joined to them by Next, nor given a copy of their page.
    const settling = readsCache ? settler.settled() : null;
    if (settling) void settling.then(answer);
    else answer();
  };
  // Slow-loris and abandoned uploads must not hold sockets forever (Node's defaults are 300 s / 60 s).
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  // Idle keep-alive connections outlive a reverse proxy's (nginx keeps its upstream ones 60 s): a server that closes
  // first races the proxy reusing the socket, which then fails a request (EPIPE, 502).
  server.keepAliveTimeout = 75_000;
  let fanOut: Listener | null = null;
  server.listen(port, hostname, () => {
    log.info({ url: `http://${hostname ?? "localhost"}:${port}` }, "Verbatim is serving");
    startScheduler(origin);
    onExpiry((tags) => settler.add(tags));
    fanOut = startCacheFanOut(origin, settler);
    // A live transcript's page, here and at the edge, a few seconds behind its stream at most (lib/live/page-refresh.ts).
    const livePages = createThrottle((slug) => void expireInThisServer(origin, [slugTag(slug)], null, true));
    onLivePage((slug) => livePages.add(slug));
    watchForRestores(origin);
  });

  const shutdown = () => {
    void fanOut?.close();
    server.close(() => process.exit(0));
    // Keep-alive connections would hold close() open; nothing in flight is worth more than a few seconds.
    setTimeout(() => process.exit(0), 5_000).unref();
    server.closeIdleConnections();
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(`Verbatim could not start serving: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
