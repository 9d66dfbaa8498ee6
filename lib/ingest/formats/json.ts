// JSON from transcription tools: a list of {speaker, start, end, text}, or Whisper's {segments: [{start, end, text}]}
// (WhisperX adds a speaker per segment). Times are seconds, as numbers or as "00:01:02.5".
import { sourceLine, type ParsedSource, type SourceLine } from "../source";
import { IngestError } from "../types";

const ACCEPTED_SHAPES =
  'a list of {"speaker", "start", "end", "text"} objects, or Whisper output {"segments": [{"start", "end", "text"}]}';

type JsonObject = Record<string, unknown>;

export function parseTranscriptJson(text: string): ParsedSource {
  const document = parseJson(text);
  const segments = findSegments(document);
  if (segments === null) {
    throw new IngestError(
      "UNKNOWN_JSON",
      `This JSON is not a transcript Verbatim reads; it accepts ${ACCEPTED_SHAPES}.`,
    );
  }
  if (segments.length === 0) throw new IngestError("EMPTY", "The JSON transcript has no segments.");

  const warnings: string[] = [];
  const lines: SourceLine[] = [];
  const locate = textLocator(text, Array.isArray(document) ? 0 : text.indexOf('"segments"'));
  segments.forEach((segment, index) => {
    if (typeof segment.text !== "string") {
      warnings.push(`Skipped segment ${index + 1}: it has no "text".`);
      return;
    }
    const line = locate();
    // Line breaks inside a segment's text are kept as lines, so labels and boilerplate are found on each.
    segment.text.split("\n").forEach((part) => {
      if (part.trim() === "") return;
      lines.push(
        sourceLine({
          line,
          raw: part,
          text: part.trim(),
          block: index,
          voice: speakerName(segment),
          startMs: readTime(segment.start ?? segment.start_time ?? segment.startTime),
          endMs: readTime(segment.end ?? segment.end_time ?? segment.endTime),
        }),
      );
    });
  });
  const timed = lines.some((line) => line.startMs !== null);
  return { format: "json", lines, headingIndex: null, timed, warnings };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(detail)?.[1];
    const reason = detail.replace(/\s*in JSON at position \d+.*$/s, "").replace(/\s*\(line \d+ column \d+\)$/, "");
    const where = position === undefined ? "" : ` at ${lineAndColumn(text, Number(position))}`;
    throw new IngestError("UNKNOWN_JSON", `This file is not valid JSON${where}: ${reason}.`);
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The segment list, or null when the document has neither accepted shape. */
function findSegments(document: unknown): JsonObject[] | null {
  const list = Array.isArray(document) ? document : isObject(document) ? document.segments : undefined;
  if (!Array.isArray(list) || !list.every(isObject)) return null;
  // A list of objects is a transcript only if most entries carry text; otherwise it is some other data.
  const withText = list.filter((segment) => typeof segment.text === "string").length;
  if (list.length > 0 && withText < list.length / 2) return null;
  return list;
}

function speakerName(segment: JsonObject): string | null {
  const speaker = segment.speaker ?? segment.speaker_label ?? segment.name;
  if (typeof speaker === "number") return `Speaker ${speaker}`;
  if (typeof speaker !== "string" || speaker.trim() === "") return null;
  // Diarisation tools label speakers "SPEAKER_00", "spk_1".
  const numbered = /^(?:speaker|spk)[ _-]?(\d+)$/i.exec(speaker.trim());
  return numbered ? `Speaker ${Number(numbered[1])}` : speaker.trim();
}

/** Seconds as a number, or "1:02.5", "00:01:02,500", "62.5" as a string. */
export function readTime(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : null;
  if (typeof value !== "string") return null;
  const match = /^\s*(?:(?:(\d+):)?(\d+):)?(\d+(?:[.,]\d+)?)\s*$/.exec(value);
  if (!match) return null;
  const [, hours = "0", minutes = "0", seconds = "0"] = match;
  const total = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds.replace(",", "."));
  return Math.round(total * 1000);
}

/**
 * The line of each segment's "text" key, in order, for the removal report: JSON.parse keeps no positions, and
 * segments appear in the file in list order.
 */
function textLocator(text: string, from: number): () => number {
  const pattern = /"text"\s*:/g;
  pattern.lastIndex = Math.max(from, 0);
  let line = 1;
  let counted = 0;
  return () => {
    const match = pattern.exec(text);
    if (!match) return line;
    line += countNewlines(text, counted, match.index);
    counted = match.index;
    return line;
  };
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf("\n", from); index !== -1 && index < to; index = text.indexOf("\n", index + 1)) count++;
  return count;
}
