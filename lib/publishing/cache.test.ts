import { describe, expect, it } from "vitest";
import { expirePublicCache } from "@/lib/publishing/cache";
import { onExpiry } from "@/lib/publishing/cache-settle";

describe("expirePublicCache", () => {
  it("announces what it expired, so the server expires it again once renders in flight have finished", () => {
    const heard: string[][] = [];
    const stop = onExpiry((tags) => heard.push(tags));
    expirePublicCache(["public:slug:nato", "public:listings"]);
    expirePublicCache([]);
    stop();
    expect(heard).toEqual([["public:slug:nato", "public:listings"]]);
  });
});
