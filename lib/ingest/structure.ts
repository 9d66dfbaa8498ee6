// Kept lines to readable paragraphs: caption fragments and hard-wrapped lines are joined into sentence-complete
// paragraphs per speaker, breaking at a change of speaker (the turns the speaker convention read), a pause, a blank
// line, or past ~120 words; unpunctuated text (auto-captions) breaks at pauses and never runs past 150 words.
import { collapseWhitespace, countWords, endsSentence, splitSentences } from "./prose";
import type { SourceLine } from "./source";
import { speakerKey } from "./conventions/names";
import { SpeakerDirectory, speakerFromVoice } from "./speakers";
import type { ParsedSegment, ParsedSpeaker, SpeakerMerge } from "./types";

/** A paragraph closes at the first sentence end that would take it past this many words. */
const TARGET_WORDS = 120;
/** Unpunctuated text (auto-captions) has no sentence ends to wait for; it breaks before passing this. */
const MAX_WORDS = 150;
/** Shorter than this, a paragraph does not break at a short pause or for length. */
const MIN_WORDS = 40;
/** A silence longer than this between two cues starts a new paragraph. */
const LONG_PAUSE_MS = 2000;
/** A silence this long ends a paragraph that already has MIN_WORDS: where a speaker draws breath. */
const PAUSE_MS = 1000;

const ANSWER: ParsedSpeaker = { name: "Answer", title: null, role: null, outlet: null };

export interface StructureOptions {
  timed: boolean;
  /** The speaker the title names. A monologue is theirs throughout; in a Q&A they also stand behind "A:". */
  titleSpeaker: ParsedSpeaker | null;
  /** Short names to keep apart from the full name they would join (IngestInput.keepSpeakersApart). */
  keepSpeakersApart?: readonly string[];
}

export interface Structure {
  segments: ParsedSegment[];
  /** The speakers of the segments, in order of first appearance. */
  speakers: ParsedSpeaker[];
  /** Short forms joined to a full name. */
  speakerMerges: SpeakerMerge[];
}

interface Paragraph {
  speakerKey: string | null;
  parts: string[];
  words: number;
  /** The line the last part came from. */
  lastLine: SourceLine;
  standalone: boolean;
  startMs: number | null;
  endMs: number | null;
  /** Part of a turn whose label gave a time: its end is the next timed turn's start when nothing else says. */
  inTimedTurn: boolean;
  /** The time of the first timed label after this paragraph, even one whose turn has no words. */
  nextLabelMs: number | null;
}

export function buildSegments(lines: readonly SourceLine[], options: StructureOptions): Structure {
  const directory = new SpeakerDirectory();
  const titleKey = options.titleSpeaker ? directory.add(options.titleSpeaker) : null;
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  let speakerKey = titleKey;
  /** The time the current turn's label gave, for its first paragraph. */
  let turnStartMs: number | null = null;
  let inTimedTurn = false;

  for (const line of lines) {
    if (line.voice) {
      const voiceKey = directory.add(speakerFromVoice(line.voice));
      if (voiceKey !== speakerKey) current = null;
      speakerKey = voiceKey;
    }
    const turn = line.turn;
    if (turn) {
      const previous = paragraphs.at(-1);
      if (previous && previous.nextLabelMs === null) previous.nextLabelMs = turn.startMs;
      if (turn.speaker === "answer") speakerKey = titleKey ?? directory.add(ANSWER);
      else speakerKey = turn.speaker ? directory.add(turn.speaker) : null;
      turnStartMs = turn.startMs;
      inTimedTurn = turn.startMs !== null;
      current = null;
    }
    for (const piece of piecesOf(line.text)) {
      const words = countWords(piece);
      if (!current || startsNewParagraph(current, line, words, options.timed)) {
        current = {
          // A heading is nobody's words.
          speakerKey: line.standalone ? null : speakerKey,
          parts: [],
          words: 0,
          lastLine: line,
          standalone: line.standalone,
          startMs: line.startMs ?? turnStartMs,
          endMs: line.endMs,
          inTimedTurn,
          nextLabelMs: null,
        };
        turnStartMs = null;
        paragraphs.push(current);
      }
      current.parts.push(piece);
      current.words += words;
      current.lastLine = line;
      current.endMs = maxOrNull(current.endMs, line.endMs);
    }
  }
  return finish(paragraphs, directory, options.keepSpeakersApart ?? []);
}

/**
 * A line longer than a paragraph (a whole speech pasted on one line) is taken sentence by sentence, and a
 * "sentence" longer than a paragraph (unpunctuated text) in paragraph-sized runs of words.
 */
