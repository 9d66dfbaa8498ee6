// Streaming speech recognition writes what it has heard so far, again and again: "the" / "the minister" / "the
// minister said", a revised guess from the same start, the final sentence re-sent with an earlier timestamp. Shared
// by subtitle cues and streaming JSON results: the fullest version of each utterance is kept, and every superseded
// or repeated emission is marked removed (so the reporter sees it and can put it back), never silently dropped.

export interface Emission {
  /** The words, markup removed. */
  text: string;
  startMs: number | null;
  endMs: number | null;
}

export type StreamVerdict =
  /** Kept: the fullest version. */
  | { kind: "kept" }
  /** A partial that a later emission (index) extends or revises. */
  | { kind: "superseded"; by: number }
  /** Repeats what an earlier kept emission (index) already says. */
  | { kind: "repeat"; of: number };

/** Two emissions starting this close together are guesses at the same utterance. */
const SAME_START_MS = 150;
/** A growing emission may start a little after the one it extends ends (when each is stamped on emission). */
const EXTENSION_GAP_MS = 1500;
/** How many kept emissions back a re-sent one is looked for. */
const LOOKBACK = 6;

export function comparableWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}'’-]/gu, ""))
    .filter(Boolean);
}

function startsWithWords(words: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length > 0 && prefix.length <= words.length && prefix.every((word, index) => words[index] === word);
}

function sameStart(a: Emission, b: Emission): boolean {
  return a.startMs !== null && b.startMs !== null && Math.abs(a.startMs - b.startMs) <= SAME_START_MS;
}

function follows(later: Emission, earlier: Emission, gapMs: number): boolean {
  if (later.startMs === null || earlier.endMs === null) return true;
  return later.startMs <= earlier.endMs + gapMs;
}

/** `next` is a fuller (or revised) version of `previous`. */
function extends_(next: Emission, nextWords: string[], previous: Emission, previousWords: string[]): boolean {
  if (nextWords.length < previousWords.length) return false;
  if (startsWithWords(nextWords, previousWords)) return follows(next, previous, EXTENSION_GAP_MS);
  return sameStart(next, previous);
}

/**
 * True when most consecutive emissions extend or repeat the one before for the file to be streaming output. An
 * ordinary subtitle file where someone says "No." twice, or starts a cue with the last cue's words, stays untouched.
 */
export function looksLikeStreaming(emissions: readonly Emission[]): boolean {
  let pairs = 0;
  let growing = 0;
  let longer = 0;
  for (let index = 1; index < emissions.length; index++) {
    const previous = emissions[index - 1] as Emission;
    const next = emissions[index] as Emission;
    const previousWords = comparableWords(previous.text);
    const nextWords = comparableWords(next.text);
    if (previousWords.length === 0 || nextWords.length === 0) continue;
    pairs++;
    if (extends_(next, nextWords, previous, previousWords) || startsWithWords(previousWords, nextWords)) growing++;
    const grew = startsWithWords(nextWords, previousWords) || sameStart(next, previous);
    if (nextWords.length > previousWords.length && grew) longer++;
  }
  // Most neighbours repeat or extend each other, and some really grow: "No." / "No." / "No, I said no." in a film
  // is one exchange, not a stream.
  return growing >= 3 && growing >= pairs / 2 && longer >= 3;
}

/** A verdict per emission, in order. Call only on streaming output (see `looksLikeStreaming`). */
export function judgeEmissions(emissions: readonly Emission[]): StreamVerdict[] {
  const verdicts: StreamVerdict[] = emissions.map(() => ({ kind: "kept" }));
  const words = emissions.map((emission) => comparableWords(emission.text));
  const kept: number[] = [];
  emissions.forEach((emission, index) => {
    const own = words[index] ?? [];
    if (own.length === 0) return;
    const latest = kept.at(-1);
    if (latest !== undefined) {
      const latestEmission = emissions[latest] as Emission;
      if (extends_(emission, own, latestEmission, words[latest] ?? []) && !sameWords(own, words[latest] ?? [])) {
        verdicts[latest] = { kind: "superseded", by: index };
        kept[kept.length - 1] = index;
        return;
      }
    }
    // Re-sent: words a recent emission already holds (all of it, its start or its end), starting inside or before
    // its span (timestamps going backwards).
    const original = kept
      .slice(-LOOKBACK)
      .reverse()
      .find(
        (keptIndex) =>
          containsWords(words[keptIndex] ?? [], own) && follows(emission, emissions[keptIndex] as Emission, 0),
      );
    if (original !== undefined) {
      verdicts[index] = { kind: "repeat", of: original };
      return;
    }
    kept.push(index);
  });
  return verdicts;
}

function containsWords(words: readonly string[], part: readonly string[]): boolean {
  if (part.length === 0 || part.length > words.length) return false;
  for (let start = 0; start + part.length <= words.length; start++) {
    if (part.every((word, index) => words[start + index] === word)) return true;
  }
  return false;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, index) => word === b[index]);
}

/** Cues [start, end) of one version of a transcript that is re-sent whole. */
export interface TranscriptVersion {
  start: number;
  end: number;
}

/** A re-sent version starts again this close to the first cue's start. */
export const RESTART_MS = 1000;
/** How many opening words each version must share with the one before. */
const SHARED_OPENING_WORDS = 3;
/** A version with fewer words than this share of the longest one is unfinished (a write cut short). */
const COMPLETE_SHARE = 0.9;

/**
 * Streaming recognisers that write the whole transcript so far on every update, cue numbers still rising and times
 * starting again from zero: "the minister said." / "the minister said." "We will…". Finds the versions (at least three,
 * two of several cues, each opening with the words of the one before) and the last complete one; null otherwise.
 */
export function findResentTranscripts(
  emissions: readonly Emission[],
): { versions: TranscriptVersion[]; kept: number } | null {
  const firstStart = emissions.find((emission) => emission.startMs !== null)?.startMs ?? null;
  if (firstStart === null) return null;
  const versions: TranscriptVersion[] = [{ start: 0, end: emissions.length }];
  let latestEnd: number | null = null;
  emissions.forEach((emission, index) => {
    const goesBack = emission.startMs !== null && latestEnd !== null && emission.startMs < latestEnd;
    if (index > 0 && goesBack && (emission.startMs ?? 0) <= firstStart + RESTART_MS) {
      (versions.at(-1) as TranscriptVersion).end = index;
      versions.push({ start: index, end: emissions.length });
    }
    if (emission.endMs !== null) latestEnd = Math.max(latestEnd ?? emission.endMs, emission.endMs);
  });
  // A version of one cue is one utterance growing from its start, which judgeEmissions reads cue by cue.
  const multiCue = versions.filter((version) => version.end - version.start >= 2).length;
  if (versions.length < 3 || multiCue < 2) return null;
  const words = versions.map((version) =>
    comparableWords(
      emissions
        .slice(version.start, version.end)
        .map((emission) => emission.text)
        .join(" "),
    ),
  );
  let continuing = 0;
  for (let index = 1; index < words.length; index++) {
    const previous = words[index - 1] ?? [];
    const opening = previous.slice(0, Math.min(SHARED_OPENING_WORDS, previous.length));
    if (startsWithWords(words[index] ?? [], opening)) continuing++;
  }
  if (continuing * 5 < (versions.length - 1) * 4) return null;
  const longest = Math.max(...words.map((version) => version.length));
  let kept = versions.length - 1;
  while (kept > 0 && (words[kept]?.length ?? 0) < longest * COMPLETE_SHARE) kept--;
  return { versions, kept };
}
