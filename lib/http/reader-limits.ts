// Limits on what anonymous readers can ask for that costs the server work: the public read API, search, oEmbed,
// exports and share images. One module and one place to configure them (RATE_LIMITS), applied in one place, the
// server's front door (scripts/serve.ts), before the page copy or Next sees the request. Requests per client
// address per minute; an answer over the limit is 429 with Retry-After, and every limited answer carries the IETF
// RateLimit-* headers. Pages, feeds and the rest are not limited here: they are cached, and cheap to serve.
//
// Where the counts live: on PostgreSQL, in the database (RateLimitCounter, rate-limiter-flexible's
// RateLimiterPostgres), so every server of a cluster adds to the same count and a reader cannot get twice the
// allowance by landing on two servers; an address over its limit is then refused from memory until its window ends,
// without asking the database again. On SQLite (one server process), in memory.
import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { poolConfig } from "@/lib/db/postgresql/connection";
import { currentProvider } from "@/lib/db/provider";
import { hasTrustedAddress } from "@/lib/http/client-address";

export const LIMITED_GROUPS = ["api", "search", "oembed", "export", "image"] as const;
export type LimitedGroup = (typeof LIMITED_GROUPS)[number];

/** Requests per minute per client address, unless RATE_LIMITS says otherwise. */
export const DEFAULT_LIMITS: Readonly<Record<LimitedGroup, number>> = {
  api: 120,
  search: 60,
  oembed: 120,
  export: 30,
  image: 120,
};

/** The group a request path belongs to, or null when it is not limited. */
export function limitedGroup(pathname: string): LimitedGroup | null {
  if (pathname.startsWith("/api/public/")) return "api";
  if (pathname === "/api/oembed") return "oembed";
  if (pathname === "/search" || pathname.startsWith("/search/")) return "search";
  if (/^\/t\/[^/]+\/export\/[^/]+$/.test(pathname)) return "export";
  if (/^\/(t|q)\/[^/]+\/opengraph-image/.test(pathname)) return "image";
  return null;
}

export class RateLimitConfigError extends Error {}

/**
 * The limits from the environment: RATE_LIMITS="search=30,export=10" (any of api, search, oembed, export, image;
 * 0 turns a group's limit off), and PUBLIC_API_RATE_LIMIT for the API, as before RATE_LIMITS existed.
 */
export function configuredLimits(env: Record<string, string | undefined> = process.env): Record<LimitedGroup, number> {
  const limits = { ...DEFAULT_LIMITS };
  const api = Number(env.PUBLIC_API_RATE_LIMIT);
  if (env.PUBLIC_API_RATE_LIMIT && Number.isInteger(api) && api >= 0) limits.api = api;
  for (const item of (env.RATE_LIMITS ?? "").split(",").map((part) => part.trim())) {
    if (!item) continue;
    const [name, value] = item.split("=").map((part) => part.trim());
    const perMinute = Number(value);
    if (!LIMITED_GROUPS.includes(name as LimitedGroup) || !value || !Number.isInteger(perMinute) || perMinute < 0) {
      throw new RateLimitConfigError(
        `RATE_LIMITS takes group=requests-per-minute pairs, e.g. "search=30,export=10", with the groups ${LIMITED_GROUPS.join(", ")}; "${item}" is not one.`,
      );
    }
    limits[name as LimitedGroup] = perMinute;
  }
  return limits;
}

export interface LimitVerdict {
  allowed: boolean;
  headers: Record<string, string>;
}

type Limiter = RateLimiterMemory | RateLimiterPostgres;

export class ReaderLimits {
  private readonly limiters = new Map<LimitedGroup, Limiter>();
  private readonly close_: () => Promise<void>;

  /** `databaseUrl`: a PostgreSQL address shares the counts through that database; anything else counts here. */
  constructor(
    readonly limits: Readonly<Record<LimitedGroup, number>>,
    { databaseUrl }: { databaseUrl?: string } = {},
  ) {
    const shared = databaseUrl !== undefined && currentProvider(databaseUrl) === "postgresql";
    const pool = shared ? new pg.Pool(poolConfig(databaseUrl, { max: 2 })) : null;
    for (const group of LIMITED_GROUPS) {
      const points = limits[group];
      if (points <= 0) continue;
      const common = { keyPrefix: `reader-${group}`, points, duration: 60 };
      this.limiters.set(
        group,
        pool
          ? new RateLimiterPostgres({
              ...common,
              storeClient: pool,
              storeType: "pool",
              tableName: "RateLimitCounter",
              tableCreated: true,
              // An address over its limit is refused from memory for the rest of its window: a flood costs no
              // database work.
              inMemoryBlockOnConsumed: points,
              inMemoryBlockDuration: 60,
              // If the database cannot be reached, count in this process rather than fail the reader.
              insuranceLimiter: new RateLimiterMemory(common),
            })
          : new RateLimiterMemory(common),
      );
    }
    this.close_ = async () => {
      await pool?.end();
    };
  }

  /** Counts one request of `address` in `group`. An unknown address (no trusted one) is not limited. */
  async take(group: LimitedGroup, address: string): Promise<LimitVerdict> {
    const limiter = this.limiters.get(group);
    if (!limiter || !hasTrustedAddress(address)) return { allowed: true, headers: {} };
    const perMinute = this.limits[group];
    try {
      return { allowed: true, headers: rateLimitHeaders(perMinute, await limiter.consume(address)) };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      return {
        allowed: false,
        headers: { ...rateLimitHeaders(perMinute, rejection), "Retry-After": String(retryAfter) },
      };
    }
  }

  close(): Promise<void> {
    return this.close_();
  }
}

function rateLimitHeaders(perMinute: number, result: RateLimiterRes): Record<string, string> {
  return {
    "RateLimit-Limit": String(perMinute),
    "RateLimit-Remaining": String(Math.max(0, result.remainingPoints)),
    "RateLimit-Reset": String(Math.max(0, Math.ceil(result.msBeforeNext / 1000))),
  };
}

/** The 429 for a group: the API's error shape for JSON routes, a sentence for pages, images and files. */
export function refusal(group: LimitedGroup): { contentType: string; body: string } {
  const message = "Too many requests from your address: wait a minute and try again.";
  if (group === "api" || group === "oembed") {
    return {
      contentType: "application/json; charset=utf-8",
      body: JSON.stringify({ error: { code: "RATE_LIMITED", message } }),
    };
  }
  return { contentType: "text/plain; charset=utf-8", body: `${message}\n` };
}

const holder = globalThis as { verbatimReaderLimits?: ReaderLimits };

/** The server's limits (one per process, on globalThis), on the database DATABASE_URL names. */
export function readerLimits(): ReaderLimits {
  holder.verbatimReaderLimits ??= new ReaderLimits(configuredLimits(), { databaseUrl: process.env.DATABASE_URL });
  return holder.verbatimReaderLimits;
}
