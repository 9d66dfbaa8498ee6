import { describe, expect, it } from "vitest";
import { othersPresent, presenceSentences } from "./presence";

describe("presence", () => {
  const people = [
    { userId: "me", name: "Me", segmentId: "s1" },
    { userId: "ana", name: "Ana Ribeiro", segmentId: null },
    { userId: "ana", name: "Ana Ribeiro", segmentId: "s2" },
    { userId: "bo", name: "Bo Li", segmentId: "s2" },
  ];

  it("lists each colleague once, without the viewer, preferring the tab that is in a paragraph", () => {
    expect(othersPresent(people, "me")).toEqual([
      { userId: "ana", name: "Ana Ribeiro", segmentId: "s2" },
      { userId: "bo", name: "Bo Li", segmentId: "s2" },
    ]);
  });

  it("writes one sentence per paragraph", () => {
    expect(presenceSentences(othersPresent(people, "me"))).toEqual(new Map([["s2", "Ana Ribeiro, Bo Li are here"]]));
  });
});
