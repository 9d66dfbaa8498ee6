// WebVTT: header, then blocks that are cues, NOTE comments, STYLE sheets or REGION definitions.
import type { ParsedSource } from "../source";
import { cuesToSource, readCues, splitCueBlocks, type Cue, type CueBlock } from "./subtitles";
import { isTimingLine } from "./subtitle-timing";

const NON_CUE_BLOCK = /^(NOTE|STYLE|REGION)(?:[ \t]|$)/;

const BLOCK_REASONS: Record<string, string> = {
  NOTE: "WebVTT comment (NOTE block), not shown to viewers.",
  STYLE: "WebVTT style sheet (STYLE block), not words.",
  REGION: "WebVTT region definition (REGION block), not words.",
};

export function parseWebVtt(text: string): ParsedSource {
  const lines = text.split("\n");
  // The header runs from the WEBVTT signature to the first blank line ("Kind: captions", "Language: en"), or to a
  // cue whose blank line above it is missing.
  let bodyStart = 0;
  let title: string | null = null;
  if (lines[0]?.startsWith("WEBVTT")) {
    title = headerTitle(lines[0]);
    bodyStart = 1;
    while (
      bodyStart < lines.length &&
      (lines[bodyStart] ?? "").trim() !== "" &&
      !isTimingLine(lines[bodyStart] ?? "")
    ) {
      bodyStart++;
    }
  }
  const warnings: string[] = [];
  // webvtt-parser knows NOTE and STYLE but not REGION, so the blocks are sorted out here and only cues reach it;
  // the others are reported as removed, so that the preview's "Nothing was removed" is true.
  const isIdentifier = identifierShapes(splitCueBlocks(lines, bodyStart, false));
  const entries: (CueBlock | Cue)[] = splitCueBlocks(lines, bodyStart, false, isIdentifier).map((block) => {
    const kind = NON_CUE_BLOCK.exec(block.lines[0] ?? "")?.[1];
    return kind ? nonCueBlock(block, kind) : block;
  });
  const cues = readCues(entries.filter(isCueBlock), warnings);
  return cuesToSource("vtt", inFileOrder(cues, entries.filter(isNonCue)), warnings, { title });
}

/** Runs of digits and hex digits (with at least one digit) in an identifier: "p-3-1", Teams' "5f1b…/14-0". */
const IDENTIFIER_NUMBER = /[0-9a-f]*\d[0-9a-f]*/gi;

function shapeOf(identifier: string): string {
  return identifier.trim().replace(IDENTIFIER_NUMBER, "#");
}

/**
 * A line just above a timing line with no blank line before it is, by the WebVTT rules, text of the cue above; but
 * when it has the shape of the file's own cue identifiers (Teams' "GUID/14-0", "p-3-1", "slide-2"), it is the next
 * cue's identifier that lost its blank line, never speech.
 */
function identifierShapes(blocks: readonly CueBlock[]): (line: string) => boolean {
  const shapes = new Set<string>();
  for (const block of blocks) {
    const [first = "", second = ""] = block.lines;
    if (isTimingLine(second) && !isTimingLine(first) && /\d/.test(first) && !/\s/.test(first.trim())) {
      shapes.add(shapeOf(first));
    }
  }
  return (line) => /\d/.test(line) && !/\s/.test(line.trim()) && shapes.has(shapeOf(line));
}

/** "WEBVTT - Press briefing", "WEBVTT Press briefing" → "Press briefing". */
function headerTitle(signature: string): string | null {
  const rest = signature
    .slice("WEBVTT".length)
    .replace(/^[\s\-–—:|]+/, "")
    .trim();
  return rest === "" ? null : rest;
}

function nonCueBlock(block: CueBlock, kind: string): Cue {
  const reason = BLOCK_REASONS[kind] ?? BLOCK_REASONS.NOTE ?? "";
  return {
    label: kind,
    line: block.line,
    startMs: null,
    endMs: null,
    lines: block.lines.map((raw, index) => ({
      line: block.line + index,
      raw,
      text: raw.trim(),
      voice: null,
      removal: { code: "subtitle-block", reason },
    })),
    joinsPrevious: false,
  };
}

function isCueBlock(entry: CueBlock | Cue): entry is CueBlock {
  return !("label" in entry);
}

function isNonCue(entry: CueBlock | Cue): entry is Cue {
  return "label" in entry;
}

/** NOTE, STYLE and REGION blocks back among the cues, by line, so removed lines are reported in file order. */
function inFileOrder(cues: readonly Cue[], blocks: readonly Cue[]): Cue[] {
  return [...cues, ...blocks].sort((a, b) => firstLine(a) - firstLine(b));
}

function firstLine(cue: Cue): number {
  return cue.lines[0]?.line ?? cue.line;
}
