// What SubRip and WebVTT share: cue blocks, cue timing (subtitle-timing.ts), cue text read by w3c's webvtt-parser,
// subtitle markup, YouTube-style rolling captions, streaming re-emissions and whole-transcript re-sends, "Name:"
// labels, and meeting turns (one paragraph per named speaker's run of cues). No word of a cue is dropped: what is not
// speech is marked removed with a reason the reporter can undo.
import webvtt, { type WebVttNode, type WebVTTParser } from "webvtt-parser";
import { collapseWhitespace, countWords, endsSentence } from "../prose";
import { sourceLine, type ParsedSource, type Removal, type SourceLine } from "../source";
import { speakerFromVoice } from "../speakers";
import { IngestError, type ParsedSpeaker } from "../types";
import {
  findResentTranscripts,
  judgeEmissions,
  looksLikeStreaming,
  RESTART_MS,
  type StreamVerdict,
} from "./stream-repeats";
import { readCueLabel, SPEAKER_LAPSE_MS } from "./subtitle-speakers";
import { isTimingLine, readTimingLine, TimingQuirks } from "./subtitle-timing";

/** Consecutive non-blank lines of a subtitle file. */
export interface CueBlock {
  /** 1-based line of the block's first line. */
  line: number;
  lines: string[];
}

export interface CueLine {
  line: number;
  raw: string;
  /** The words with every tag removed. */
  text: string;
  voice: string | null;
  removal: Removal | null;
  /** The first words after a labelled speaker's turn lapsed (a long pause): nobody's in particular. */
  endsTurn?: boolean;
  /** The voice was carried on from a label in an earlier cue, not named by this cue. */
  isVoiceCarried?: boolean;
}

export interface Cue {
  /** The cue's identifier, else its number in the file: how warnings name it. */
  label: string;
  /** 1-based line of the timing line (or of the block, for a cue without one). */
  line: number;
  /** Null for text whose timing could not be read, and for blocks that are not cues (WebVTT NOTE). */
  startMs: number | null;
  endMs: number | null;
  lines: CueLine[];
  /** A cue with no duration (or an unreadable timing) joins the paragraph of the cue before it. */
  joinsPrevious: boolean;
}

/**
 * Splits lines into blocks at blank lines, and also where a timing line follows text directly (a blank line missing
 * between two cues); a number just above such a timing line is the next SubRip cue's counter. A timing line right
 * after another is the same cue's timing written twice. In WebVTT only an empty line is blank (auto-captions put a
 * lone space inside cues); SubRip editors leave spaces on blank lines.
 */
export function splitCueBlocks(
  lines: readonly string[],
  firstIndex: number,
  blankIfOnlySpaces: boolean,
  isIdentifier: (line: string) => boolean = () => false,
): CueBlock[] {
  const blocks: CueBlock[] = [];
  let current: CueBlock | null = null;
  for (let index = firstIndex; index < lines.length; index++) {
    const text = lines[index] ?? "";
    if (text === "" || (blankIfOnlySpaces && text.trim() === "")) {
      current = null;
      continue;
    }
    const previous: string = current?.lines.at(-1) ?? "";
    if (current && current.lines.length >= 2 && isTimingLine(text) && !isTimingLine(previous)) {
      const counter: boolean =
        (/^\s*\d+\s*$/.test(previous) || isIdentifier(previous)) && !isTimingLine(current.lines.at(-2) ?? "");
      if (counter) current.lines.pop();
      current = { line: counter ? index : index + 1, lines: counter ? [previous] : [] };
      blocks.push(current);
    }
    if (!current) {
      current = { line: index + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(text);
  }
  return blocks;
}

// The parser's default table maps "&amp" without the semicolon, which turns "&amp;" into "&;".
const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&amp": "&",
  "&lt;": "<",
  "&lt": "<",
  "&gt;": ">",
  "&gt": ">",
  "&quot;": '"',
  "&apos;": "'",
  "&nbsp;": "\u00A0",
  "&nbsp": "\u00A0",
  "&lrm;": "\u200E",
  "&rlm;": "\u200F",
};

/** ASS/SSA override tags such as {\an8} or {\i1}, which SubRip files often carry. */
const ASS_OVERRIDE = /\{\\[^}]*\}/g;
/** ASS/SSA escapes converters leave in SubRip text: \N and \n break the line, \h is a hard space. */
const ASS_ESCAPE = /\\[Nnh]/g;

