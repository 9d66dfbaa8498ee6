// SubRip and WebVTT. One cue per paragraph, with the paragraph's own times: Verbatim keeps timings per paragraph
// (they survive edits to the words), so finer cues would need invented times. Long paragraphs are wrapped over
// several lines of one cue, which also keeps each paragraph whole when the file is read back in (lib/ingest joins
// the lines of one cue, and breaks paragraphs only between cues). Speakers are "Name:" labels on every cue, as Zoom
// writes them, in both formats rather than WebVTT voices (<v Name>): players show a label but not a voice, and a
// label lapses at a long pause, so an unattributed paragraph after one reads back as nobody's, as it was.
import { ExportIndex, type ExportTranscript } from "./model";

/** A readable line length for a text editor or a player showing a paragraph at a time. */
const LINE_LENGTH = 80;
/** When a paragraph has no end time and nothing follows: a conservative speaking pace. */
const MS_PER_WORD = 400;
const MIN_CUE_MS = 1000;

export interface Cue {
  startMs: number;
  endMs: number;
  speaker: string | null;
  text: string;
}

/**
 * The cues of a timed transcript. A paragraph without a start begins where the one before ended; one without an end
 * ends where the next begins (or after a speaking-pace estimate, at the end).
 */
export function cuesOf(transcript: ExportTranscript): Cue[] {
  const index = new ExportIndex(transcript);
  const cues: Cue[] = [];
  transcript.segments.forEach((segment, position) => {
    const startMs = segment.startMs ?? cues.at(-1)?.endMs ?? 0;
    const nextStart = transcript.segments[position + 1]?.startMs ?? null;
    const estimate = startMs + Math.max(MIN_CUE_MS, segment.text.split(/\s+/).length * MS_PER_WORD);
    const endMs = segment.endMs ?? (nextStart !== null && nextStart > startMs ? nextStart : estimate);
    cues.push({
      startMs,
      endMs: endMs > startMs ? endMs : estimate,
      speaker: index.speakerName(segment),
      text: segment.text,
    });
  });
  return cues;
}

function timestamp(milliseconds: number, separator: "," | "."): string {
  const total = Math.max(0, Math.round(milliseconds));
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = Math.floor((total % 60_000) / 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${separator}${pad(total % 1000, 3)}`;
}

/**
 * Wraps at plain spaces only (a no-break space stays one), never starting a line with a dash (read as a dialogue
 * label) and never leaving a line without a letter or digit (read as markup).
 */
export function wrapLines(text: string, width = LINE_LENGTH): string[] {
  const words = text
    .replace(/[\r\n\t]+/g, " ")
    .split(" ")
    .filter(Boolean);
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const canBreak =
      current !== "" && !/^[-–—]/.test(word) && /[\p{L}\p{N}]/u.test(word) && /[\p{L}\p{N}]/u.test(current);
    if (canBreak && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === "" ? word : `${current} ${word}`;
    }
  }
  if (current !== "") lines.push(current);
  return lines;
}

/** Cue text must not contain "-->" nor read as markup: the characters WebVTT reserves become references. */
function escapeCueText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** "Name: " before a cue's words; a colon inside the name would end the label early. */
function speakerLabel(speaker: string | null): string {
  return speaker === null ? "" : `${speaker.replace(/:/g, "").replace(/\s+/g, " ").trim()}: `;
}

export function renderSrt(transcript: ExportTranscript): string {
  const blocks = cuesOf(transcript).map((cue, position) => {
    const lines = wrapLines(`${speakerLabel(cue.speaker)}${cue.text}`).map(escapeCueText);
    return [String(position + 1), `${timestamp(cue.startMs, ",")} --> ${timestamp(cue.endMs, ",")}`, ...lines].join(
      "\n",
    );
  });
  return `${blocks.join("\n\n")}\n`;
}

export function renderVtt(transcript: ExportTranscript): string {
  // The header may carry a title after "WEBVTT ", on one line, without the cue arrow.
  const title = transcript.title.replace(/\s+/g, " ").replace(/-->/g, "→").trim();
  const blocks = cuesOf(transcript).map((cue, position) => {
    const lines = wrapLines(`${speakerLabel(cue.speaker)}${cue.text}`).map(escapeCueText);
    return [`p-${position + 1}`, `${timestamp(cue.startMs, ".")} --> ${timestamp(cue.endMs, ".")}`, ...lines].join(
      "\n",
    );
  });
  return `${[title ? `WEBVTT - ${title}` : "WEBVTT", ...blocks].join("\n\n")}\n`;
}
