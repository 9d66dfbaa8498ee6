// The public read API's rate limit: requests per client address per minute, counted in this process (the API only
// reads cached data, so the limit protects the server from scrapers, not from costly writes). Answers carry the
// IETF RateLimit-* headers; a client over the limit gets 429 with Retry-After.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

const DEFAULT_PER_MINUTE = 120;

export interface LimitVerdict {
  allowed: boolean;
  headers: Record<string, string>;
}

export class PublicApiLimit {
  private readonly limiter: RateLimiterMemory;

  constructor(readonly perMinute: number = DEFAULT_PER_MINUTE) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  }

  async take(address: string): Promise<LimitVerdict> {
    try {
      const result = await this.limiter.consume(address);
      return { allowed: true, headers: this.headers(result) };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      return { allowed: false, headers: { ...this.headers(rejection), "Retry-After": String(retryAfter) } };
    }
  }

  private headers(result: RateLimiterRes): Record<string, string> {
    return {
      "RateLimit-Limit": String(this.perMinute),
      "RateLimit-Remaining": String(Math.max(0, result.remainingPoints)),
      "RateLimit-Reset": String(Math.max(0, Math.ceil(result.msBeforeNext / 1000))),
    };
  }
}

function configuredPerMinute(): number {
  const value = Number(process.env.PUBLIC_API_RATE_LIMIT);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_PER_MINUTE;
}

const globalForLimit = globalThis as unknown as { verbatimPublicApiLimit?: PublicApiLimit };

/** The server's one limiter (kept on globalThis, so every route module shares it). */
export function publicApiLimit(): PublicApiLimit {
  globalForLimit.verbatimPublicApiLimit ??= new PublicApiLimit(configuredPerMinute());
  return globalForLimit.verbatimPublicApiLimit;
}
