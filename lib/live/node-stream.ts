// GET /t/<slug>/events on Node's own response, as the production server (scripts/serve.ts) answers it before Next:
// the same hub and the same bytes as the route in app/(public)/t/[slug]/events (which `next dev` uses), without the
// web-stream machinery between the hub and the socket. With thousands of readers, that machinery cost more than the
// writes themselves (npm run bench:live): here each event is one write per socket.
import type { IncomingMessage, ServerResponse } from "node:http";
import { liveHub, resumePoint, type LiveSubscriber } from "@/lib/live/hub";
import { parseSlug } from "@/lib/validations/route-params";

/** How far behind (bytes not yet taken by the socket) a reader may fall before the hub closes its stream. */
export const MAX_QUEUED_BYTES = 1024 * 1024;

export const LIVE_STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // Never stored, never compressed (a gzip stream would hold events back), never buffered by a proxy.
  "cache-control": "no-cache, no-store, no-transform",
  "x-accel-buffering": "no",
  "x-content-type-options": "nosniff",
} as const;

const NOT_LIVE = "Nothing is live at this address.\n";

/**
 * For a request to a live event stream's address (GET /t/<slug>/events), its slug (null when it is not a valid one);
 * undefined for any other request.
 */
export function liveStreamSlug(method: string | undefined, url: string | undefined): string | null | undefined {
  if (method !== "GET" || !url) return undefined;
  const match = /^\/t\/([^/?#]+)\/events(?:\?|$)/.exec(url);
  if (!match) return undefined;
  try {
    return parseSlug(decodeURIComponent(match[1]!));
  } catch {
    return null;
  }
}

function answerNotLive(response: ServerResponse): void {
  response.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" }).end(NOT_LIVE);
}

/** Answers a reader's event stream: 404 unless something is live at `slug`; otherwise open until it ends or they go. */
export async function serveLiveStream(request: IncomingMessage, response: ServerResponse, slug: string | null) {
  if (!slug) return answerNotLive(response);
  const after = resumePoint(
    typeof request.headers["last-event-id"] === "string" ? request.headers["last-event-id"] : null,
    new URL(request.url ?? "/", "http://stream.invalid").searchParams.get("after"),
  );
  // What the hub writes before it has said whether anything is live here waits for the headers.
  let early: Uint8Array[] | null = [];
  let isClosed = false;
  const subscriber: LiveSubscriber = {
    write(chunk) {
      if (isClosed) return false;
      if (early) {
        early.push(chunk);
        return true;
      }
      if (response.destroyed) return false;
      response.write(chunk);
      return response.writableLength < MAX_QUEUED_BYTES;
    },
    close() {
      if (isClosed) return;
      isClosed = true;
      if (!early) response.end();
    },
  };
  const disconnect = await liveHub().connect(slug, after, subscriber);
  if (!disconnect) return answerNotLive(response);
  // Gone while the hub looked: nothing to keep open.
  if (request.destroyed || response.destroyed) {
    isClosed = true;
    disconnect();
    return;
  }
  response.socket?.setNoDelay(true);
  // The stream is the connection's last answer and ends when it closes: each event then goes to the socket as it
  // is, without chunked encoding's framing (three writes instead of one, for every event and every reader).
  response.useChunkedEncodingByDefault = false;
  response.shouldKeepAlive = false;
  response.writeHead(200, { ...LIVE_STREAM_HEADERS, connection: "close" });
  const pending = early;
  early = null;
  for (const chunk of pending) response.write(chunk);
  if (isClosed) {
    response.end();
    return;
  }
  response.once("close", () => {
    isClosed = true;
    disconnect();
  });
}
