// SubRip: numbered cues with "00:00:01,000 --> 00:00:04,000" timings, read through the WebVTT parser so that a
// broken cue is reported the same way in both formats.
import type { ParsedSource } from "../source";
import { cuesToSource, readCues, splitCueBlocks } from "./subtitles";

const SUBRIP_TIMESTAMP = /\b(\d{1,3}):(\d{1,2}):(\d{1,2})(?:[,.](\d{1,3}))?\b/g;

/** "0:00:01,5" → "00:00:01.500": WebVTT wants a dot, two-digit fields and three-digit milliseconds. */
export function subRipTimingToWebVtt(line: string): string {
  return line.replace(
    SUBRIP_TIMESTAMP,
    (_match, hours: string, minutes: string, seconds: string, fraction: string | undefined) =>
      `${hours.padStart(2, "0")}:${minutes.padStart(2, "0")}:${seconds.padStart(2, "0")}.${(fraction ?? "0").padEnd(3, "0")}`,
  );
}

export function parseSrt(text: string): ParsedSource {
  const warnings: string[] = [];
  const blocks = splitCueBlocks(text.split("\n"), 0, true);
  return cuesToSource("srt", readCues(blocks, warnings, { normaliseTiming: subRipTimingToWebVtt }), warnings);
}
