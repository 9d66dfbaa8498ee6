// SubRip: numbered cues with "00:00:01,000 --> 00:00:04,000" timings. Windows tools write CRLF (normalised when the
// file is decoded); the timings are read by subtitle-timing.ts, whatever digits the tool used.
import type { ParsedSource } from "../source";
import { cuesToSource, readCues, splitCueBlocks } from "./subtitles";

export function parseSrt(text: string): ParsedSource {
  const warnings: string[] = [];
  const blocks = splitCueBlocks(text.split("\n"), 0, true);
  return cuesToSource("srt", readCues(blocks, warnings), warnings);
}
