import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createApiToken, findUserByApiToken, listApiTokens, revokeApiToken } from "@/lib/auth/api-tokens";
import { hashTokenSecret } from "@/lib/auth/tokens";
import { createTestUser } from "@/lib/test/factories";

describe("personal API tokens", () => {
  it("are shown once, stored only as a hash, and identify their owner", async () => {
    const user = await createTestUser();
    const token = await createApiToken({ userId: user.id, name: "importer" });
    expect(token.secret).toMatch(/^vbt_[A-Za-z0-9_-]{43}$/);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(stored.tokenHash).toBe(hashTokenSecret(token.secret));
    expect(JSON.stringify(stored)).not.toContain(token.secret.slice(4));
    expect(stored.prefix).toBe(token.secret.slice(0, 10));
    expect((await findUserByApiToken(token.secret))?.id).toBe(user.id);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).not.toBeNull();
  });

  it("record their last use at most once a minute, without a write on the other calls", async () => {
    const user = await createTestUser();
    const token = await createApiToken({ userId: user.id, name: "busy importer" });
    const writes = vi.spyOn(db.apiToken, "updateMany");
    try {
      await findUserByApiToken(token.secret);
      await findUserByApiToken(token.secret);
      await findUserByApiToken(token.secret);
      // Each write is a transaction that would wait for a worker saving an upload: only the first call writes.
      expect(writes).toHaveBeenCalledTimes(1);
      await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
      await findUserByApiToken(token.secret);
      expect(writes).toHaveBeenCalledTimes(2);
    } finally {
      writes.mockRestore();
    }
  });

  it("stop working when revoked, or when their owner is deactivated", async () => {
    const user = await createTestUser();
    const first = await createApiToken({ userId: user.id, name: "first" });
    const second = await createApiToken({ userId: user.id, name: "second" });
    await revokeApiToken({ userId: user.id, tokenId: first.id });
    expect(await findUserByApiToken(first.secret)).toBeNull();
    expect(await findUserByApiToken(second.secret)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await findUserByApiToken(second.secret)).toBeNull();
    const listed = await listApiTokens(user.id);
    expect(listed.map((token) => [token.name, token.revokedAt !== null])).toEqual([
      ["second", false],
      ["first", true],
    ]);
  });

  it("can be revoked only by their owner, once", async () => {
    const owner = await createTestUser();
    const stranger = await createTestUser();
    const token = await createApiToken({ userId: owner.id, name: "mine" });
    await expect(revokeApiToken({ userId: stranger.id, tokenId: token.id })).rejects.toThrow(
      "That token does not exist or is already revoked.",
    );
    expect(await findUserByApiToken(token.secret)).not.toBeNull();
    await revokeApiToken({ userId: owner.id, tokenId: token.id });
    await expect(revokeApiToken({ userId: owner.id, tokenId: token.id })).rejects.toThrow("already revoked");
  });

  it("refuses secrets of the wrong shape without a lookup", async () => {
    expect(await findUserByApiToken("vbt_short")).toBeNull();
    expect(await findUserByApiToken("")).toBeNull();
  });
});
