// SubRip and WebVTT sized for video: cues of at most two lines of 42 characters, shown for at most 7 seconds, as
// players and platforms accept them. Verbatim keeps times per paragraph, so a paragraph's cues share its time by
// their characters; they break at sentence ends, then at clause ends, and only then between words, and never run
// from one paragraph into the next, so a change of speaker always starts a cue. Read back through lib/ingest, one
// speaker's cues join into paragraphs again (it breaks paragraphs at speaker changes and pauses, not at cues).
// SubRip names the speaker with a "Name:" label on every cue, as Zoom writes them (SubRip has no voices); WebVTT
// with a voice tag (<v Name>), which players can show or style and which takes no room on the line.
import { ExportIndex, type ExportTranscript } from "./model";

/** Characters per line: user-perceived characters (grapheme clusters), so "é" or a family emoji is one. */
export const MAX_LINE_CHARACTERS = 42;
export const MAX_CUE_LINES = 2;
export const MAX_CUE_MS = 7000;
/** When a paragraph has no end and nothing follows: a comfortable reading speed for subtitles. */
const READING_CHARACTERS_PER_SECOND = 15;
const MIN_ESTIMATE_MS = 1000;
/** A clause end closes a cue (or a line) only past this many characters, so that "Well," is not one of its own. */
const MIN_CLAUSE_CHARACTERS = 12;

type Strength = 0 | 1 | 2;
const WORD: Strength = 0;
const CLAUSE: Strength = 1;
const SENTENCE: Strength = 2;

export interface Cue {
  startMs: number;
  endMs: number;
  speaker: string | null;
  /** The paragraph's number (1-based): the reading page's #p-N. */
  paragraph: number;
  /** The lines as shown, unescaped; in SubRip the first starts with the speaker's label. */
  lines: string[];
}

export type SubtitleFormat = "srt" | "vtt";

/** A word, or a piece of a run of Chinese or Japanese: what a line or a cue may break after. */
interface Unit {
  text: string;
  /** What stands between it and the unit before: a space, or nothing inside a run of CJK. */
  joiner: "" | " ";
  /** How good a place the end of this unit is to break. */
  strength: Strength;
  /** In characters. */
  width: number;
}

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });
const words = new Intl.Segmenter("und", { granularity: "word" });

/**
 * What can join code points into one character: combining marks, joiners and variation selectors, emoji modifiers,
 * flags, Hangul jamo, CR LF. Text without any has one character per code point, and needs no segmenter (slow).
 */
const JOINS_CODE_POINTS =
  /[\p{M}\p{Cf}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\r]/u;

