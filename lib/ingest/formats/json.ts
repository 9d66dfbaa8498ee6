// JSON from transcription tools, read by the first reader in json/readers.ts that recognises the document
// (streaming logs, AssemblyAI, Deepgram, Amazon Transcribe, Whisper, speaker lists in any section), whatever the
// file is called. Times become milliseconds; word-level output is joined into sentences per speaker.
import { sourceLine, type ParsedSource, type SourceLine } from "../source";
import { IngestError } from "../types";
import { parseJsonDocument, secondsToMs } from "./json/document";
import type { JsonUtterance } from "./json/reader";
import { TRANSCRIPT_JSON_READERS } from "./json/readers";

/** Seconds as a number, or "1:02.5", "00:01:02,500", "62.5" as a string. */
export const readTime = secondsToMs;

export function acceptedJsonShapes(): string {
  const shapes = TRANSCRIPT_JSON_READERS.flatMap((reader) => reader.shape ?? []);
  return `${shapes.slice(0, -1).join("; ")}; or ${shapes.at(-1) ?? ""}`;
}

export function parseTranscriptJson(text: string): ParsedSource {
  const document = parseJson(text);
  const warnings: string[] = [];
  let utterances: JsonUtterance[] | null = null;
  let title: string | null = null;
  for (const reader of TRANSCRIPT_JSON_READERS) {
    utterances = reader.read(document, warnings);
    if (utterances === null) continue;
    title = reader.title?.(document) ?? null;
    break;
  }
  if (utterances === null) {
    throw new IngestError(
      "UNKNOWN_JSON",
      `This JSON is not a transcript Verbatim reads. It reads ${acceptedJsonShapes()}.`,
    );
  }
  if (utterances.length === 0) throw new IngestError("EMPTY", "The JSON transcript has no segments.");

  const lines: SourceLine[] = [];
  const locate = textLocator(text);
  utterances.forEach((utterance, index) => {
    const line = locate(utterance.anchor ?? utterance.text);
    const fields = { line, block: index, startMs: utterance.startMs, endMs: utterance.endMs };
    if (utterance.isParagraph) {
      lines.push(...paragraphLines(utterance, fields));
      return;
    }
    // Line breaks inside a segment's text are kept as lines, so labels and boilerplate are found on each.
    utterance.text.split("\n").forEach((part) => {
      if (part.trim() === "") return;
      lines.push(
        sourceLine({
          ...fields,
          raw: part,
          text: part.trim(),
          voice: utterance.speaker,
          removal: utterance.removal ?? null,
        }),
      );
    });
  });
  // A document of finished paragraphs is read as timed even without times: structure then breaks paragraphs only
  // between its segments, never inside one for length.
  const isParagraphs = utterances.some((utterance) => utterance.isParagraph);
  const timed = isParagraphs || lines.some((line) => line.startMs !== null);
  return { format: "json", lines, headingIndex: null, timed, warnings, title };
}

/** Short enough that structure never takes one line sentence by sentence (it does past 120 words). */
const PARAGRAPH_LINE_WORDS = 100;

/**
 * A finished paragraph as lines of one block: the first opens its speaker's turn, so it starts a paragraph even
 * after the same speaker (and an unattributed one is nobody's, not the previous speaker's); the turn gives no time,
 * so a missing end stays missing.
 */
function paragraphLines(
  utterance: JsonUtterance,
  fields: Pick<SourceLine, "line" | "block" | "startMs" | "endMs">,
): SourceLine[] {
  const words = utterance.text.split(/[ \t\r\n]+/).filter(Boolean);
  const lines: SourceLine[] = [];
  for (let first = 0; first < words.length; first += PARAGRAPH_LINE_WORDS) {
    const part = words.slice(first, first + PARAGRAPH_LINE_WORDS).join(" ");
    lines.push(
      sourceLine({
        ...fields,
        raw: part,
        text: part,
        ...(first === 0 ? { turn: { speaker: utterance.speakerDetails ?? null, startMs: null } } : {}),
      }),
    );
  }
  return lines;
}

function parseJson(text: string): unknown {
  const document = parseJsonDocument(text);
  if (document !== null) return document;
  try {
    JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(detail)?.[1];
    const reason = detail.replace(/\s*in JSON at position \d+.*$/s, "").replace(/\s*\(line \d+ column \d+\)$/, "");
    const where = position === undefined ? "" : ` at ${lineAndColumn(text, Number(position))}`;
    throw new IngestError("UNKNOWN_JSON", `This file is not valid JSON${where}: ${reason}.`);
  }
  throw new IngestError("UNKNOWN_JSON", "This JSON holds a single value, not a transcript.");
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

/**
 * The line of each utterance in the file, for the removal report: JSON.parse keeps no positions, but utterances
 * appear in the file in order, so each is looked for after the one before, as a whole JSON string where it can be
 * (so a segment is not found inside a longer "text" that holds the whole transcript).
 */
function textLocator(text: string): (anchor: string) => number {
  let offset = 0;
  let line = 1;
  return (anchor) => {
    const quoted = JSON.stringify(anchor);
    const candidates = [quoted.length <= 300 ? quoted : quoted.slice(0, 300), quoted.slice(1, 41)];
    for (const needle of candidates) {
      const found = needle.length <= 2 ? -1 : text.indexOf(needle, offset);
      if (found === -1) continue;
      line += countNewlines(text, offset, found);
      offset = found + needle.length;
      return line;
    }
    return line;
  };
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf("\n", from); index !== -1 && index < to; index = text.indexOf("\n", index + 1)) count++;
  return count;
}
