// Word-level output (AssemblyAI, Deepgram, AWS Transcribe) joined into sentences, one speaker each, with times.
import type { JsonUtterance } from "./reader";

export interface TimedWord {
  /** The word as the tool punctuates it ("said," "today."). */
  text: string;
  startMs: number | null;
  endMs: number | null;
  speaker: string | null;
}

const SENTENCE_END = /[.!?…]["'”’)\]]*$/;

/** A new utterance starts at a change of speaker and after each word that ends a sentence. */
export function wordsToSentences(words: readonly TimedWord[]): JsonUtterance[] {
  const utterances: (JsonUtterance & { words: string[] })[] = [];
  let current: (typeof utterances)[number] | null = null;
  for (const word of words) {
    if (word.text.trim() === "") continue;
    if (!current || current.speaker !== word.speaker) {
      current = { speaker: word.speaker, text: "", startMs: word.startMs, endMs: word.endMs, words: [] };
      utterances.push(current);
    }
    current.words.push(word.text.trim());
    current.endMs = word.endMs ?? current.endMs;
    if (SENTENCE_END.test(word.text.trim())) current = null;
  }
  return utterances.map(({ words: parts, ...utterance }) => ({
    ...utterance,
    text: parts.join(" "),
    anchor: parts[0],
  }));
}
