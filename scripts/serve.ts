// The production server: Next.js behind a few lines of Node's http server, so that every request carries a client
// address Verbatim can trust (the socket's peer, or X-Forwarded-For only from TRUSTED_PROXIES). `next start` cannot
// do this: it keeps whatever X-Forwarded-For a client sends. Run by `npm start` and the end-to-end servers.
import { createServer } from "node:http";
import { assertSharedSecret } from "@/lib/auth/secret";
import { listen, type Listener } from "@/lib/db/postgresql/listener";
import { currentProvider } from "@/lib/db/provider";
import { PUBLIC_TAG } from "@/lib/publishing/cache-tags";
import { CACHE_CHANNEL, decodeExpiry } from "@/lib/publishing/cache-messages";
import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_ADDRESS_HEADER, compileTrustedProxies, resolveClientAddress } from "@/lib/http/client-address";
import { isCacheablePage, pageCacheKey, publicPageCache } from "@/lib/http/page-cache";
import { INTERNAL_HEADER, internalRequestToken } from "@/lib/publishing/internal-request";
import { surrogateKeysFor } from "@/lib/publishing/surrogate-keys";

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
      if (published.length > 0) console.log(`Published ${published.length} scheduled transcript(s).`);
    } catch (error) {
      console.error(`[scheduler] ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  void tick();
  return setInterval(() => void tick(), every).unref();
}

/** Asks this server (inside Next, where cache expiry works) to forget the tags another server expired. */
async function expireInThisServer(origin: string, tags: string[]): Promise<void> {
  try {
    const response = await fetch(`${origin}/api/internal/expire`, {
      method: "POST",
      headers: { [INTERNAL_HEADER]: internalRequestToken(), "content-type": "application/json" },
      body: JSON.stringify({ tags }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    console.error(`[fan-out] could not expire ${tags.join(" ")}: ${error instanceof Error ? error.message : error}`);
  }
}

/**
 * On PostgreSQL, several servers share the database: each listens for the cache tags the others expire (NOTIFY from
 * lib/publishing/cache.ts) and expires them here at once. After a lost connection it may have missed some, so it
 * forgets every public page. Its state is what GET /api/ready reports as the fan-out listener.
 */
function startCacheFanOut(origin: string): Listener | null {
  const url = process.env.DATABASE_URL ?? "";
  if (currentProvider(url || undefined) !== "postgresql") return null;
  const listener = listen(
    url,
    CACHE_CHANNEL,
    (payload) => {
      const tags = decodeExpiry(payload);
      if (tags && tags.length > 0) void expireInThisServer(origin, tags);
    },
    {
      onConnected: (isReconnect) => {
        if (isReconnect) void expireInThisServer(origin, [PUBLIC_TAG]);
      },
      onError: (error) => console.error(`[fan-out] ${error.message}`),
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

async function main(): Promise<void> {
  // Several servers on one PostgreSQL database must sign sessions with one key.
  assertSharedSecret();
  const port = Number(process.env.PORT || 3000);
  const hostname = process.env.HOSTNAME || undefined;
  const trust = compileTrustedProxies(process.env.TRUSTED_PROXIES);
  // The database, its WAL and anything else this process creates: owner only.
  process.umask(0o077);
  // Only needed to create the first admin, before the server starts (scripts/start.ts does not pass it on).
  delete process.env.ADMIN_PASSWORD;
  Object.assign(process.env, { NODE_ENV: "production" });
  // Imported after NODE_ENV is set: Next reads it when it loads.
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((request, response) => {
    request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(request, trust);
    // Public responses name the cache tags they belong to, so an edge cache can forget them when those expire.
    const keys = surrogateKeysFor(request.method, request.url);
    if (keys) response.setHeader("surrogate-key", keys.join(" "));
    let answered = false;
    try {
      answered = answerFromPageCache(request, response);
    } catch (error) {
      // The copy is only a shortcut: on any trouble, Next answers as it would without it.
      console.error("[page cache]", error);
      publicPageCache().clear();
    }
    if (answered) return;
    void handle(request, response);
  });
  // Slow-loris and abandoned uploads must not hold sockets forever (Node's defaults are 300 s / 60 s).
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  // Idle keep-alive connections outlive a reverse proxy's (nginx keeps its upstream ones 60 s): a server that closes
  // first races the proxy reusing the socket, which then fails a request (EPIPE, 502).
  server.keepAliveTimeout = 75_000;
  let fanOut: Listener | null = null;
  server.listen(port, hostname, () => {
    console.log(`Verbatim is serving on http://${hostname ?? "localhost"}:${port}`);
    const origin = `http://${hostname && hostname !== "0.0.0.0" && hostname !== "::" ? hostname : "127.0.0.1"}:${port}`;
    startScheduler(origin);
    fanOut = startCacheFanOut(origin);
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