/** Cue text without ASS overrides and escapes: a line break inside a cue line reads as the space between lines. */
function withoutAssMarkup(text: string): string {
  return text.replace(ASS_OVERRIDE, "").replace(ASS_ESCAPE, " ");
}

/** A line that tries to be a timing line but cannot be read as one: "00:00:01,000 00:00:02,000", "00:00:01 -->". */
const TIMING_LIKE =
  /\d{1,2}:\d{2}[:.,]\d{1,3}.*(?:->|—>|–>|--|>)|^\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}(?:\s+\d{1,2}:\d{2}:\d{2}[,.]\d{1,3})?\s*$/;

/** A cue's text as webvtt-parser reads it; the timing is read separately (see subtitle-timing.ts). */
const PLACEHOLDER_TIMING = "00:00:00.000 --> 00:00:01.000";

const OVERLAP_WARNING_END = "; the words were kept in file order.";

/** Notes cues read unusually, to report each kind once rather than once per cue. */
class CueNotes {
  private readonly kinds = new Map<string, { first: string; count: number }>();

  note(kind: "zero-length" | "overlap" | "unreadable", where: string): void {
    const seen = this.kinds.get(kind);
    if (seen) seen.count++;
    else this.kinds.set(kind, { first: where, count: 1 });
  }

