// Live captions, joined into paragraphs as they arrive (issue 19). Pure: lib/live/feed.ts stores what this decides.
// A non-final cue is speech recognition's current guess: it only replaces the previous guess (the "tail") and never
// becomes a paragraph. A final cue extends the paragraph the feed wrote last, or starts a new one on a speaker change,
// a pause longer than a breath, or the word cap: the rules uploaded meeting captions follow
// (lib/ingest/formats/subtitles.ts).
import { countWords } from "@/lib/format/text";
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

function joinText(before: string, after: string): string {
  return before ? `${before.replace(/\s+$/u, "")} ${after.replace(/^\s+/u, "")}` : after.trim();
}

/**
 * Feeds cues in order: returns the state after them and what to write, one operation per final cue with words
 * (an "extend" carries the whole paragraph as it now reads).
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
    if (continuesParagraph(last, { ...cue, text })) {
      last = {
        speaker: last!.speaker,
        text: joinText(last!.text, text),
        startMs: last!.startMs ?? cue.startMs,
        endMs: cue.endMs ?? last!.endMs,
      };
      operations.push({ kind: "extend", paragraph: last });
    } else {
      last = { speaker: cue.speaker ?? last?.speaker ?? null, text, startMs: cue.startMs, endMs: cue.endMs };
      operations.push({ kind: "new", paragraph: last });
    }
  }
  return { state: { last, tail }, operations };
}
