// Cue timing lines as subtitle tools really write them. The standards want "00:00:01,000 --> 00:00:04,000" (SubRip)
// or "00:01.000 --> 00:04.000" (WebVTT); files in the wild also carry two-digit fractions, minutes past 59 with no
// hours, hours past 99, dots in SubRip, and arrows typed as "->". Each is read, and noted once in the warnings.

export interface CueTiming {
  startMs: number;
  endMs: number;
}

/** A timestamp: optional hours, minutes, seconds, optional fraction after "." or ",". */
const TIMESTAMP_SOURCE = String.raw`(?:(\d+):)?(\d+):(\d+)(?:[.,](\d+))?`;
const TIMING_LINE = new RegExp(
  String.raw`^\s*${TIMESTAMP_SOURCE}\s*(-->|--?>|—>|–>|==>|=>)\s*${TIMESTAMP_SOURCE}(?:\s|$)`,
);

/** A line that reads as a cue timing line, with however lax an arrow. */
export function isTimingLine(line: string): boolean {
  return TIMING_LINE.test(line);
}

export type TimingQuirk = "arrow" | "fraction" | "minutes" | "hours";

const QUIRK_DESCRIPTIONS: Record<TimingQuirk, string> = {
  arrow: 'an arrow other than "-->"',
  fraction: "fractions of a second not written with three digits (read as decimals: ,50 is half a second)",
  minutes: "minutes past 59 (read as minutes, 75:10 is 1 h 15 min 10 s)",
  hours: "hours past 99",
};

/** Collects the quirks met while reading timings, to report each kind once with the first line it was seen on. */
export class TimingQuirks {
  private readonly firstLine = new Map<TimingQuirk, { line: number; lastLine: number; count: number }>();

  /** Counts each line once per quirk, though both its timestamps may have it. */
  note(quirk: TimingQuirk, line: number): void {
    const seen = this.firstLine.get(quirk);
    if (!seen) this.firstLine.set(quirk, { line, lastLine: line, count: 1 });
    else if (seen.lastLine !== line) {
      seen.count++;
      seen.lastLine = line;
    }
  }

  warnings(): string[] {
    return [...this.firstLine].map(
      ([quirk, { line, count }]) =>
        `${count} timing line${count === 1 ? "" : "s"} (first at line ${line}) had ${QUIRK_DESCRIPTIONS[quirk]}; ` +
        "the times were read anyway.",
    );
  }
}

/** The start and end of a timing line, or null when the line is not one. `line` is for the warnings. */
export function readTimingLine(text: string, line: number, quirks: TimingQuirks): CueTiming | null {
  const match = TIMING_LINE.exec(text);
  if (!match) return null;
  const [, startHours, startMinutes, startSeconds, startFraction, arrow] = match;
  const [endHours, endMinutes, endSeconds, endFraction] = match.slice(6);
  if (arrow !== "-->") quirks.note("arrow", line);
  const startMs = timestampMs(startHours, startMinutes, startSeconds, startFraction, line, quirks);
  const endMs = timestampMs(endHours, endMinutes, endSeconds, endFraction, line, quirks);
  return { startMs, endMs };
}

function timestampMs(
  hours: string | undefined,
  minutes: string | undefined,
  seconds: string | undefined,
  fraction: string | undefined,
  line: number,
  quirks: TimingQuirks,
): number {
  const hourCount = Number(hours ?? "0");
  const minuteCount = Number(minutes ?? "0");
  if (hourCount > 99) quirks.note("hours", line);
  if (minuteCount > 59) quirks.note("minutes", line);
  if (fraction !== undefined && fraction.length !== 3) quirks.note("fraction", line);
  // A fraction is a decimal: ",5" and ",50" are both half a second, ",5000" too.
  const fractionMs = fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
  return ((hourCount * 60 + minuteCount) * 60 + Number(seconds ?? "0")) * 1000 + fractionMs;
}
