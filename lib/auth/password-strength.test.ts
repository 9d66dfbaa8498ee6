import { describe, expect, it } from "vitest";
import {
  assertStrongPassword,
  checkPasswordStrength,
  COMMON_LIST_MESSAGE,
  COMMON_PASSWORD_MESSAGE,
  normalizeForCommonList,
} from "@/lib/auth/password-strength";
import { TEST_PASSWORD } from "@/lib/test/factories";

describe("password strength", () => {
  // Entries of @zxcvbn-ts/language-common's list that are long enough to pass the length rule, written as people
  // type them (capitals, a stray space).
  it.each(["password1234", "qwertyuiop12", "123456789012", "1qaz2wsx3edc", "Administrator", " qwerty123456 "])(
    "refuses %j as being on the list of common passwords, and says so",
    async (password) => {
      expect(await checkPasswordStrength(password, { siteName: "Verbatim" })).toBe(COMMON_LIST_MESSAGE);
    },
  );

  it.each(["Password1234!", "letmein12345", "football2024", "iloveyou1234"])(
    "refuses %j as built from a common password",
    async (password) => {
      expect(await checkPasswordStrength(password, { siteName: "Verbatim" })).toBe(COMMON_PASSWORD_MESSAGE);
    },
  );

  it("compares with the list regardless of case, width and surrounding spaces", () => {
    expect(normalizeForCommonList("  QWERTY123456 ")).toBe("qwerty123456");
    expect(normalizeForCommonList("ｐａｓｓｗｏｒｄ１２３４")).toBe("password1234");
  });

  it.each([
    TEST_PASSWORD,
    // playwright.config.ts's first admin, with its own email.
    "e2e admin passphrase",
    "a long enough passphrase",
    "a brand new passphrase",
    "élan über çà et là",
  ])("accepts the passphrase %j", async (password) => {
    expect(
      await checkPasswordStrength(password, { email: "e2e.admin@newsroom.test", siteName: "Verbatim" }),
    ).toBeNull();
  });

  it("refuses passwords containing the email or the site name, with the reason", async () => {
    expect(await checkPasswordStrength("ana@newsroom.org rocks", { email: "ana@newsroom.org" })).toBe(
      "A password cannot contain your email address.",
    );
    expect(await checkPasswordStrength("verbatim transcripts desk", { siteName: "Verbatim" })).toBe(
      "A password cannot contain the newsroom's name (“Verbatim”).",
    );
  });

  it("uses SITE_NAME when no site name is given", async () => {
    const before = process.env.SITE_NAME;
    process.env.SITE_NAME = "Harbour Gazette";
    try {
      expect(await checkPasswordStrength("harbour gazette night desk")).toBe(
        "A password cannot contain the newsroom's name (“Harbour Gazette”).",
      );
    } finally {
      process.env.SITE_NAME = before;
    }
  });

  it("throws the sentence as the password field's error", async () => {
    await expect(assertStrongPassword("password1234")).rejects.toMatchObject({
      message: "Check the highlighted fields.",
      fieldErrors: { password: COMMON_LIST_MESSAGE },
    });
  });
});
