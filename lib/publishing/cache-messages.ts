// The message one server sends the others when public cache tags expire (PostgreSQL's NOTIFY on CACHE_CHANNEL), so
// every server forgets the same pages at once. Pure, and free of Next and Prisma: the server's listener
// (scripts/serve.ts) reads it outside the app.
import os from "node:os";

export const CACHE_CHANNEL = "verbatim_cache";

/** NOTIFY payloads are limited to 8,000 bytes; a bigger expiry is sent as "everything public". */
const MAX_PAYLOAD = 7_500;

export interface ExpiryMessage {
  /** The server that expired the tags itself: it ignores its own message. */
  origin: string;
  tags: string[];
  /** When it was sent (ms since the epoch), for the fan-out lag GET /metrics reports. */
  at?: number;
}

/** What a server hears: the tags to expire, and when they were sent (null from a sender that did not say). */
export interface HeardExpiry {
  tags: string[];
  sentAt: number | null;
}

/** This server: the same in the Next app and in scripts/serve.ts, which run in one process. */
export function serverId(): string {
  return `${os.hostname()}:${process.pid}`;
}

export function encodeExpiry(tags: readonly string[], everything: string, at: number = Date.now()): string {
  const payload = JSON.stringify({ origin: serverId(), tags: [...new Set(tags)], at } satisfies ExpiryMessage);
  return Buffer.byteLength(payload) <= MAX_PAYLOAD
    ? payload
    : JSON.stringify({ origin: serverId(), tags: [everything], at } satisfies ExpiryMessage);
}

/** The tags to expire here, or null for this server's own message or one that is not ours. */
export function decodeExpiry(payload: string): HeardExpiry | null {
  try {
    const message = JSON.parse(payload) as Partial<ExpiryMessage>;
    if (typeof message.origin !== "string" || !Array.isArray(message.tags)) return null;
    if (message.origin === serverId()) return null;
    return {
      tags: message.tags.filter((tag): tag is string => typeof tag === "string"),
      sentAt: typeof message.at === "number" && Number.isFinite(message.at) ? message.at : null,
    };
  } catch {
    return null;
  }
}
