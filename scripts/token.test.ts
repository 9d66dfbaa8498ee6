import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { findUserByApiToken } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db";
import { createTestUser } from "@/lib/test/factories";

/** Runs the CLI the way docs/operations.md says, against this test file's database. */
function token(...args: string[]) {
  const result = spawnSync("npm", ["run", "token", "--", ...args], { encoding: "utf8", env: process.env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run token", () => {
  it("creates a working token, printed alone on stdout, audited like the account page's", async () => {
    const user = await createTestUser({ role: "REPORTER" });
    const created = token("create", "--as", user.email, "--name", "CI uploader");
    expect(created.stderr).toContain("shown only now");
    expect(created.code).toBe(0);
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^vbt_[A-Za-z0-9_-]{43}$/);
    expect((await findUserByApiToken(secret))?.id).toBe(user.id);
    const audit = await db.auditEvent.findFirst({ where: { action: "api_token.created", targetId: user.id } });
    expect(JSON.parse(audit?.details ?? "{}")).toMatchObject({ name: "CI uploader" });
    // Only the hash is stored.
    const stored = await db.apiToken.findFirst({ where: { userId: user.id } });
    expect(stored?.tokenHash).not.toContain(secret);
  });

  it("lists the account's tokens without their secrets, then revokes one so it stops working", async () => {
    const user = await createTestUser({ role: "EDITOR" });
    const secret = token("create", "--as", user.email, "--name", "Nightly import").stdout.trim();
    const stored = await db.apiToken.findFirstOrThrow({ where: { userId: user.id }, select: { id: true } });

    const listed = token("list", "--as", user.email);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(stored.id);
    expect(listed.stdout).toContain("Nightly import");
    expect(listed.stdout).not.toContain(secret);

    const revoked = token("revoke", "--as", user.email, "--id", stored.id);
    expect(revoked.code).toBe(0);
    expect(await findUserByApiToken(secret)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "api_token.revoked", targetId: user.id } })).toBe(1);
  });

  it("refuses unknown accounts, deactivated accounts, missing flags and unknown commands with exit code 2", async () => {
    const inactive = await createTestUser({ active: false });
    const cases = [
      { args: ["create", "--as", "nobody@newsroom.test", "--name", "x"], message: "No account has the email" },
      { args: ["create", "--as", inactive.email, "--name", "x"], message: "deactivated" },
      { args: ["create", "--name", "x"], message: "--as is required" },
      { args: ["frobnicate", "--as", inactive.email], message: "Unknown command frobnicate" },
      { args: ["list", "--as", inactive.email, "--colour"], message: "Unknown option" },
    ];
    for (const { args, message } of cases) {
      const result = token(...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe("");
    }
    expect(await db.apiToken.count({ where: { userId: inactive.id } })).toBe(0);
  });

  it("says so when the token to revoke does not exist", async () => {
    const user = await createTestUser();
    const result = token("revoke", "--as", user.email, "--id", "no-such-token");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("does not exist");
  });
});
