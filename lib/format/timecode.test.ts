import { describe, expect, it } from "vitest";
import { formatDuration, formatTimecode } from "@/lib/format/timecode";

describe("time formatting", () => {
  it("writes timecodes with hours only when needed", () => {
    expect(formatTimecode(63_000)).toBe("1:03");
    expect(formatTimecode(3_723_000)).toBe("1:02:03");
    expect(formatTimecode(999)).toBe("0:00");
  });

  it("writes durations for people", () => {
    expect(formatDuration(10_800_000)).toBe("3 h 0 min");
    expect(formatDuration(95_000)).toBe("1 min 35 s");
    expect(formatDuration(4_400)).toBe("4 s");
  });
});