  warnings(): string[] {
    return [...this.kinds].map(([kind, { first, count }]) => {
      const one = count === 1;
      const which = one ? capitalise(first) : `${count} cues (first: ${first})`;
      if (kind === "zero-length") {
        return `${which} end${one ? "s" : ""} before or when ${one ? "it starts" : "they start"}; the words were kept, joined to the paragraph before.`;
      }
      if (kind === "overlap") {
        return `${which} start${one ? "s" : ""} before the cue above ends${OVERLAP_WARNING_END}`;
      }
      return `${which} ha${one ? "s" : "ve"} a timing line that cannot be read; the words were kept, joined to the paragraph before.`;
    });
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function readCues(blocks: readonly CueBlock[], warnings: string[]): Cue[] {
  const parser = new webvtt.WebVTTParser(ENTITIES);
  const quirks = new TimingQuirks();
  const notes = new CueNotes();
  const cues: Cue[] = [];
  let previousEndMs: number | null = null;
  let timedCues = 0;
  blocks.forEach((block, ordinal) => {
    const timingIndex = block.lines.slice(0, 2).findIndex(isTimingLine);
    if (timingIndex === -1) {
      const brokenTiming = block.lines.slice(0, 2).findIndex((text) => TIMING_LIKE.test(text));
      if (brokenTiming === -1) {
        appendStrayText(cues, block, warnings);
        return;
      }
      const label = brokenTiming === 1 ? (block.lines[0] ?? "").trim() : String(ordinal + 1);
      notes.note("unreadable", `cue ${label} at line ${block.line + brokenTiming}`);
      const textLines = block.lines.slice(brokenTiming + 1);
      cues.push({
        label,
        line: block.line + brokenTiming,
        startMs: null,
        endMs: null,
        lines: readCueText(parser, textLines, block.line + brokenTiming + 1),
        joinsPrevious: true,
      });
      return;
    }
    const identifier = timingIndex === 1 ? (block.lines[0] ?? "").trim() : "";
    const label = identifier || String(ordinal + 1);
    const timingLine = block.line + timingIndex;
    const timing = readTimingLine(block.lines[timingIndex] ?? "", timingLine, quirks);
    if (!timing) return;
    // Some tools write the timing line twice; the text starts after the last of them.
    let textStart = timingIndex + 1;
    while (textStart < block.lines.length && isTimingLine(block.lines[textStart] ?? "")) textStart++;
    if (textStart > timingIndex + 1) {
      warnings.push(`Cue ${label} at line ${timingLine} has its timing line written twice; the first one was used.`);
    }
    timedCues++;
    const where = `cue ${label} at line ${timingLine}`;
    const zeroLength = timing.endMs <= timing.startMs;
    if (zeroLength) notes.note("zero-length", where);
    else if (previousEndMs !== null && timing.startMs < previousEndMs) notes.note("overlap", where);
    cues.push({
      label,
      line: timingLine,
      startMs: timing.startMs,
      endMs: zeroLength ? timing.startMs : timing.endMs,
      lines: readCueText(parser, block.lines.slice(textStart), block.line + textStart),
      joinsPrevious: zeroLength,
    });
    previousEndMs = zeroLength ? previousEndMs : timing.endMs;
  });
  if (timedCues === 0) {
    throw new IngestError(
      "BROKEN_SUBTITLES",
      "No usable cue in this subtitle file. No timing line can be read (such as 00:00:01,000 --> 00:00:04,000). " +
        "Fix the timings or upload the transcript as plain text.",
    );
  }
  warnings.push(...quirks.warnings(), ...notes.warnings());
  return cues;
}

/**
 * The lines of one cue's text, read by webvtt-parser for tags, voices and character references. A line that is
 * only an override tag ({\an8}) would be an empty line to the parser, which ends a cue there; such lines are kept
 * back from the parser (and reported as markup) so the words after them stay in the cue.
 */
function readCueText(parser: WebVTTParser, textLines: readonly string[], firstLine: number): CueLine[] {
  const withoutOverrides = textLines.map(withoutAssMarkup);
  const parsedIndexes = withoutOverrides.flatMap((text, index) => (text.trim() === "" ? [] : [index]));
  const input = ["WEBVTT", "", PLACEHOLDER_TIMING, ...parsedIndexes.map((index) => withoutOverrides[index])].join("\n");
  // "metadata" mode: the parser skips its cue-text conformance errors (unknown tags such as <font>), which are
  // markup to drop rather than problems to report.
  const visible = visibleLines(parser.parse(input, "metadata").cues[0]?.tree.children ?? []);
  return textLines.map((raw, index) => {
    const position = parsedIndexes.indexOf(index);
    const shown = position === -1 ? undefined : visible[position];
    return { line: firstLine + index, raw, text: shown?.text.trim() ?? "", voice: shown?.voice ?? null, removal: null };
  });
}

/**
 * Text after a blank line inside a cue belongs to that cue: editors often leave such blank lines in. Text before the
 * first cue is kept too, untimed, at the start.
 */
function appendStrayText(cues: Cue[], block: CueBlock, warnings: string[]): void {
  const lines = `line${block.lines.length === 1 ? "" : "s"} ${block.line}${block.lines.length === 1 ? "" : `–${block.line + block.lines.length - 1}`}`;
  const strayLines = block.lines.map((raw, index) => ({
    line: block.line + index,
    raw,
    text: stripTags(raw),
    voice: null,
    removal: null,
  }));
  const cue = cues.at(-1);
  if (!cue) {
    warnings.push(`Text at ${lines} comes before the first cue; it was kept, untimed, at the start.`);
    cues.push({ label: "0", line: block.line, startMs: null, endMs: null, lines: strayLines, joinsPrevious: false });
    return;
  }
  warnings.push(`Text at ${lines} has no timing line; it was added to the cue above it.`);
  cue.lines.push(...strayLines);
}

function stripTags(raw: string): string {
  return withoutAssMarkup(raw)
    .replace(/<[^>]*>/g, "")
    .trim();
}

interface VisibleLine {
  text: string;
  voice: string | null;
}

/** The words of a cue's tree, line by line, with the voice (<v Name>) each line is spoken in. */
function visibleLines(nodes: readonly WebVttNode[]): VisibleLine[] {
  const lines: VisibleLine[] = [{ text: "", voice: null }];
  const visit = (node: WebVttNode, voice: string | null): void => {
    if (node.type === "text") {
      node.value.split("\n").forEach((part, index) => {
        if (index > 0) lines.push({ text: "", voice: null });
        const current = lines[lines.length - 1];
        if (!current) return;
        current.text += part;
        if (part.trim() && current.voice === null) current.voice = voice;
      });
    } else if (node.type === "object" && node.name !== "rt") {
      // <rt> holds ruby pronunciation hints, not words.
      const inner = node.name === "v" ? node.value?.trim() || voice : voice;
      node.children.forEach((child) => visit(child, inner));
    }
  };
  nodes.forEach((node) => visit(node, null));
  return lines;
}

const REASONS = {
  markup: "Subtitle markup only, no words.",
  emptyCue: "Subtitle cue with no words.",
  captionRepeat: "Rolling caption: repeats the previous cue’s line.",
} as const;

export interface SubtitleSourceOptions {
  /** A title the file itself states (WebVTT "WEBVTT - Press briefing"). */
  title?: string | null;
}

/**
 * Turns cues into source lines: marks markup-only lines, wordless cues, rolling-caption repeats and streaming
 * re-emissions (each reported, none silently dropped), and reads "Name:" labels as voices.
 */
export function cuesToSource(
  format: "srt" | "vtt",
  cues: Cue[],
  warnings: string[],
  options: SubtitleSourceOptions = {},
): ParsedSource {
  for (const cue of cues) markWordlessLines(cue);
  markResentTranscripts(cues, warnings);
  markRollingRepeats(cues);
  markStreamRepeats(cues, warnings);
  assignLabelledVoices(cues);
  const turns = speakerTurns(cues);
  const speakers = new Map<string, ParsedSpeaker>();
  const speakerOf = (voice: string): ParsedSpeaker => {
    const speaker = speakers.get(voice) ?? speakerFromVoice(voice);
    speakers.set(voice, speaker);
    return speaker;
  };
  const lines: SourceLine[] = [];
  let block = -1;
  let currentTurn: number | undefined;
  for (const cue of cues) {
    const turn = turns.get(cue);
    let opensTurn = false;
    if (turn !== undefined) {
      // One block per turn: the paragraph rules then break it only where the turn itself ends.
      opensTurn = turn !== currentTurn;
      if (opensTurn || block === -1) block++;
      currentTurn = turn;
    } else if (currentTurn === undefined || spokenLines(cue).length > 0) {
      // A wordless cue inside a turn (markup, a NOTE) stays in its block.
      if (!cue.joinsPrevious || block === -1) block++;
      currentTurn = undefined;
    }
    for (const cueLine of cue.lines) {
      if (cueLine.raw.trim() === "") continue;
      // Words of no named speaker open no turn: the paragraph rules (and the speaker before) carry on over them.
      const opensParagraph = opensTurn && cueLine.removal === null && cueLine.text !== "" && cueLine.voice !== null;
      if (opensParagraph) opensTurn = false;
      lines.push(
        sourceLine({
          line: cueLine.line,
          raw: cueLine.raw,
          text: cueLine.text,
          block,
          voice: cueLine.voice,
          startMs: cue.startMs,
          endMs: cue.endMs,
          removal: cueLine.removal,
          ...(cueLine.endsTurn ? { turn: { speaker: null, startMs: cue.startMs } } : {}),
          ...(opensParagraph && cueLine.voice !== null
            ? { turn: { speaker: speakerOf(cueLine.voice), startMs: cue.startMs } }
            : {}),
        }),
      );
    }
  }
  return { format, lines, headingIndex: null, timed: true, warnings, title: options.title ?? null };
}

function markWordlessLines(cue: Cue): void {
  for (const cueLine of cue.lines) {
    if (cueLine.raw.trim() === "" || cueLine.removal !== null) continue;
    if (cueLine.text === "") cueLine.removal = { code: "markup", reason: REASONS.markup };
    else if (!/[\p{L}\p{N}]/u.test(cueLine.text)) cueLine.removal = { code: "empty-cue", reason: REASONS.emptyCue };
  }
}

function comparable(text: string): string {
  return collapseWhitespace(text).toLowerCase();
}

function spokenLines(cue: Cue): CueLine[] {
  return cue.lines.filter((cueLine) => cueLine.removal === null && cueLine.text !== "");
}

/** Cues with words left to compare: NOTE blocks and cues of markup only do not break a run of captions. */
function spokenCues(cues: readonly Cue[]): Cue[] {
  return cues.filter((cue) => spokenLines(cue).length > 0);
}

/**
 * Auto-generated captions roll: each cue repeats the previous cue's last line above its new one. Only when most
 * cues do so is the file treated as rolling, so an ordinary file where someone says "No." twice keeps both.
 */
function markRollingRepeats(allCues: readonly Cue[]): void {
  const cues = spokenCues(allCues);
  let pairs = 0;
  let repeats = 0;
  for (let index = 1; index < cues.length; index++) {
    const previous = spokenLines(cues[index - 1] as Cue).at(-1);
    const first = spokenLines(cues[index] as Cue)[0];
    if (!previous || !first) continue;
    pairs++;
    if (comparable(previous.text) === comparable(first.text)) repeats++;
  }
  if (repeats < 3 || repeats < pairs / 2) return;
  let previousLast: string | null = null;
  for (const cue of cues) {
    const spoken = spokenLines(cue);
    const first = spoken[0];
    if (first && previousLast !== null && comparable(first.text) === previousLast) {
      first.removal = { code: "caption-repeat", reason: REASONS.captionRepeat };
    }
    const last = spoken.at(-1);
    if (last) previousLast = comparable(last.text);
  }
}

/** Streaming captions: growing and re-sent cues are marked "stream-repeat", the fullest version of each kept. */
function markStreamRepeats(allCues: readonly Cue[], warnings: string[]): void {
  const cues = spokenCues(allCues);
  const emissions = cues.map((cue) => ({
    text: spokenLines(cue)
      .map((cueLine) => cueLine.text)
      .join(" "),
    startMs: cue.startMs,
    endMs: cue.endMs,
  }));
  if (!looksLikeStreaming(emissions)) return;
  // Streaming output overlaps by nature; the streaming warning below says what was done about it.
  const overlap = warnings.findIndex((warning) => warning.endsWith(OVERLAP_WARNING_END));
  if (overlap !== -1) warnings.splice(overlap, 1);
  const verdicts = judgeEmissions(emissions);
  let marked = 0;
  verdicts.forEach((verdict, index) => {
    if (verdict.kind === "kept") return;
    const cue = cues[index] as Cue;
    const keptCue = cues[finalVersion(verdicts, verdict.kind === "superseded" ? verdict.by : verdict.of)] as Cue;
    const reason =
      verdict.kind === "superseded"
        ? `Streaming captions: an early version of the cue at line ${keptCue.line}, which has the full text.`
        : `Streaming captions: repeats the cue at line ${keptCue.line}.`;
    for (const cueLine of spokenLines(cue)) cueLine.removal = { code: "stream-repeat", reason };
    marked++;
  });
  warnings.push(
    `This looks like streaming speech recognition: ${marked} cue${marked === 1 ? " repeats" : "s repeat"} or ` +
      "grow on the one before; only the fullest version of each sentence was kept (the others are listed as removed).",
  );
}

/** Follows "superseded by" to the version that was kept. */
function finalVersion(verdicts: readonly StreamVerdict[], index: number): number {
  let current = index;
  for (let verdict = verdicts[current]; verdict?.kind === "superseded"; verdict = verdicts[current])
    current = verdict.by;
  return current;
}

/**
 * "Name: text" labels become voices: the label is taken off the words, and the voice lasts over the cues that follow
 * until another label, a WebVTT voice, or a pause longer than SPEAKER_LAPSE_MS.
 */
function assignLabelledVoices(cues: readonly Cue[]): void {
  let current: string | null = null;
  let previousEndMs: number | null = null;
  for (const cue of cues) {
    const spoken = spokenLines(cue);
    if (spoken.length === 0) continue;
    let lapsed = false;
    if (cue.startMs !== null && previousEndMs !== null && cue.startMs - previousEndMs > SPEAKER_LAPSE_MS) {
      lapsed = current !== null;
      current = null;
    }
    spoken.forEach((cueLine, index) => {
      if (cueLine.voice !== null) {
        current = null;
        return;
      }
      // A label opens a cue, a dialogue line ("- JOHN: Run!") or a broadcast caption's line (">> Who pays?");
      // elsewhere "word:" is part of a sentence.
      const label =
        index === 0 || /^\s*(?:-|>>)/.test(cueLine.text) ? readCueLabel(cueLine.text) : { kind: "none" as const };
      if (label.kind === "setting") {
        cueLine.removal = label.removal;
      } else if (label.kind === "speaker") {
        current = label.voice;
        cueLine.voice = label.voice;
        cueLine.text = label.rest;
      } else if (label.kind === "change") {
        // Someone not named: the turn before ends here, and the mark is not a word.
        current = null;
        cueLine.voice = null;
        cueLine.text = label.rest;
        cueLine.endsTurn = true;
      } else {
        cueLine.voice = current;
        if (index === 0 && current !== null) cueLine.isVoiceCarried = true;
        // Later stages would otherwise carry the last speaker on over unlabelled words.
        if (lapsed && index === 0 && cueLine.voice === null) cueLine.endsTurn = true;
      }
    });
    if (cue.endMs !== null) previousEndMs = Math.max(previousEndMs ?? cue.endMs, cue.endMs);
  }
}

/**
 * A named speaker's cues join one paragraph across pauses up to this long. Meeting recognisers (Zoom, Teams) cut a
 * cue at every breath, 2–4 s apart; a silence over 10 s is no longer a breath but the end of a turn (a screen share,
 * a question nobody answers at once), so it starts a new paragraph.
 */
export const TURN_PAUSE_MS = 10_000;
/** A turn longer than this is cut into paragraphs, at a sentence end where one leaves TURN_MIN_WORDS before it. */
export const TURN_MAX_WORDS = 150;
const TURN_MIN_WORDS = 40;

/**
 * Cues cut from one continuous track (Verbatim's own SubRip export, broadcast captions) follow each other with no gap
 * within a speaker's paragraph, so a pause there is a paragraph break the file was written with: when two thirds of
 * one speaker's neighbouring cues touch, the paragraph rules (lib/ingest/structure.ts: a new paragraph after 2 s)
 * apply as they are. Meeting recognisers leave a breath between most cues.
 */
function isContinuousTrack(cues: readonly Cue[], voices: readonly (string | null)[]): boolean {
  let pairs = 0;
  let touching = 0;
  for (let index = 1; index < cues.length; index++) {
    const previousEnd = cues[index - 1]?.endMs ?? null;
    const start = cues[index]?.startMs ?? null;
    const voice = voices[index] ?? null;
    if (previousEnd === null || start === null || voice === null || voice !== voices[index - 1]) continue;
    pairs++;
    if (start - previousEnd <= 1) touching++;
  }
  return pairs > 0 && touching * 3 >= pairs * 2;
}

/**
 * The one voice all of a cue's words are in, when the cue names it itself (Zoom's "Name:" on every cue, Teams' <v>);
 * else null: no voice, a cue shared by two, or a voice carried on from an earlier label (broadcast captions name the
 * speaker at a change only, and there the paragraph rules decide).
 */
function voiceOf(cue: Cue): string | null {
  const lines = spokenLines(cue);
  const voice = lines[0]?.voice ?? null;
  if (lines[0]?.isVoiceCarried) return null;
  return lines.every((cueLine) => cueLine.voice === voice) ? voice : null;
}

function wordsOf(cues: readonly Cue[]): number {
  return cues.reduce((total, cue) => total + cueWords(cue), 0);
}

function cueWords(cue: Cue): number {
  return spokenLines(cue).reduce((sum, cueLine) => sum + countWords(cueLine.text), 0);
}

/**
 * Meeting captions: each named speaker's consecutive cues become one turn (a number per cue), until another speaker,
 * an unnamed cue, a pause over TURN_PAUSE_MS, or TURN_MAX_WORDS. Cues of no one speaker are left to the paragraph
 * rules. Empty for a continuous track (see isContinuousTrack).
 */
function speakerTurns(cues: readonly Cue[]): Map<Cue, number> {
  const spoken = spokenCues(cues);
  const exported = exportedParagraphs(spoken);
  if (exported) return exported;
  const turnOf = new Map<Cue, number>();
  const voices = spoken.map(voiceOf);
  if (isContinuousTrack(spoken, voices)) return turnOf;
  const turns: Cue[][] = [];
  let current: Cue[] | null = null;
  let currentVoice: string | null = null;
  let currentWords = 0;
  let previousEndMs: number | null = null;
  spoken.forEach((cue, index) => {
    const voice = voices[index] ?? null;
    const pause = cue.startMs !== null && previousEndMs !== null ? cue.startMs - previousEndMs : 0;
    if (cue.endMs !== null) previousEndMs = Math.max(previousEndMs ?? cue.endMs, cue.endMs);
    if (voice === null) {
      current = null;
      return;
    }
    const words = cueWords(cue);
    const joins = current !== null && voice === currentVoice && (pause <= TURN_PAUSE_MS || cue.joinsPrevious);
    if (!current || !joins) {
      current = [cue];
      currentVoice = voice;
      currentWords = words;
      turns.push(current);
      return;
    }
    if (currentWords + words > TURN_MAX_WORDS) {
      // The turn so far closes at its last sentence end; what follows it opens the next paragraph.
      const split = sentenceSplit(current);
      const rest: Cue[] = split === null ? [] : current.splice(split);
      const restWords = wordsOf(rest);
      if (rest.length > 0 && restWords + words <= TURN_MAX_WORDS) {
        current = [...rest, cue];
        currentWords = restWords + words;
      } else {
        if (rest.length > 0) turns.push(rest);
        current = [cue];
        currentWords = words;
      }
      turns.push(current);
      return;
    }
    current.push(cue);
    currentWords += words;
  });
  turns.forEach((turn, index) => {
    for (const cue of turn) turnOf.set(cue, index);
  });
  return turnOf;
}

/** Verbatim's own WebVTT export names each cue "p-{paragraph}-{part}" (lib/export/subtitles.ts). */
const EXPORTED_CUE = /^p-(\d+)-\d+$/;

/** The paragraph of each cue of Verbatim's own WebVTT export, as it was written; null for any other file. */
function exportedParagraphs(spoken: readonly Cue[]): Map<Cue, number> | null {
  const paragraphOf = new Map<Cue, number>();
  for (const cue of spoken) {
    const paragraph = EXPORTED_CUE.exec(cue.label)?.[1];
    if (paragraph === undefined) return null;
    paragraphOf.set(cue, Number(paragraph));
  }
  return paragraphOf.size > 0 ? paragraphOf : null;
}

/**
 * Where to cut a full turn (`turn.length`: before the next cue): after its last cue that ends a sentence with
 * TURN_MIN_WORDS before it; else null.
 */
function sentenceSplit(turn: readonly Cue[]): number | null {
  for (let index = turn.length; index >= 1; index--) {
    const last = spokenLines(turn[index - 1] as Cue).at(-1);
    if (last && endsSentence(last.text) && wordsOf(turn.slice(0, index)) >= TURN_MIN_WORDS) return index;
  }
  return null;
}

/**
 * Streaming recognition that re-writes the whole transcript so far on every update, times starting again from the
 * beginning: the last complete version is kept, every earlier (or unfinished) version is marked "stream-repeat".
 */
function markResentTranscripts(allCues: readonly Cue[], warnings: string[]): void {
  if (!startsAgain(allCues)) return;
  const cues = spokenCues(allCues);
  const found = findResentTranscripts(
    cues.map((cue) => ({
      text: spokenLines(cue)
        .map((cueLine) => cueLine.text)
        .join(" "),
      startMs: cue.startMs,
      endMs: cue.endMs,
    })),
  );
  if (!found) return;
  const keptFirst = cues[found.versions[found.kept]?.start ?? 0] as Cue;
  const reason =
    `Streaming captions: an earlier or unfinished version of the whole transcript, re-sent from the start; ` +
    `the last complete version, from line ${keptFirst.line}, was kept.`;
  found.versions.forEach((version, index) => {
    if (index === found.kept) return;
    for (const cue of cues.slice(version.start, version.end)) {
      for (const cueLine of spokenLines(cue)) cueLine.removal = { code: "stream-repeat", reason };
    }
  });
  // Times that start again from zero overlap by nature; the warning below says what was done about it.
  const overlap = warnings.findIndex((warning) => warning.endsWith(OVERLAP_WARNING_END));
  if (overlap !== -1) warnings.splice(overlap, 1);
  const others = found.versions.length - 1;
  warnings.push(
    "This looks like streaming speech recognition that writes the whole transcript again on every update: the " +
      `last complete version was kept, and the ${others} other${others === 1 ? " is" : "s are"} listed as removed.`,
  );
}

/** At least two cues go back to the first cue's start: a cheap test before the words are compared. */
function startsAgain(cues: readonly Cue[]): boolean {
  const firstStart = cues.find((cue) => cue.startMs !== null)?.startMs ?? null;
  if (firstStart === null) return false;
  let restarts = 0;
  let latestEnd = firstStart;
  for (const cue of cues) {
    if (cue.startMs !== null && cue.startMs < latestEnd && cue.startMs <= firstStart + RESTART_MS) restarts++;
    if (cue.endMs !== null) latestEnd = Math.max(latestEnd, cue.endMs);
  }
  return restarts >= 2;
}
