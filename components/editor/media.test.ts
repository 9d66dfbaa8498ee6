import { describe, expect, it } from "vitest";
import { findPlayingSegment, isVideoUrl } from "./media";

describe("isVideoUrl", () => {
  it("recognises video files, with or without a query string", () => {
    expect(isVideoUrl("https://example.org/briefing.mp4")).toBe(true);
    expect(isVideoUrl("https://example.org/briefing.MOV?token=1")).toBe(true);
    expect(isVideoUrl("https://example.org/briefing.webm#t=10")).toBe(true);
    expect(isVideoUrl("https://example.org/briefing.mp3")).toBe(false);
    expect(isVideoUrl("https://example.org/mp4/briefing")).toBe(false);
  });
});

describe("findPlayingSegment", () => {
  const starts: Record<string, number | null> = { a: 0, b: null, c: 5000, d: 9000 };
  const order = ["a", "b", "c", "d"];
  const startOf = (id: string) => starts[id];

  it("answers the last paragraph started by the time, skipping those without timings", () => {
    expect(findPlayingSegment(order, startOf, 0)).toBe("a");
    expect(findPlayingSegment(order, startOf, 4999)).toBe("a");
    expect(findPlayingSegment(order, startOf, 5000)).toBe("c");
    expect(findPlayingSegment(order, startOf, 60_000)).toBe("d");
  });

  it("answers nothing before the first timing", () => {
    expect(findPlayingSegment(["x", "y"], (id) => (id === "x" ? 2000 : 3000), 1000)).toBeNull();
  });
});