function piecesOf(text: string): string[] {
  if (text.trim() === "") return [];
  if (countWords(text) <= TARGET_WORDS) return [text];
  return splitSentences(text).flatMap((sentence) => {
    if (countWords(sentence) <= MAX_WORDS) return [sentence];
    const words = sentence.split(/\s+/);
    return Array.from({ length: Math.ceil(words.length / TARGET_WORDS) }, (_, index) =>
      words.slice(index * TARGET_WORDS, (index + 1) * TARGET_WORDS).join(" "),
    );
  });
}

function startsNewParagraph(paragraph: Paragraph, line: SourceLine, words: number, timed: boolean): boolean {
  if (paragraph.standalone || line.standalone) return true;
  const newBlock = line.block !== paragraph.lastLine.block;
  const sentenceDone = endsSentence(paragraph.parts[paragraph.parts.length - 1] ?? "");
  if (timed && newBlock && line.startMs !== null && paragraph.endMs !== null) {
    const pause = line.startMs - paragraph.endMs;
    if (pause > LONG_PAUSE_MS || (pause >= PAUSE_MS && paragraph.words >= MIN_WORDS)) return true;
  }
  // A blank line in text is a paragraph break, unless it cuts a sentence in two (a stray blank line in a paste).
  if (!timed && newBlock && sentenceDone) return true;
  // Timed paragraphs break only between cues, so no cue is split across two paragraphs' times, unless one line is
  // itself longer than a paragraph (a tool exporting a whole answer as one segment).
  const mayBreakHere = !timed || newBlock || paragraph.lastLine === line;
  if (mayBreakHere && sentenceDone && paragraph.words + words > TARGET_WORDS) return true;
  return mayBreakHere && paragraph.words >= MIN_WORDS && paragraph.words + words > MAX_WORDS;
}

function maxOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

function finish(
  paragraphs: readonly Paragraph[],
  directory: SpeakerDirectory,
  keepSpeakersApart: readonly string[],
): Structure {
  const { byKey, merges } = directory.resolve(keepSpeakersApart);
  const speakers: ParsedSpeaker[] = [];
  const times = turnTimes(paragraphs);
  const segments = paragraphs.map((paragraph, index): ParsedSegment => {
    const speaker = paragraph.speakerKey === null ? undefined : byKey.get(paragraph.speakerKey);
    if (speaker && !speakers.includes(speaker)) speakers.push(speaker);
    return {
      speaker: speaker?.name ?? null,
      text: collapseWhitespace(paragraph.parts.join(" ")),
      startMs: times[index]?.startMs ?? null,
      endMs: times[index]?.endMs ?? null,
    };
  });
  // Only a short form some paragraph was credited to is worth an undo (not one only the title named).
  const used = new Set(paragraphs.map((paragraph) => paragraph.speakerKey));
  const speakerMerges = merges.filter((merge) => used.has(speakerKey(merge.from)));
  return { segments, speakers, speakerMerges };
}

/**
 * A tool export (or a label with a time) gives each turn's start only: the turn ends where the next timed paragraph
 * starts, and a turn long enough to make several paragraphs shares that span among them by their words. The last
 * turn has no end to take: its end stays unknown rather than invented.
 */
function turnTimes(paragraphs: readonly Paragraph[]): { startMs: number | null; endMs: number | null }[] {
  const times = paragraphs.map((paragraph) => ({ startMs: paragraph.startMs, endMs: paragraph.endMs }));
  let index = 0;
  while (index < paragraphs.length) {
    const first = paragraphs[index];
    const turnStart = first?.startMs ?? null;
    if (!first?.inTimedTurn || turnStart === null || first.endMs !== null) {
      index++;
      continue;
    }
    let end = index + 1;
    while (end < paragraphs.length && paragraphs[end]?.inTimedTurn && paragraphs[end]?.startMs === null) end++;
    const turn = paragraphs.slice(index, end);
    // A turn that has a time and no words ("Marcus Lee  1:00:02" and nothing under it) still ends the one before.
    const nextStart =
      turn.at(-1)?.nextLabelMs ??
      paragraphs.slice(end).find((paragraph) => paragraph.startMs !== null)?.startMs ??
      null;
    if (nextStart !== null && nextStart >= turnStart) {
      const totalWords = turn.reduce((total, paragraph) => total + paragraph.words, 0) || 1;
      const span = nextStart - turnStart;
      let wordsBefore = 0;
      turn.forEach((paragraph, offset) => {
        const time = times[index + offset];
        if (!time) return;
        if (offset > 0) time.startMs = turnStart + Math.round((span * wordsBefore) / totalWords);
        wordsBefore += paragraph.words;
        time.endMs = offset === turn.length - 1 ? nextStart : turnStart + Math.round((span * wordsBefore) / totalWords);
      });
    }
    index = end;
  }
  return times;
}
