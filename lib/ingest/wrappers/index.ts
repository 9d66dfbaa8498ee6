// Document wrappers: what a typed transcript (Markdown, plain text) carries around and between the words: front
// matter, datelines and clock lines, recording timestamps and stage directions. The format parsers call these so
// every such line is either set aside with a reason the reporter can undo, or kept and marked for what it is.
import { findDate, findTitleLines, type TitleLines } from "../metadata";
import { countWords, endsSentence } from "../prose";
import { sourceLine, type ParsedSource, type Removal, type SourceLine } from "../source";
import { parseSpeakerLabel } from "../speakers";
import { isDateAndTimeLine, looksLikePlaceLine, readClockLine, startsLikeDateline } from "./datelines";
import { readFrontMatter, type FrontMatterBlock } from "./front-matter";
import { isStageDirection } from "./stage-directions";
import { formatTimecode, readLeadingTimestamp, readTimestampLine } from "./timestamps";

export type { FrontMatter } from "./front-matter";

/** Where and when, as the transcript's own dateline and clock lines state it. */
export interface Dateline {
  /** "Rose Garden"; "Aboard Air Force One, En Route Joint Base Andrews, Maryland". */
  place: string | null;
  /** The wall-clock time the event began, as written: "2:14 P.M. EDT". */
  startsAt: string | null;
  endsAt: string | null;
  /** The dateline and clock lines as written, for the date finder ("24 лютого 2024 року - 15:20"). */
  texts: string[];
}

export interface FrontMatterLines {
  block: FrontMatterBlock | null;
  /** The block's lines, set aside as front matter (blank lines inside it are skipped like any blank line). */
  lines: SourceLine[];
}

/** The front matter at the top of `text` as removed source lines; the parser reads the rest of the file. */
export function takeFrontMatter(text: string): FrontMatterLines {
  const block = readFrontMatter(text);
  if (!block) return { block: null, lines: [] };
  const kind = block.syntax.toUpperCase();
  const removal: Removal = {
    code: "front-matter",
    reason: block.fields
      ? `Front matter (${kind}), read for the title, date, place and source; not speech.`
      : `Front matter (${kind}) that could not be read; not speech.`,
  };
  const lines = text
    .split("\n", block.lineCount)
    .flatMap((raw, index) =>
      raw.trim() === "" ? [] : [sourceLine({ line: index + 1, raw, text: raw.trim(), block: 0, removal })],
    );
  return { block, lines };
}

/** How far into the file datelines are looked for: a dateline opens the transcript. */
const OPENING_LINES = 12;
/** "Aboard Air Force One" over "En Route Joint Base Andrews": a place takes one or two lines, never a headline. */
const MAX_PLACE_LINES = 2;

/**
 * Marks, in place, the lines of a typed transcript that are wrappers rather than speech: clock lines and the place
 * lines above the first one (removed as "dateline"), timestamp-only lines (removed as "timestamp", their time moved
 * to the next line), a timestamp opening a line of speech (taken off the words into the line's start time), and
 * stage directions alone on a line (kept, as their own unattributed paragraph).
 */
export function markWrapperLines(lines: SourceLine[]): Dateline | null {
  const clock = markClockLines(lines);
  const place = markPlaceLines(lines);
  markTimestamps(lines);
  for (const line of lines) {
    if (line.removal === null && isStageDirection(line.text)) line.standalone = true;
  }
  const texts = lines.flatMap((line) => (line.removal?.code === "dateline" ? [line.text] : []));
  if (texts.length === 0) return null;
  return { place, ...clock, texts };
}

function markClockLines(lines: readonly SourceLine[]): Pick<Dateline, "startsAt" | "endsAt"> {
  let startsAt: string | null = null;
  let endsAt: string | null = null;
  let position = 0;
  for (const line of lines) {
    if (line.removal !== null) continue;
    position++;
    const clock = readClockLine(line.text);
    if (!clock) {
      const isDateAndTime = isDateAndTimeLine(line.text) && parseSpeakerLabel(line.text) === null;
      if (position <= OPENING_LINES && startsAt === null && isDateAndTime) {
        line.removal = { code: "dateline", reason: "Date and clock time of the event, read as time, not speech." };
      }
      continue;
    }
    let reason = `Clock time (${clock.time}), read as time, not speech.`;
    if (clock.isEnd) {
      endsAt = clock.time;
      reason = `End of the event at ${clock.time}, read as time, not speech.`;
    } else if (startsAt === null) {
      startsAt = clock.time;
      reason = `Start of the event at ${clock.time}, read as time, not speech.`;
    }
    line.removal = { code: "dateline", reason };
  }
  return { startsAt, endsAt };
}

