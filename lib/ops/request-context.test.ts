import { describe, expect, it } from "vitest";
import { currentRequestId, requestContext, requestIdFrom } from "@/lib/ops/request-context";

describe("request ids", () => {
  it("keeps a proxy's well-formed id and makes a new one otherwise", () => {
    expect(requestIdFrom("nginx-5f2a9c1e")).toBe("nginx-5f2a9c1e");
    expect(requestIdFrom(["a1b2c3d4e5", "other"])).toBe("a1b2c3d4e5");
    for (const bad of [undefined, "", "short", "has space in it", "x".repeat(101), "<script>alert(1)</script>"]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });

  it("is known to everything running for the request, across awaits, and to nothing outside it", async () => {
    expect(currentRequestId()).toBeUndefined();
    const seen = await requestContext.run({ requestId: "req-12345678" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const inner = await Promise.resolve().then(() => currentRequestId());
      return [currentRequestId(), inner];
    });
    expect(seen).toEqual(["req-12345678", "req-12345678"]);
    expect(currentRequestId()).toBeUndefined();
  });
});