function characterCount(text: string): number {
  let count = 0;
  if (!JOINS_CODE_POINTS.test(text)) {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code < 0xdc00 || code > 0xdfff) count++;
    }
    return count;
  }
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/** Spaces that separate words; a no-break space (U+00A0, U+2007, U+202F) keeps its words together. */
const WORD_SPACE = /[\t\n\v\f\r \u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+/;
/** Scripts written without spaces, which break between words that only a dictionary knows. */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const HAS_WORD = /[\p{L}\p{N}]/u;
/** A dash that would open a line reads as a dialogue marker (SubRip) or a list, so it stays with the word before. */
const OPENS_WITH_DASH = /^[-–—]/;
const CLOSERS = String.raw`["'”’»)\]」』〉》）]*`;
const SENTENCE_END = new RegExp(String.raw`[.!?…。！？‼⁇⁈⁉]${CLOSERS}$`, "u");
const CLAUSE_END = new RegExp(String.raw`[,;:،、，；：—–]${CLOSERS}$`, "u");

function strengthOf(text: string): Strength {
  if (SENTENCE_END.test(text)) return SENTENCE;
  return CLAUSE_END.test(text) ? CLAUSE : WORD;
}

function unit(text: string, joiner: "" | " "): Unit {
  return { text, joiner, strength: strengthOf(text), width: characterCount(text) };
}

/**
 * The paragraph as units. Punctuation, emoji and dashes on their own join the word before (a line of no letter or
 * digit would be dropped as markup when read back, and one opening with a dash read as dialogue).
 */
function unitsOf(text: string): Unit[] {
  const pieces: Unit[] = [];
  for (const token of text.split(WORD_SPACE)) {
    if (token === "") continue;
    if (!UNSPACED_SCRIPT.test(token)) {
      pieces.push(unit(token, " "));
      continue;
    }
    let first = true;
    for (const { segment } of words.segment(token)) {
      for (const piece of hardBreak(segment)) {
        pieces.push(unit(piece, first ? " " : ""));
        first = false;
      }
    }
  }
  const units: Unit[] = [];
  let pending: string | null = null;
  for (const piece of pieces) {
    const previous = units.at(-1);
    const hasWord = HAS_WORD.test(piece.text);
    if (pending !== null) {
      // What opens the paragraph without a word waits for the first word.
      pending += piece.joiner + piece.text;
      if (hasWord) units.push(unit(pending, " "));
      if (hasWord) pending = null;
    } else if (previous && (!hasWord || OPENS_WITH_DASH.test(piece.text))) {
      units[units.length - 1] = unit(previous.text + piece.joiner + piece.text, previous.joiner);
    } else if (!hasWord) {
      pending = piece.text;
    } else {
      units.push(piece);
    }
  }
  if (pending !== null) units.push(unit(pending, " "));
  return units;
}

/** A dictionary word of an unspaced script longer than a line (rare) is cut between characters. */
function hardBreak(segment: string): string[] {
  if (characterCount(segment) <= MAX_LINE_CHARACTERS) return [segment];
  const characters = Array.from(graphemes.segment(segment), ({ segment: character }) => character);
  const pieces: string[] = [];
  for (let first = 0; first < characters.length; first += MAX_LINE_CHARACTERS) {
    pieces.push(characters.slice(first, first + MAX_LINE_CHARACTERS).join(""));
  }
  return pieces;
}

function joinUnits(units: readonly Unit[]): string {
  return units.map((item, index) => (index === 0 ? item.text : item.joiner + item.text)).join("");
}

/** The characters of the units written as one text (the spaces between them included). */
function textWidth(units: readonly Unit[]): number {
  return units.reduce((sum, item, index) => sum + item.width + (index > 0 && item.joiner === " " ? 1 : 0), 0);
}

/** A line may be longer than a line only when it is one word (never cut, never lost). */
function isValidLine(units: readonly Unit[]): boolean {
  return units.length === 1 || textWidth(units) <= MAX_LINE_CHARACTERS;
}

/**
 * How a cue's units sit on its lines: `items` (the label first, in SubRip) and the item the second line starts with
 * (`items.length` for one line); null when they take more than two. The label opens the first line and is never left
 * alone on it unless it is too long to share one. Two lines break at the best boundary that leaves both lines a fair
 * length, then where they are most even.
 */
function arrange(label: Unit | null, units: readonly Unit[]): { items: Unit[]; split: number } | null {
  const items = label === null ? [...units] : [label, ...units];
  // The label is followed by a space even where the cue starts inside a run of CJK.
  if (label !== null && items[1]) items[1] = { ...items[1], joiner: " " };
  if (isValidLine(items)) return { items, split: items.length };
  const total = textWidth(items);
  let best: { split: number; strength: number; widest: number } | null = null;
  let firstWidth = 0;
  for (let split = 1; split < items.length; split++) {
    const last = items[split - 1] as Unit;
    firstWidth += last.width + (split > 1 && last.joiner === " " ? 1 : 0);
    const next = items[split] as Unit;
    const secondWidth = total - firstWidth - (next.joiner === " " ? 1 : 0);
    const isFirstValid = split === 1 || firstWidth <= MAX_LINE_CHARACTERS;
    const isSecondValid = split === items.length - 1 || secondWidth <= MAX_LINE_CHARACTERS;
    if ((label !== null && split === 1) || !isFirstValid || !isSecondValid) continue;
    const strength = Math.min(firstWidth, secondWidth) >= MIN_CLAUSE_CHARACTERS ? last.strength : WORD;
    const widest = Math.max(firstWidth, secondWidth);
    if (!best || strength > best.strength || (strength === best.strength && widest < best.widest)) {
      best = { split, strength, widest };
    }
  }
  if (best) return { items, split: best.split };
  // A label too long to share a line has one of its own.
  if (label !== null && !isValidLine(items.slice(0, 2)) && isValidLine(units)) return { items, split: 1 };
  return null;
}

function layout(label: Unit | null, units: readonly Unit[]): string[] | null {
  const arranged = arrange(label, units);
  if (!arranged) return null;
  const { items, split } = arranged;
  return split === items.length
    ? [joinUnits(items)]
    : [joinUnits(items.slice(0, split)), joinUnits(items.slice(split))];
}

/**
 * The paragraph's units in cues: each as full as two lines allow, ending at the last sentence end that fits, else
 * the last clause end past a few words, else the last word that fits.
 */
function chunk(units: readonly Unit[], label: Unit | null): Unit[][] {
  const cues: Unit[][] = [];
  let start = 0;
  while (start < units.length) {
    let end = start + 1;
    while (end < units.length && arrange(label, units.slice(start, end + 1)) !== null) end++;
    if (end < units.length) end = bestBreak(units, start, end);
    cues.push(units.slice(start, end));
    start = end;
  }
  return cues;
}

/** Where to end a cue that starts at `start` and could run to `end` (exclusive). */
function bestBreak(units: readonly Unit[], start: number, end: number): number {
  let clause: number | null = null;
  for (let candidate = end; candidate > start; candidate--) {
    const strength = units[candidate - 1]?.strength ?? WORD;
    if (strength === SENTENCE) return candidate;
    const isLongEnough = textWidth(units.slice(start, candidate)) >= MIN_CLAUSE_CHARACTERS;
    if (clause === null && strength === CLAUSE && isLongEnough) clause = candidate;
  }
  return clause ?? end;
}

/** Splits a cue in two at its best boundary nearest its middle: for a cue that would be on screen too long. */
function splitNearMiddle(units: readonly Unit[]): [Unit[], Unit[]] {
  const total = textWidth(units);
  let best = 1;
  let bestScore = -Infinity;
  for (let split = 1; split < units.length; split++) {
    const left = textWidth(units.slice(0, split));
    const strength = units[split - 1]?.strength ?? WORD;
    // A boundary counts for as much as a quarter of the cue's length away from the middle.
    const score = strength * (total / 4) - Math.abs(total - 2 * left) / 2;
    if (score > bestScore) {
      best = split;
      bestScore = score;
    }
  }
  return [units.slice(0, best), units.slice(best)];
}

interface Window {
  startMs: number;
  endMs: number;
}

/**
 * Each paragraph's time. A paragraph without a start begins where the one before ended; one without an end ends
 * where the next begins, else (at the end, or before an untimed one) after a reading-speed estimate. No paragraph
 * overlaps the next, so the cues are in order.
 */
function paragraphWindows(transcript: ExportTranscript): Window[] {
  const windows: Window[] = [];
  let previousEnd = 0;
  transcript.segments.forEach((segment, position) => {
    const startMs = Math.max(segment.startMs ?? previousEnd, previousEnd);
    const estimate =
      startMs +
      Math.max(MIN_ESTIMATE_MS, Math.ceil((characterCount(segment.text) * 1000) / READING_CHARACTERS_PER_SECOND));
    const nextStart = transcript.segments[position + 1]?.startMs ?? null;
    const nextLimit = nextStart !== null && nextStart > startMs ? nextStart : null;
    let endMs = segment.endMs ?? nextLimit ?? estimate;
    if (nextLimit !== null) endMs = Math.min(endMs, nextLimit);
    if (endMs <= startMs) endMs = nextLimit ?? estimate;
    windows.push({ startMs, endMs });
    previousEnd = endMs;
  });
  return windows;
}

/** Cue start times by characters: a cue's share of the paragraph's time is its share of the paragraph's text. */
function shareTime(cues: readonly (readonly Unit[])[], window: Window): number[] {
  const counts = cues.map(textWidth);
  const total = counts.reduce((sum, count) => sum + count, 0);
  const duration = window.endMs - window.startMs;
  let before = 0;
  return counts.map((count) => {
    const startMs = window.startMs + Math.round((duration * before) / Math.max(total, 1));
    before += count;
    return startMs;
  });
}

/** The paragraph's cues: chunked to fit, then split further while one would stay up longer than MAX_CUE_MS. */
function paragraphCues(
  units: readonly Unit[],
  label: Unit | null,
  window: Window,
): { units: Unit[]; startMs: number }[] {
  let cues = chunk(units, label);
  for (;;) {
    const starts = shareTime(cues, window);
    const tooLong = cues.findIndex((cue, index) => {
      const endMs = starts[index + 1] ?? window.endMs;
      return cue.length > 1 && endMs - (starts[index] ?? 0) > MAX_CUE_MS;
    });
    if (tooLong === -1) return cues.map((cue, index) => ({ units: cue, startMs: starts[index] ?? window.startMs }));
    cues = [...cues.slice(0, tooLong), ...splitNearMiddle(cues[tooLong] ?? []), ...cues.slice(tooLong + 1)];
  }
}

/** The cues of a timed transcript, in time order, none overlapping, each shown for more than 0 and at most 7 s. */
export function cuesOf(transcript: ExportTranscript, format: SubtitleFormat): Cue[] {
  const index = new ExportIndex(transcript);
  const windows = paragraphWindows(transcript);
  const cues: Cue[] = [];
  let previousEnd = 0;
  transcript.segments.forEach((segment, position) => {
    const units = unitsOf(segment.text);
    const window = windows[position];
    if (units.length === 0 || !window) return;
    const speaker = index.speakerName(segment);
    const label = format === "srt" && speaker !== null ? { ...unit(speakerLabel(speaker), " "), strength: WORD } : null;
    const parts = paragraphCues(units, label, { startMs: Math.max(window.startMs, previousEnd), endMs: window.endMs });
    parts.forEach((part, partIndex) => {
      // Strictly later than the cue before, even when a paragraph has less time than cues.
      const startMs = Math.max(part.startMs, previousEnd, (cues.at(-1)?.startMs ?? -1) + 1);
      const nextStart = parts[partIndex + 1]?.startMs ?? window.endMs;
      const endMs = Math.max(Math.min(nextStart, window.endMs, startMs + MAX_CUE_MS), startMs + 1);
      cues.push({
        startMs,
        endMs,
        speaker,
        paragraph: position + 1,
        lines:
          layout(label, part.units) ?? [label?.text ?? null, joinUnits(part.units)].filter((line) => line !== null),
      });
      previousEnd = endMs;
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

/** Cue text must not contain "-->" nor read as markup: the characters WebVTT reserves become references. */
function escapeCueText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The name in a voice tag: "&" stays as it is (readers, Verbatim's own included, take the annotation literally),
 * unless it would read as a character reference; "<" and ">" would end the tag, and are left out.
 */
function voiceAnnotation(speaker: string): string {
  return speaker
    .replace(/[<>]/g, "")
    .replace(/&(?=#?[a-z0-9]+;)/gi, "&amp;")
    .replace(/\s+/g, " ")
    .trim();
}

/** "Name:" before a cue's words; a colon inside the name would end the label early. */
function speakerLabel(speaker: string): string {
  return `${speaker.replace(/:/g, "").replace(/\s+/g, " ").trim()}:`;
}

export function renderSrt(transcript: ExportTranscript): string {
  const blocks = cuesOf(transcript, "srt").map((cue, position) =>
    [
      String(position + 1),
      `${timestamp(cue.startMs, ",")} --> ${timestamp(cue.endMs, ",")}`,
      ...cue.lines.map(escapeCueText),
    ].join("\n"),
  );
  return `${blocks.join("\n\n")}\n`;
}

export function renderVtt(transcript: ExportTranscript): string {
  // The header may carry a title after "WEBVTT ", on one line, without the cue arrow.
  const title = transcript.title.replace(/\s+/g, " ").replace(/-->/g, "→").trim();
  let part = 0;
  const blocks = cuesOf(transcript, "vtt").map((cue, position, cues) => {
    part = cues[position - 1]?.paragraph === cue.paragraph ? part + 1 : 1;
    const voice = cue.speaker === null ? "" : `<v ${voiceAnnotation(cue.speaker)}>`;
    const lines = cue.lines.map((line, lineIndex) => (lineIndex === 0 ? voice : "") + escapeCueText(line));
    return [
      `p-${cue.paragraph}-${part}`,
      `${timestamp(cue.startMs, ".")} --> ${timestamp(cue.endMs, ".")}`,
      ...lines,
    ].join("\n");
  });
  return `${[title ? `WEBVTT - ${title}` : "WEBVTT", ...blocks].join("\n\n")}\n`;
}
