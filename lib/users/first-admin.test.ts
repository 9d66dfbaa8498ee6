import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { COMMON_LIST_MESSAGE } from "@/lib/auth/password-strength";
import { secretOf } from "@/lib/test/factories";
import { completeSetup, issueSetupLink, prepareFirstRun } from "@/lib/users/first-admin";
import { lookUpOneTimeLink } from "@/lib/users/one-time-tokens";

beforeEach(async () => {
  await db.auditEvent.deleteMany();
  await db.oneTimeToken.deleteMany();
  await db.user.deleteMany();
});

describe("first run", () => {
  it("creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD", async () => {
    const outcome = await prepareFirstRun({
      ADMIN_EMAIL: "Chief@Newsroom.test",
      ADMIN_PASSWORD: "a long enough passphrase",
    });
    expect(outcome).toEqual({ kind: "created-admin", email: "chief@newsroom.test" });
    const admin = await db.user.findUniqueOrThrow({ where: { email: "chief@newsroom.test" } });
    expect(admin.role).toBe("ADMIN");
    expect(await verifyPassword(admin.passwordHash, "a long enough passphrase")).toBe(true);
    expect(await prepareFirstRun({})).toEqual({ kind: "ready" });
  });

  it("refuses a weak ADMIN_PASSWORD and creates nobody", async () => {
    await expect(prepareFirstRun({ ADMIN_EMAIL: "chief@newsroom.test", ADMIN_PASSWORD: "short" })).rejects.toThrow(
      "ADMIN_PASSWORD: Use at least 12 characters.",
    );
    expect(await db.user.count()).toBe(0);
  });

  it("refuses a common ADMIN_PASSWORD, or one containing the admin's email, and creates nobody", async () => {
    await expect(
      prepareFirstRun({ ADMIN_EMAIL: "chief@newsroom.test", ADMIN_PASSWORD: "password1234" }),
    ).rejects.toThrow(`ADMIN_PASSWORD: ${COMMON_LIST_MESSAGE}`);
    await expect(
      prepareFirstRun({ ADMIN_EMAIL: "chief@newsroom.test", ADMIN_PASSWORD: "chief of the night desk" }),
    ).rejects.toThrow("ADMIN_PASSWORD: A password cannot contain the first part of your email address (“chief”).");
    expect(await db.user.count()).toBe(0);
  });

  it("refuses a common password on the setup link and leaves the link usable", async () => {
    const link = await issueSetupLink();
    const error = await completeSetup({
      secret: secretOf(link.url),
      email: "first@newsroom.test",
      name: "First",
      password: "qwertyuiop12",
    }).catch((caught) => caught);
    expect(error.fieldErrors).toEqual({ password: COMMON_LIST_MESSAGE });
    expect((await lookUpOneTimeLink(secretOf(link.url), "SETUP")).state).toBe("valid");
  });

  it("prints a setup link when no admin is configured, and the link creates the admin once", async () => {
    const outcome = await prepareFirstRun({});
    expect(outcome.kind).toBe("setup-link");
    if (outcome.kind !== "setup-link") return;
    const secret = secretOf(outcome.link.url);
    expect(outcome.link.url).toMatch(/\/setup\?token=/);
    await completeSetup({
      secret,
      email: "first@newsroom.test",
      name: "First Admin",
      password: "a long enough passphrase",
    });
    expect(await db.user.findUniqueOrThrow({ where: { email: "first@newsroom.test" } })).toMatchObject({
      role: "ADMIN",
    });
    await expect(
      completeSetup({ secret, email: "second@newsroom.test", name: "Second", password: "a long enough passphrase" }),
    ).rejects.toThrow("This link has already been used.");
    await expect(issueSetupLink()).rejects.toThrow("Verbatim is already set up");
  });

  it("makes earlier setup links stop working when a new one is issued", async () => {
    const first = await issueSetupLink();
    const second = await issueSetupLink();
    expect((await lookUpOneTimeLink(secretOf(first.url), "SETUP")).state).toBe("expired");
    expect((await lookUpOneTimeLink(secretOf(second.url), "SETUP")).state).toBe("valid");
  });
});
