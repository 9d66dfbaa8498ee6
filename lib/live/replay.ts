// The cues of a caption file, for replaying it into a live transcript (`npm run live`, scripts/live.ts): subtitle
// files (SubRip, WebVTT) as final cues, one per subtitle, and streaming recognition logs (Deepgram live, Amazon
// Transcribe, Google, generic is_final JSON Lines) with their partial results, as the recogniser sent them.
import { AppError } from "@/lib/errors";
import { detectTextFormat } from "@/lib/ingest/detect";
import { parseSrt } from "@/lib/ingest/formats/srt";
import { parseWebVtt } from "@/lib/ingest/formats/webvtt";
import type { ParsedSource } from "@/lib/ingest/source";
import type { LiveCue } from "@/lib/live/cues";
import { parseCueBody } from "@/lib/live/inputs";

function cuesOfSubtitles(source: ParsedSource): LiveCue[] {
  const blocks = new Map<number, ParsedSource["lines"]>();
  for (const line of source.lines) {
    if (line.removal || !line.text.trim()) continue;
    blocks.set(line.block, [...(blocks.get(line.block) ?? []), line]);
  }
  return [...blocks.values()].map((lines) => ({
    speaker: lines[0]!.voice,
    text: lines.map((line) => line.text.trim()).join(" "),
    startMs: lines[0]!.startMs,
    endMs: lines.at(-1)!.endMs,
    final: true,
  }));
}

/** The cues of a caption file, in the order to send them; the format is told as intake tells it. */
export function cuesOfFile(filename: string, text: string): LiveCue[] {
  const body = text.replace(/^\uFEFF/, "");
  const format = detectTextFormat(body, filename, null);
  if (format === "vtt") return cuesOfSubtitles(parseWebVtt(body));
  if (format === "srt") return cuesOfSubtitles(parseSrt(body));
  if (format === "json") return parseCueBody(body);
  throw new AppError(
    "BAD_REQUEST",
    "This is not a caption file: replay SubRip (.srt), WebVTT (.vtt) or a streaming recogniser's JSON or JSON Lines.",
  );
}

/**
 * How long to wait before sending each cue when replaying at the event's pace (`speed` times faster): the time from
 * the previous cue's moment (its end for a final result, its start for a guess) to this one's. Untimed cues go at once.
 */
export function replayDelays(cues: readonly LiveCue[], speed: number): number[] {
  let clock: number | null = null;
  return cues.map((cue) => {
    const at = cue.final ? (cue.endMs ?? cue.startMs) : (cue.startMs ?? cue.endMs);
    if (at === null) return 0;
    const wait = clock === null ? 0 : Math.max(0, at - clock) / speed;
    clock = Math.max(clock ?? at, at);
    return Math.round(wait);
  });
}
