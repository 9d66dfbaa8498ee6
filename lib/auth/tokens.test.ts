import { describe, expect, it } from "vitest";
import { generateTokenSecret, hashTokenSecret, isWellFormedTokenSecret, tokenState } from "@/lib/auth/tokens";

describe("one-time token secrets", () => {
  it("are 256 random bits, URL-safe, and never repeat", () => {
    const secrets = new Set(Array.from({ length: 200 }, generateTokenSecret));
    expect(secrets.size).toBe(200);
    for (const secret of secrets) expect(isWellFormedTokenSecret(secret)).toBe(true);
  });

  it("are stored as a SHA-256 hash, never as themselves", () => {
    const secret = generateTokenSecret();
    const hash = hashTokenSecret(secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(secret);
    expect(hashTokenSecret(secret)).toBe(hash);
    expect(hashTokenSecret(generateTokenSecret())).not.toBe(hash);
  });

  it("rejects malformed secrets before any lookup", () => {
    expect(isWellFormedTokenSecret("")).toBe(false);
    expect(isWellFormedTokenSecret("short")).toBe(false);
    expect(isWellFormedTokenSecret(`${generateTokenSecret()}x`)).toBe(false);
    expect(isWellFormedTokenSecret("a".repeat(42) + "!")).toBe(false);
    expect(isWellFormedTokenSecret(["array"])).toBe(false);
  });
});

describe("token state", () => {
  const now = new Date("2026-01-01T12:00:00Z");
  it("is valid before expiry and unused", () => {
    expect(tokenState({ expiresAt: new Date("2026-01-02T00:00:00Z"), usedAt: null }, now)).toBe("valid");
  });
  it("is expired at or after the expiry instant", () => {
    expect(tokenState({ expiresAt: now, usedAt: null }, now)).toBe("expired");
  });
  it("is used once used, even before expiry", () => {
    expect(tokenState({ expiresAt: new Date("2026-01-02T00:00:00Z"), usedAt: now }, now)).toBe("used");
  });
  it("is unknown when there is no such token", () => {
    expect(tokenState(null, now)).toBe("unknown");
  });
});
