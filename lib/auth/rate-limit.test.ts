import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { SignInThrottle, throttleMessage, type SignInThrottleOptions } from "@/lib/auth/rate-limit";

const opened: SignInThrottle[] = [];

function openThrottle(options: SignInThrottleOptions = {}): SignInThrottle {
  const throttle = new SignInThrottle(options);
  opened.push(throttle);
  return throttle;
}

afterEach(() => {
  for (const throttle of opened.splice(0)) throttle.close();
});

/** Unique per test: every test file shares one database, so counters must not collide. */
function freshEmail(): string {
  return `${randomUUID()}@x.org`;
}

describe("sign-in throttle", () => {
  it("allows an account its attempts, flags the last one, then refuses it from any address", async () => {
    const throttle = openThrottle({ accountAttempts: 3, addressAttempts: 100 });
    const email = freshEmail();
    expect(await throttle.consumeAttempt({ email, address: "10.0.0.1" })).toEqual({
      allowed: true,
      isLastAttempt: false,
    });
    expect(await throttle.consumeAttempt({ email, address: "10.0.0.2" })).toMatchObject({ isLastAttempt: false });
    const last = await throttle.consumeAttempt({ email: email.toUpperCase(), address: "10.0.0.3" });
    expect(last).toMatchObject({ allowed: true, isLastAttempt: true });
    const refused = await throttle.consumeAttempt({ email, address: "10.0.0.50" });
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) {
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    }
    expect((await throttle.consumeAttempt({ email: freshEmail(), address: "10.0.0.50" })).allowed).toBe(true);
  });

  it("counts a parallel burst atomically: exactly the limit gets through", async () => {
    const throttle = openThrottle({ accountAttempts: 10, addressAttempts: 1000 });
    const email = freshEmail();
    const verdicts = await Promise.all(
      Array.from({ length: 50 }, (_, index) => throttle.consumeAttempt({ email, address: `10.1.0.${index}` })),
    );
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(10);
    expect(verdicts.filter((verdict) => verdict.allowed && verdict.isLastAttempt)).toHaveLength(1);
  });

  it("blocks an address that tries many accounts, and leaves other addresses alone", async () => {
    const throttle = openThrottle({ accountAttempts: 100, addressAttempts: 4 });
    const address = `192.0.2.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    for (let attempt = 0; attempt < 4; attempt++) {
      expect((await throttle.consumeAttempt({ email: freshEmail(), address })).allowed).toBe(true);
    }
    expect((await throttle.consumeAttempt({ email: freshEmail(), address })).allowed).toBe(false);
    expect((await throttle.consumeAttempt({ email: freshEmail(), address: `${address}-other` })).allowed).toBe(true);
  });

  it("does not limit an unknown address (no trusted client address), only the account", async () => {
    const throttle = openThrottle({ accountAttempts: 100, addressAttempts: 1 });
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await throttle.consumeAttempt({ email: freshEmail(), address: "unknown" })).allowed).toBe(true);
    }
  });

  it("clears the account's count after a success, and refunds the address so it counts failures", async () => {
    const throttle = openThrottle({ accountAttempts: 2, addressAttempts: 2 });
    const email = freshEmail();
    const address = `addr-${randomUUID()}`;
    await throttle.consumeAttempt({ email, address });
    await throttle.recordSuccess({ email, address });
    await throttle.consumeAttempt({ email, address });
    await throttle.recordSuccess({ email, address });
    expect(await throttle.consumeAttempt({ email, address })).toEqual({ allowed: true, isLastAttempt: false });
    expect(await throttle.consumeAttempt({ email, address })).toMatchObject({ allowed: true, isLastAttempt: true });
  });

  it("lifts an account's lockout on request (a reset)", async () => {
    const throttle = openThrottle({ accountAttempts: 1, addressAttempts: 100 });
    const email = freshEmail();
    await throttle.consumeAttempt({ email, address: "a" });
    expect((await throttle.consumeAttempt({ email, address: "a" })).allowed).toBe(false);
    await throttle.clearAccount({ email });
    expect((await throttle.consumeAttempt({ email, address: "a" })).allowed).toBe(true);
  });

  it("keeps counts across a restart and shares them between server processes", async () => {
    const email = freshEmail();
    const first = openThrottle({ accountAttempts: 4, addressAttempts: 100 });
    const second = openThrottle({ accountAttempts: 4, addressAttempts: 100 });
    await first.consumeAttempt({ email, address: "a" });
    await second.consumeAttempt({ email, address: "b" });
    await first.consumeAttempt({ email, address: "c" });
    first.close();
    opened.splice(opened.indexOf(first), 1);
    const restarted = openThrottle({ accountAttempts: 4, addressAttempts: 100 });
    expect(await restarted.consumeAttempt({ email, address: "d" })).toMatchObject({ isLastAttempt: true });
    expect((await second.consumeAttempt({ email, address: "e" })).allowed).toBe(false);
  });

  it("lets attempts through again once the window has passed", async () => {
    const throttle = openThrottle({ accountAttempts: 1, addressAttempts: 100, windowSeconds: 1 });
    const email = freshEmail();
    await throttle.consumeAttempt({ email, address: "1" });
    expect((await throttle.consumeAttempt({ email, address: "1" })).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await throttle.consumeAttempt({ email, address: "1" })).allowed).toBe(true);
  });
});

describe("throttle message", () => {
  it("says how long to wait in minutes", () => {
    expect(throttleMessage(14 * 60 + 5)).toContain("Wait 15 minutes");
    expect(throttleMessage(61)).toContain("Wait 2 minutes");
    expect(throttleMessage(30)).toContain("Wait a minute");
    expect(throttleMessage(60)).toContain("Wait 1 minute ");
  });
});
