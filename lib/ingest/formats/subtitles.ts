// What SubRip and WebVTT share: cue blocks, cue timing and text read by w3c's webvtt-parser (so a broken cue is
// reported the same way in both), subtitle markup, and YouTube-style rolling captions.
import webvtt, { type WebVttNode } from "webvtt-parser";
import { collapseWhitespace } from "../prose";
import { sourceLine, type ParsedSource, type Removal, type SourceLine } from "../source";
import { IngestError } from "../types";

/** Consecutive non-blank lines of a subtitle file. */
export interface CueBlock {
  /** 1-based line of the block's first line. */
  line: number;
  lines: string[];
}

interface CueLine {
  line: number;
  raw: string;
  /** The words with every tag removed. */
  text: string;
  voice: string | null;
  removal: Removal | null;
}

interface Cue {
  startMs: number;
  endMs: number;
  lines: CueLine[];
}

const TIMING_ARROW = "-->";

/**
 * Splits lines into blocks at blank lines, and also where a timing line follows text directly (a blank line missing
 * between two cues); a number just above such a timing line is the next SubRip cue's counter. In WebVTT only an
 * empty line is blank (auto-captions put a lone space inside cues); SubRip editors leave spaces on blank lines.
 */
export function splitCueBlocks(lines: readonly string[], firstIndex: number, blankIfOnlySpaces: boolean): CueBlock[] {
  const blocks: CueBlock[] = [];
  let current: CueBlock | null = null;
  for (let index = firstIndex; index < lines.length; index++) {
    const text = lines[index] ?? "";
    if (text === "" || (blankIfOnlySpaces && text.trim() === "")) {
      current = null;
      continue;
    }
    if (current && text.includes(TIMING_ARROW) && current.lines.length >= 2) {
      const previous: string = current.lines.at(-1) ?? "";
      const counter: boolean = /^\s*\d+\s*$/.test(previous) && !current.lines.at(-2)?.includes(TIMING_ARROW);
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

/** A line that tries to be a timing line but has no well-formed arrow: "00:00:01,000 -> 00:00:02,000". */
const TIMING_LIKE = /\d{1,2}:\d{2}[:.,]\d{1,3}.*(?:->|—>|–>|--)|^\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*$/;

export interface ReadCuesOptions {
  /** Rewrites a timing line into WebVTT syntax before parsing (SubRip uses commas and lax digit counts). */
  normaliseTiming?: (line: string) => string;
}

export function readCues(blocks: readonly CueBlock[], warnings: string[], options: ReadCuesOptions = {}): Cue[] {
  const parser = new webvtt.WebVTTParser(ENTITIES);
  const cues: Cue[] = [];
  let previousStartMs = 0;
  blocks.forEach((block, ordinal) => {
    const timingIndex = block.lines.slice(0, 2).findIndex((text) => text.includes(TIMING_ARROW));
    if (timingIndex === -1) {
      const brokenTiming = block.lines.slice(0, 2).findIndex((text) => TIMING_LIKE.test(text));
      if (brokenTiming !== -1) {
        const label = brokenTiming === 1 ? (block.lines[0] ?? "").trim() : String(ordinal + 1);
        warnings.push(`Skipped cue ${label} at line ${block.line + brokenTiming}: no valid "-->" timing line.`);
        return;
      }
      appendStrayText(cues.at(-1), block, warnings);
      return;
    }
    const identifier = timingIndex === 1 ? (block.lines[0] ?? "").trim() : "";
    const label = identifier || String(ordinal + 1);
    const timingLine = block.line + timingIndex;
    const timing = block.lines[timingIndex] ?? "";
    const textLines = block.lines.slice(timingIndex + 1);
    const input = [
      "WEBVTT",
      "",
      options.normaliseTiming ? options.normaliseTiming(timing) : timing,
      ...textLines.map((text) => text.replace(ASS_OVERRIDE, "")),
    ].join("\n");
    // "metadata" mode: the parser skips its cue-text conformance errors (unknown tags such as <font>), which are
    // markup to drop rather than problems to report.
    const { cues: parsed, errors } = parser.parse(input, "metadata");
    const cue = parsed[0];
    const timingError = errors.find((error) => error.line === 3)?.message;
    if (!cue || cue.endTime <= cue.startTime) {
      const problem = timingError ?? "End timestamp is not greater than start timestamp.";
      warnings.push(`Skipped cue ${label} at line ${timingLine}: ${lowerFirst(problem)}`);
      return;
    }
    const startMs = Math.round(cue.startTime * 1000);
    if (startMs < previousStartMs) {
      warnings.push(`Cue ${label} at line ${timingLine} starts before the cue above it; kept in file order.`);
    }
    previousStartMs = startMs;
    const visible = visibleLines(cue.tree.children);
    cues.push({
      startMs,
      endMs: Math.round(cue.endTime * 1000),
      lines: textLines.map((raw, index) => ({
        line: timingLine + 1 + index,
        raw,
        text: visible[index]?.text.trim() ?? "",
        voice: visible[index]?.voice ?? null,
        removal: null,
      })),
    });
  });
  return cues;
}

/** Text after a blank line inside a cue belongs to that cue: editors often leave such blank lines in. */
function appendStrayText(cue: Cue | undefined, block: CueBlock, warnings: string[]): void {
  const lines = `line${block.lines.length === 1 ? "" : "s"} ${block.line}${block.lines.length === 1 ? "" : `–${block.line + block.lines.length - 1}`}`;
  if (!cue) {
    warnings.push(`Skipped ${lines}: text before the first cue.`);
    return;
  }
  warnings.push(`Text at ${lines} has no timing line; it was added to the cue above it.`);
  block.lines.forEach((raw, index) => {
    const text = raw
      .replace(ASS_OVERRIDE, "")
      .replace(/<[^>]*>/g, "")
      .trim();
    cue.lines.push({ line: block.line + index, raw, text, voice: null, removal: null });
  });
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
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

/** Turns cues into source lines, marking markup-only lines, wordless cues and rolling-caption repeats. */
export function cuesToSource(format: "srt" | "vtt", cues: Cue[], warnings: string[]): ParsedSource {
  if (cues.length === 0) {
    const firstProblem = warnings.find((warning) => warning.startsWith("Skipped cue"));
    throw new IngestError(
      "BROKEN_SUBTITLES",
      `No usable cue in this subtitle file${firstProblem ? ` (${firstProblem.replace(/\.$/, "")})` : ""}. ` +
        "Fix the timings or upload the transcript as plain text.",
    );
  }
  for (const cue of cues) markWordlessLines(cue);
  markRollingRepeats(cues);
  const lines: SourceLine[] = [];
  cues.forEach((cue, block) => {
    for (const cueLine of cue.lines) {
      if (cueLine.raw.trim() === "") continue;
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
        }),
      );
    }
  });
  return { format, lines, headingIndex: null, timed: true, warnings };
}

function markWordlessLines(cue: Cue): void {
  for (const cueLine of cue.lines) {
    if (cueLine.raw.trim() === "") continue;
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

/**
 * Auto-generated captions roll: each cue repeats the previous cue's last line above its new one. Only when most
 * cues do so is the file treated as rolling, so an ordinary file where someone says "No." twice keeps both.
 */
function markRollingRepeats(cues: Cue[]): void {
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
