import { describe, expect, it } from "vitest";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "@/lib/auth/password";

describe("password policy", () => {
  it("requires at least 12 characters", () => {
    expect(checkPasswordPolicy("elevenchars")).toBe("Use at least 12 characters.");
    expect(checkPasswordPolicy("twelve chars")).toBeNull();
  });

  it("refuses very long passwords, blank ones and a repeated character", () => {
    expect(checkPasswordPolicy("x".repeat(257))).toBe("Use at most 256 characters.");
    expect(checkPasswordPolicy(" ".repeat(14))).toBe("A password cannot be only spaces.");
    expect(checkPasswordPolicy("aaaaaaaaaaaaaaa")).toBe("A password cannot be one character repeated.");
  });

  it("refuses the account's own email address, or one containing it", () => {
    expect(checkPasswordPolicy("Someone@newsroom.org", { email: "someone@newsroom.org" })).toBe(
      "A password cannot contain your email address.",
    );
    expect(checkPasswordPolicy("my someone@newsroom.org key", { email: "someone@newsroom.org" })).toBe(
      "A password cannot contain your email address.",
    );
  });

  it("refuses a password containing the part of the email before the @", () => {
    expect(checkPasswordPolicy("ana.silva forever and ever", { email: "Ana.Silva@newsroom.org" })).toBe(
      "A password cannot contain the first part of your email address (“ana.silva”).",
    );
    // Very short local parts are too common inside honest passwords to refuse.
    expect(checkPasswordPolicy("alpine meadow lantern", { email: "al@newsroom.org" })).toBeNull();
  });

  it("refuses a password containing the newsroom's name", () => {
    expect(checkPasswordPolicy("I love the Daily Planet", { siteName: "Daily Planet" })).toBe(
      "A password cannot contain the newsroom's name (“Daily Planet”).",
    );
  });

  it("counts characters, not bytes, so accented passphrases work", () => {
    expect(checkPasswordPolicy("é".repeat(6) + "ü".repeat(6))).toBeNull();
  });
});

describe("password hashing", () => {
  it("uses argon2id with a salt, and verifies only the right password", async () => {
    const first = await hashPassword("a long enough passphrase");
    const second = await hashPassword("a long enough passphrase");
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, "a long enough passphrase")).toBe(true);
    expect(await verifyPassword(first, "a long enough passphrasE")).toBe(false);
  });

  it("never verifies against a missing or corrupt hash", async () => {
    expect(await verifyPassword(null, "anything at all here")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything at all here")).toBe(false);
  });
});
