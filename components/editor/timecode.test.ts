import { describe, expect, it } from "vitest";
import { formatTimecodePrecise, parseTimecode } from "./timecode";

describe("parseTimecode", () => {
  it("reads minutes and seconds, hours, and bare seconds", () => {
    expect(parseTimecode("1:03")).toBe(63_000);
    expect(parseTimecode("01:03")).toBe(63_000);
    expect(parseTimecode("1:02:03")).toBe(3_723_000);
    expect(parseTimecode("42")).toBe(42_000);
    expect(parseTimecode(" 0:00 ")).toBe(0);
  });

  it("keeps decimals on the seconds", () => {
    expect(parseTimecode("1:03.5")).toBe(63_500);
    expect(parseTimecode("1:03,25")).toBe(63_250);
    expect(parseTimecode("0:00.001")).toBe(1);
  });

  it("refuses what is not a timecode", () => {
    expect(parseTimecode("")).toBeNull();
    expect(parseTimecode("1:75")).toBeNull();
    expect(parseTimecode("1:60:00")).toBeNull();
    expect(parseTimecode("abc")).toBeNull();
    expect(parseTimecode("1:2:3:4")).toBeNull();
    expect(parseTimecode("-5")).toBeNull();
  });
});

describe("formatTimecodePrecise", () => {
  it("writes whole seconds as formatTimecode does and keeps milliseconds otherwise", () => {
    expect(formatTimecodePrecise(63_000)).toBe("1:03");
    expect(formatTimecodePrecise(3_723_000)).toBe("1:02:03");
    expect(formatTimecodePrecise(63_500)).toBe("1:03.5");
    expect(formatTimecodePrecise(63_025)).toBe("1:03.025");
  });

  it("round-trips through parseTimecode", () => {
    for (const value of [0, 1, 999, 61_250, 3_600_000, 7_384_120]) {
      expect(parseTimecode(formatTimecodePrecise(value))).toBe(value);
    }
  });
});