/**
 * Place lines are the short lines standing just above the opening clock line ("Rose Garden" over "2:14 P.M. EDT"),
 * and any short line in the opening that starts like a dateline ("Aboard Marine One"). The first line of the body
 * is the title unless it starts like a dateline, and a date line is left for the title's date line.
 */
function markPlaceLines(lines: readonly SourceLine[]): string | null {
  const opening: SourceLine[] = [];
  let firstClock: number | null = null;
  for (const line of lines) {
    if (opening.length >= OPENING_LINES) break;
    if (line.removal?.code === "dateline" && firstClock === null) firstClock = opening.length;
    if (line.removal !== null) {
      if (line.removal.code === "dateline") opening.push(line);
      continue;
    }
    // Speech has begun: no dateline comes after it.
    if (parseSpeakerLabel(line.text) !== null || (endsSentence(line.text) && countWords(line.text) > 10)) break;
    opening.push(line);
  }
  const placeLines = new Set<SourceLine>();
  const isTitlePosition = (line: SourceLine) => line === opening[0] && !startsLikeDateline(line.text);
  const isPlace = (line: SourceLine) =>
    line.removal === null && looksLikePlaceLine(line.text) && findDate(line.text) === null && !isTitlePosition(line);
  if (firstClock !== null) {
    for (let index = firstClock - 1; index >= 0 && firstClock - index <= MAX_PLACE_LINES; index--) {
      const line = opening[index];
      if (!line || !isPlace(line)) break;
      placeLines.add(line);
    }
  }
  for (const line of opening) {
    if (line.removal === null && startsLikeDateline(line.text)) placeLines.add(line);
  }
  const ordered = opening.filter((line) => placeLines.has(line));
  for (const line of ordered) {
    line.removal = { code: "dateline", reason: "Dateline: where the event took place, read as the place, not speech." };
  }
  return ordered.length > 0 ? ordered.map((line) => line.text.trim()).join(", ") : null;
}

function markTimestamps(lines: SourceLine[]): void {
  let pendingMs: number | null = null;
  let previousKept: SourceLine | null = null;
  let nextFreshBlock = Math.max(0, ...lines.map((line) => line.block)) + 1;
  lines.forEach((line, index) => {
    if (line.removal !== null) return;
    // "Q: 10:30" answers a question with a time; "Break: [34:10]" is a marker.
    const timestamp = readTimestampLine(line.text);
    if (timestamp && !(timestamp.label && parseSpeakerLabel(line.text) !== null)) {
      const time = formatTimecode(timestamp.ms);
      line.removal = {
        code: "timestamp",
        reason: timestamp.label
          ? `“${timestamp.label}” marker at ${time}, read as timing, not speech.`
          : `Timestamp ${time}, read as the start time of what follows, not speech.`,
      };
      pendingMs = timestamp.ms;
      return;
    }
    let timedHere = false;
    const leading = readLeadingTimestamp(line.text);
    // "[01:02:03] Name:" is a hearing transcript's speaker line; the speaker conventions read its time themselves.
    if (leading && parseSpeakerLabel(leading.rest) === null) {
      line.text = leading.rest;
      line.startMs ??= leading.ms;
      timedHere = true;
    }
    if (pendingMs !== null) {
      line.startMs ??= pendingMs;
      pendingMs = null;
      timedHere = true;
    }
    // A paragraph takes the start time of its first line: a timed line in the middle of a run of lines starts a
    // run of its own, so its time is not lost inside the paragraph before it.
    if (timedHere && previousKept?.block === line.block) {
      const block = line.block;
      const fresh = nextFreshBlock++;
      for (const following of lines.slice(index)) {
        if (following.block !== block) break;
        following.block = fresh;
      }
    }
    previousKept = line;
  });
}

/**
 * The title line and the date line under it, looked for among the lines the wrappers left: front matter, a
 * dateline or a timestamp at the top must not stand in the title's place.
 */
export function findTitleLinesAfterWrappers(source: ParsedSource): TitleLines {
  const indices = source.lines.flatMap((line, index) => (line.removal === null ? [index] : []));
  if (indices.length === source.lines.length) return findTitleLines(source);
  const headingIndex = source.headingIndex === null ? -1 : indices.indexOf(source.headingIndex);
  const found = findTitleLines({
    ...source,
    lines: indices.map((index) => source.lines[index]).filter((line) => line !== undefined),
    headingIndex: headingIndex < 0 ? null : headingIndex,
  });
  return {
    title: found.title === null ? null : (indices[found.title] ?? null),
    dateline: found.dateline === null ? null : (indices[found.dateline] ?? null),
  };
}
