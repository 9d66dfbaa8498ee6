import { describe, expect, it } from "vitest";
import { clientAddressFrom, SignInThrottle, throttleMessage } from "@/lib/auth/rate-limit";

describe("sign-in throttle", () => {
  it("blocks an account after its allowed failures, from any address", async () => {
    const throttle = new SignInThrottle({ accountAttempts: 3, addressAttempts: 100 });
    for (let attempt = 1; attempt <= 2; attempt++) {
      expect(await throttle.recordFailure({ email: "a@x.org", address: `10.0.0.${attempt}` })).toBe(false);
      expect((await throttle.check({ email: "a@x.org", address: "10.0.0.9" })).blocked).toBe(false);
    }
    expect(await throttle.recordFailure({ email: "A@X.org", address: "10.0.0.3" })).toBe(true);
    const verdict = await throttle.check({ email: "a@x.org", address: "10.0.0.50" });
    expect(verdict.blocked).toBe(true);
    if (verdict.blocked) {
      expect(verdict.retryAfterSeconds).toBeGreaterThan(0);
      expect(verdict.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    }
    expect((await throttle.check({ email: "b@x.org", address: "10.0.0.50" })).blocked).toBe(false);
  });

  it("blocks an address that fails across many accounts", async () => {
    const throttle = new SignInThrottle({ accountAttempts: 100, addressAttempts: 4 });
    for (let attempt = 0; attempt < 4; attempt++) {
      await throttle.recordFailure({ email: `user${attempt}@x.org`, address: "192.0.2.1" });
    }
    expect((await throttle.check({ email: "fresh@x.org", address: "192.0.2.1" })).blocked).toBe(true);
    expect((await throttle.check({ email: "fresh@x.org", address: "192.0.2.2" })).blocked).toBe(false);
  });

  it("clears an account's count after a successful sign-in", async () => {
    const throttle = new SignInThrottle({ accountAttempts: 2, addressAttempts: 100 });
    await throttle.recordFailure({ email: "a@x.org", address: "1" });
    await throttle.recordSuccess({ email: "a@x.org" });
    await throttle.recordFailure({ email: "a@x.org", address: "1" });
    expect((await throttle.check({ email: "a@x.org", address: "1" })).blocked).toBe(false);
  });

  it("lets attempts through again once the window has passed", async () => {
    const throttle = new SignInThrottle({ accountAttempts: 1, addressAttempts: 100, windowSeconds: 1 });
    await throttle.recordFailure({ email: "a@x.org", address: "1" });
    expect((await throttle.check({ email: "a@x.org", address: "1" })).blocked).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await throttle.check({ email: "a@x.org", address: "1" })).blocked).toBe(false);
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

describe("client address", () => {
  it("takes the hop the nearest proxy appended", () => {
    expect(clientAddressFrom("203.0.113.9, 10.0.0.1")).toBe("10.0.0.1");
    expect(clientAddressFrom("203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddressFrom(undefined)).toBe("unknown");
    expect(clientAddressFrom(" , ")).toBe("unknown");
  });
});
