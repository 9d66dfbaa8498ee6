import { describe, expect, it } from "vitest";
import { decodeExpiry, encodeExpiry, serverId } from "@/lib/publishing/cache-messages";

const fromAnotherServer = (message: object) => JSON.stringify({ origin: "other-host:1234", ...message });

describe("cache expiry messages between servers", () => {
  it("carries the tags to another server, once each", () => {
    const payload = encodeExpiry(
      ["transcript:a", "public", "transcript:a", "speaker:ñoño"],
      "public",
      1_796_654_981_605,
    );
    const message = JSON.parse(payload) as { origin: string; tags: string[] };
    expect(message.origin).toBe(serverId());
    expect(decodeExpiry(payload.replace(serverId(), "other-host:1234"))).toEqual({
      tags: ["transcript:a", "public", "speaker:ñoño"],
      sentAt: 1_796_654_981_605,
    });
  });

  it("is ignored by the server that sent it, which has expired the tags itself", () => {
    expect(decodeExpiry(encodeExpiry(["transcript:a"], "public"))).toBeNull();
  });

  it("falls back to everything public when the tags would not fit in one notification", () => {
    const tags = Array.from({ length: 2_000 }, (_, index) => `transcript:${index}`);
    const payload = encodeExpiry(tags, "public");
    expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
    expect(decodeExpiry(payload.replace(serverId(), "other-host:1234"))?.tags).toEqual(["public"]);
  });

  it("ignores what is not one of its messages", () => {
    expect(decodeExpiry("not json")).toBeNull();
    expect(decodeExpiry(JSON.stringify({ tags: ["a"] }))).toBeNull();
    expect(decodeExpiry(fromAnotherServer({ tags: "public" }))).toBeNull();
    expect(decodeExpiry(fromAnotherServer({ tags: ["a", 3, null, "b"] }))).toEqual({ tags: ["a", "b"], sentAt: null });
  });
});
