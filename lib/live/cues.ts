// Live captions, joined into paragraphs as they arrive (issue 19). Pure: lib/live/feed.ts stores what this decides.
// A non-final cue is speech recognition's current guess: it only replaces the previous guess (the "tail") and never
// becomes a paragraph. A final cue extends the paragraph the feed wrote last, or starts a new one on a speaker change,
// a pause longer than a breath, or the word cap: the rules uploaded meeting captions follow
// (lib/ingest/formats/subtitles.ts).
import { countWords } from "@/lib/format/text";
import { speakerFromVoice } from "@/lib/ingest/conventions/names";
import { readCueLabel } from "@/lib/ingest/formats/subtitle-speakers";
import { TURN_MAX_WORDS, TURN_PAUSE_MS } from "@/lib/ingest/formats/subtitles";

export interface LiveCue {
  /** Who speaks, when the feed knows; null continues with the current speaker. */
  speaker: string | null;
  text: string;
  startMs: number | null;
  endMs: number | null;
  /** False for a guess the recogniser may still change. */
  final: boolean;
}

/** The paragraph the feed wrote last, as far as joining needs it. */
export interface FeedParagraph {
  speaker: string | null;
  text: string;
  startMs: number | null;
  endMs: number | null;
}

export interface FeedState {
  /** The paragraph a final cue may extend; null before the first one, or once a person has edited it. */
  last: FeedParagraph | null;
  /** The latest non-final guess, shown to staff as "still being heard"; never a paragraph. */
  tail: LiveCue | null;
}

export type FeedOperation = { kind: "extend"; paragraph: FeedParagraph } | { kind: "new"; paragraph: FeedParagraph };

/** Whether a final cue continues `last` or starts a paragraph of its own. */
export function continuesParagraph(last: FeedParagraph | null, cue: LiveCue): boolean {
  if (!last) return false;
  if (cue.speaker !== null && cue.speaker !== last.speaker) return false;
  const pause = cue.startMs !== null && last.endMs !== null ? cue.startMs - last.endMs : 0;
  if (pause > TURN_PAUSE_MS) return false;
  return countWords(last.text) + countWords(cue.text) <= TURN_MAX_WORDS;
}

/** A final cue's words, split where broadcast captions say someone else speaks. */
interface Turn {
  cue: LiveCue;
  /** Begins with ">>": a new paragraph, its speaker the one named there or nobody (never the one before). */
  isNewTurn: boolean;
}

/**
 * Broadcast captions (US CEA-608, as TV stations and caption services send them) mark a change of speaker with ">>"
 * (">>>" a new story), at a cue's start or within it, and sometimes name them (">> SENATOR OKAFOR: …"): the marks
 * start paragraphs, as they do in uploaded captions (lib/ingest/formats/subtitle-speakers.ts), and are not words.
 */
function turnsOf(cue: LiveCue, text: string): Turn[] {
  if (!text.includes(">>")) return [{ cue: { ...cue, text }, isNewTurn: false }];
  const turns: Turn[] = [];
  for (const part of text.split(/(?<!>)(?=>>)/u)) {
    if (!part.startsWith(">>")) {
      if (part.trim()) turns.push({ cue: { ...cue, text: part.trim() }, isNewTurn: false });
      continue;
    }
    const label = readCueLabel(part);
    if (label.kind === "speaker") {
      // Named as an upload names them: "MAYOR ELENA GARCÍA" is Elena García.
      turns.push({ cue: { ...cue, speaker: speakerFromVoice(label.voice).name, text: label.rest }, isNewTurn: true });
    } else if (label.kind === "change") {
      // Named by the feed itself for its first turn; anyone after that is somebody else.
      const speaker = turns.length === 0 ? cue.speaker : null;
      turns.push({ cue: { ...cue, speaker, text: label.rest }, isNewTurn: true });
    }
  }
  return turns.filter((turn) => turn.cue.text);
}

function joinText(before: string, after: string): string {
  return before ? `${before.replace(/\s+$/u, "")} ${after.replace(/^\s+/u, "")}` : after.trim();
}

/**
 * Feeds cues in order: returns the state after them and what to write, one operation per final cue with words (or
 * per turn within it) (an "extend" carries the whole paragraph as it now reads).
 */
export function feedCues(
  state: FeedState,
  cues: readonly LiveCue[],
): { state: FeedState; operations: FeedOperation[] } {
  let { last, tail } = state;
  const operations: FeedOperation[] = [];
  for (const cue of cues) {
    const text = cue.text.replace(/\s+/gu, " ").trim();
    if (!cue.final) {
      tail = text ? { ...cue, text } : null;
      continue;
    }
    // A final result settles the guess before it.
    tail = null;
    if (!text) continue;
    for (const { cue: turn, isNewTurn } of turnsOf(cue, text)) {
      if (!isNewTurn && continuesParagraph(last, turn)) {
        last = {
          speaker: last!.speaker,
          text: joinText(last!.text, turn.text),
          startMs: last!.startMs ?? turn.startMs,
          endMs: turn.endMs ?? last!.endMs,
        };
        operations.push({ kind: "extend", paragraph: last });
      } else {
        const speaker = isNewTurn ? turn.speaker : (turn.speaker ?? last?.speaker ?? null);
        last = { speaker, text: turn.text, startMs: turn.startMs, endMs: turn.endMs };
        operations.push({ kind: "new", paragraph: last });
      }
    }
  }
  return { state: { last, tail }, operations };
}
