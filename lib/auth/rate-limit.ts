import Database from "better-sqlite3";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite } from "rate-limiter-flexible";
import { DEFAULT_DATABASE_URL, resolveSqlitePath } from "@/lib/db/database-url";
import { poolConfig } from "@/lib/db/postgresql/connection";
import { currentProvider } from "@/lib/db/provider";
import { hasTrustedAddress } from "@/lib/http/client-address";

/** The table both schemas declare (model RateLimitCounter); the migrations create it, with the library's columns. */
const COUNTER_TABLE = "RateLimitCounter";

/** How long the counter connection waits synchronously for another writer before retrying asynchronously. */
const SYNC_BUSY_TIMEOUT_MS = 25;
/** How long an attempt keeps retrying a busy database before it gives up. */
const BUSY_RETRY_LIMIT_MS = 10_000;

export interface SignInThrottleOptions {
  /** Attempts allowed per account in one window. */
  accountAttempts?: number;
  /** Failed attempts allowed per client address in one window (an office shares one address, so more). */
  addressAttempts?: number;
  windowSeconds?: number;
  /** The database holding the counters; the app's (DATABASE_URL) unless a test says otherwise. */
  databaseUrl?: string;
  /** Deletes counters an hour past their window every five minutes; off for short-lived test instances. */
  clearExpired?: boolean;
}

export type AttemptVerdict =
  | { allowed: true; isLastAttempt: false }
  | { allowed: true; isLastAttempt: true; retryAfterSeconds: number }
  | { allowed: false; retryAfterSeconds: number };

/**
 * Counts sign-in attempts per account and per client address in the database, so every server process shares the
 * counts and a restart keeps them. Each attempt is counted *before* its password is checked, with one atomic
 * upsert (rate-limiter-flexible's `consume`), so a burst of parallel attempts gets no more password checks than the
 * limit. A success clears the account's count and refunds the address's point, so the address limit counts failures.
 *
 * The counters live in the app's database on connections of their own, and each count is one atomic upsert:
 * - SQLite: RateLimiterSQLite's better-sqlite3 store runs the upsert synchronously in one statement, which is what
 *   makes it atomic across processes. (Its Prisma store deletes and upserts in two statements.) That connection
 *   waits only briefly for the write lock, then retries asynchronously, so it never stalls the event loop while a
 *   Prisma transaction in this process holds the lock.
 * - PostgreSQL: RateLimiterPostgres's `INSERT … ON CONFLICT DO UPDATE` on a small pool: every server of a cluster
 *   counts in the same rows.
 */
export class SignInThrottle {
  private readonly close_: () => void;
  private readonly byAccount: RateLimiterSQLite | RateLimiterPostgres;
  private readonly byAddress: RateLimiterSQLite | RateLimiterPostgres;

  constructor({
    accountAttempts = 10,
    addressAttempts = 30,
    windowSeconds = 15 * 60,
    databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
    clearExpired = false,
  }: SignInThrottleOptions = {}) {
    const common = {
      tableName: COUNTER_TABLE,
      tableCreated: true,
      clearExpiredByTimeout: clearExpired,
      duration: windowSeconds,
    };
    if (currentProvider(databaseUrl) === "postgresql") {
      const pool = new pg.Pool(poolConfig(databaseUrl, { max: 2 }));
      const store = { ...common, storeClient: pool, storeType: "pool" };
      this.byAccount = new RateLimiterPostgres({ ...store, keyPrefix: "signin-account", points: accountAttempts });
      this.byAddress = new RateLimiterPostgres({ ...store, keyPrefix: "signin-address", points: addressAttempts });
      this.close_ = () => void pool.end();
      return;
    }
    const database = new Database(resolveSqlitePath(databaseUrl), {
      timeout: SYNC_BUSY_TIMEOUT_MS,
      fileMustExist: true,
    });
    const store = { ...common, storeClient: database, storeType: "better-sqlite3" };
    this.byAccount = new RateLimiterSQLite({ ...store, keyPrefix: "signin-account", points: accountAttempts });
    this.byAddress = new RateLimiterSQLite({ ...store, keyPrefix: "signin-address", points: addressAttempts });
    this.close_ = () => database.close();
  }

  /**
   * Counts one attempt for the account and the address. Refused when either is already at its limit; otherwise
   * allowed, with `isLastAttempt` when this attempt used the last one, so a failure can say the account is now
   * blocked. An address of "unknown" (no trusted address: `next dev`) is not limited; the account still is.
   */
  async consumeAttempt({ email, address }: { email: string; address: string }): Promise<AttemptVerdict> {
    const outcomes = await Promise.allSettled([
      retryWhileBusy(() => this.byAccount.consume(accountKey(email))),
      hasTrustedAddress(address) ? retryWhileBusy(() => this.byAddress.consume(address)) : Promise.resolve(null),
    ]);
    const refusals: number[] = [];
    const exhausted: number[] = [];
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") {
        if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
        refusals.push(outcome.reason.msBeforeNext);
      } else if (outcome.value && outcome.value.remainingPoints === 0) {
        exhausted.push(outcome.value.msBeforeNext);
      }
    }
    if (refusals.length > 0) return { allowed: false, retryAfterSeconds: toSeconds(refusals) };
    if (exhausted.length > 0) return { allowed: true, isLastAttempt: true, retryAfterSeconds: toSeconds(exhausted) };
    return { allowed: true, isLastAttempt: false };
  }

  /** A right password: the account starts afresh, and the address gets its point back. */
  async recordSuccess({ email, address }: { email: string; address: string }): Promise<void> {
    await this.clearAccount({ email });
    if (!hasTrustedAddress(address)) return;
    const state = await retryWhileBusy(() => this.byAddress.get(address));
    if (state && state.consumedPoints > 0) await retryWhileBusy(() => this.byAddress.reward(address, 1));
  }

  /** Lifts an account's lockout: after an admin's reset link or the owner's successful reset. */
  async clearAccount({ email }: { email: string }): Promise<void> {
    await retryWhileBusy(() => this.byAccount.delete(accountKey(email)));
  }

  close(): void {
    this.close_();
  }
}

function toSeconds(waitsMs: number[]): number {
  return Math.max(1, Math.ceil(Math.max(...waitsMs) / 1000));
}

function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

function isBusy(error: unknown): boolean {
  return (
    typeof (error as { code?: unknown })?.code === "string" &&
    (error as { code: string }).code.startsWith("SQLITE_BUSY")
  );
}

/** A busy database means another writer holds the lock: wait a little, off the event loop, and try again. */
async function retryWhileBusy<T>(run: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + BUSY_RETRY_LIMIT_MS;
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    try {
      return await run();
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

const globalForThrottle = globalThis as unknown as { verbatimSignInThrottle?: SignInThrottle };

/** The server's one throttle, opened on first use. */
export function getSignInThrottle(): SignInThrottle {
  globalForThrottle.verbatimSignInThrottle ??= new SignInThrottle({ clearExpired: true });
  return globalForThrottle.verbatimSignInThrottle;
}

export function throttleMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const wait = retryAfterSeconds < 60 ? "a minute" : `${minutes} minute${minutes === 1 ? "" : "s"}`;
  return `Too many sign-in attempts. Wait ${wait} and try again, or ask an admin for a password-reset link.`;
}
