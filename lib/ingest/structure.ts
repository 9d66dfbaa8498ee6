// Kept lines to readable paragraphs: caption fragments and hard-wrapped lines are joined into sentence-complete
// paragraphs per speaker, breaking at a change of speaker, a long pause, a blank line, or past ~120 words.
import { collapseWhitespace, countWords, endsSentence, splitSentences } from "./prose";
import type { SourceLine } from "./source";
import { parseSpeakerLabel, SpeakerDirectory, speakerFromVoice } from "./speakers";
import type { ParsedSegment, ParsedSpeaker } from "./types";

/** A paragraph closes at the first sentence end that would take it past this many words. */
const TARGET_WORDS = 120;
/** Unpunctuated text (auto-captions) has no sentence ends to wait for; it still breaks here. */
const MAX_WORDS = 250;
/** A silence longer than this between two cues starts a new paragraph. */
const LONG_PAUSE_MS = 2000;

const ANSWER: ParsedSpeaker = { name: "Answer", title: null, role: null, outlet: null };

export interface StructureOptions {
  timed: boolean;
  /** The speaker the title names. A monologue is theirs throughout; in a Q&A they also stand behind "A:". */
  titleSpeaker: ParsedSpeaker | null;
}

export interface Structure {
  segments: ParsedSegment[];
  /** The speakers of the segments, in order of first appearance. */
  speakers: ParsedSpeaker[];
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
}

export function buildSegments(lines: readonly SourceLine[], options: StructureOptions): Structure {
  const directory = new SpeakerDirectory();
  const titleKey = options.titleSpeaker ? directory.add(options.titleSpeaker) : null;
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  let speakerKey = titleKey;

  for (const line of lines) {
    let text = line.text;
    if (line.voice) {
      const voiceKey = directory.add(speakerFromVoice(line.voice));
      if (voiceKey !== speakerKey) current = null;
      speakerKey = voiceKey;
    }
    const label = parseSpeakerLabel(text);
    if (label) {
      if (label.kind === "named") speakerKey = directory.add(label.speaker);
      else if (label.kind === "answer") speakerKey = titleKey ?? directory.add(ANSWER);
      else speakerKey = null;
      text = label.rest;
      current = null;
    }
    for (const piece of piecesOf(text)) {
      const words = countWords(piece);
      if (!current || startsNewParagraph(current, line, words, options.timed)) {
        current = {
          // A heading is nobody's words.
          speakerKey: line.standalone ? null : speakerKey,
          parts: [],
          words: 0,
          lastLine: line,
          standalone: line.standalone,
          startMs: line.startMs,
          endMs: line.endMs,
        };
        paragraphs.push(current);
      }
      current.parts.push(piece);
      current.words += words;
      current.lastLine = line;
      current.endMs = maxOrNull(current.endMs, line.endMs);
    }
  }
  return finish(paragraphs, directory);
}

/** A line longer than a paragraph (a whole speech pasted on one line) is taken sentence by sentence. */
function piecesOf(text: string): string[] {
  if (text.trim() === "") return [];
  return countWords(text) > TARGET_WORDS ? splitSentences(text) : [text];
}

function startsNewParagraph(paragraph: Paragraph, line: SourceLine, words: number, timed: boolean): boolean {
  if (paragraph.standalone || line.standalone) return true;
  const newBlock = line.block !== paragraph.lastLine.block;
  const sentenceDone = endsSentence(paragraph.parts[paragraph.parts.length - 1] ?? "");
  if (timed && newBlock && line.startMs !== null && paragraph.endMs !== null) {
    if (line.startMs - paragraph.endMs > LONG_PAUSE_MS) return true;
  }
  // A blank line in text is a paragraph break, unless it cuts a sentence in two (a stray blank line in a paste).
  if (!timed && newBlock && sentenceDone) return true;
  // Timed paragraphs break only between cues, so no cue is split across two paragraphs' times, unless one line is
  // itself longer than a paragraph (a tool exporting a whole answer as one segment).
  const mayBreakHere = !timed || newBlock || paragraph.lastLine === line;
  if (mayBreakHere && sentenceDone && paragraph.words + words > TARGET_WORDS) return true;
  return mayBreakHere && paragraph.words >= MAX_WORDS;
}

function maxOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

function finish(paragraphs: readonly Paragraph[], directory: SpeakerDirectory): Structure {
  const speakersByKey = directory.resolve();
  const speakers: ParsedSpeaker[] = [];
  const segments = paragraphs.map((paragraph): ParsedSegment => {
    const speaker = paragraph.speakerKey === null ? undefined : speakersByKey.get(paragraph.speakerKey);
    if (speaker && !speakers.includes(speaker)) speakers.push(speaker);
    return {
      speaker: speaker?.name ?? null,
      text: collapseWhitespace(paragraph.parts.join(" ")),
      startMs: paragraph.startMs,
      endMs: paragraph.endMs,
    };
  });
  return { segments, speakers };
}
