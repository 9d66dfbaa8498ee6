// The cues of a caption file, for replaying it into a live transcript (`npm run live`, scripts/live.ts): subtitle
// files (SubRip, WebVTT) as final cues, one per subtitle, and streaming recognition logs (Deepgram live, Amazon
// Transcribe, Google, generic is_final JSON Lines) with their partial results, as the recogniser sent them.
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

/** The cues of a caption file, in the order to send them. */
export function cuesOfFile(filename: string, text: string): LiveCue[] {
  const body = text.replace(/^\uFEFF/, "");
  if (/\.vtt$/i.test(filename) || /^WEBVTT/.test(body)) return cuesOfSubtitles(parseWebVtt(body));
  if (/\.srt$/i.test(filename) || /^\d+\r?\n\d{2}:\d{2}:\d{2}[,.]\d{3} --> /.test(body)) {
    return cuesOfSubtitles(parseSrt(body));
  }
  return parseCueBody(body);
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
