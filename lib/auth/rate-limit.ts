import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";

export interface SignInThrottleOptions {
  /** Failed attempts allowed per account in one window. */
  accountAttempts?: number;
  /** Failed attempts allowed per client address in one window (an office shares one address, so more). */
  addressAttempts?: number;
  windowSeconds?: number;
}

export type ThrottleVerdict = { blocked: false } | { blocked: true; retryAfterSeconds: number };

/**
 * Counts failed sign-ins per account and per client address. Only failures count; a success clears the account's
 * count. In memory: one Verbatim process holds the counts, and a restart clears them.
 */
export class SignInThrottle {
  private readonly byAccount: RateLimiterMemory;
  private readonly byAddress: RateLimiterMemory;

  constructor({ accountAttempts = 10, addressAttempts = 30, windowSeconds = 15 * 60 }: SignInThrottleOptions = {}) {
    this.byAccount = new RateLimiterMemory({
      keyPrefix: "signin-account",
      points: accountAttempts,
      duration: windowSeconds,
    });
    this.byAddress = new RateLimiterMemory({
      keyPrefix: "signin-address",
      points: addressAttempts,
      duration: windowSeconds,
    });
  }

  async check({ email, address }: { email: string; address: string }): Promise<ThrottleVerdict> {
    const [account, client] = await Promise.all([this.byAccount.get(accountKey(email)), this.byAddress.get(address)]);
    const waits = [exhausted(account, this.byAccount.points), exhausted(client, this.byAddress.points)].filter(
      (ms): ms is number => ms !== null,
    );
    if (waits.length === 0) return { blocked: false };
    return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)) };
  }

  /** Counts a failure; true when this failure used up the account's or the address's last attempt. */
  async recordFailure({ email, address }: { email: string; address: string }): Promise<boolean> {
    const [account, client] = await Promise.all([
      this.byAccount.penalty(accountKey(email), 1),
      this.byAddress.penalty(address, 1),
    ]);
    return account.consumedPoints === this.byAccount.points || client.consumedPoints === this.byAddress.points;
  }

  async recordSuccess({ email }: { email: string }): Promise<void> {
    await this.byAccount.delete(accountKey(email));
  }
}

function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

function exhausted(state: RateLimiterRes | null, points: number): number | null {
  return state && state.consumedPoints >= points ? state.msBeforeNext : null;
}

export function throttleMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const wait = retryAfterSeconds < 60 ? "a minute" : `${minutes} minute${minutes === 1 ? "" : "s"}`;
  return `Too many sign-in attempts. Wait ${wait} and try again, or ask an admin for a password-reset link.`;
}

/**
 * The client address for throttling. Next.js fills X-Forwarded-For with the socket address when a request arrives
 * without one; behind a reverse proxy the proxy appends the address it saw, so the last entry is the one to trust.
 */
export function clientAddressFrom(forwardedFor: string | null | undefined): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops.at(-1) ?? "unknown";
}
