// Small helpers about running text shared by the stages: words, sentence ends and sentence splitting.

const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) {
    if (HAS_WORD_CHARACTER.test(token)) count++;
  }
  return count;
}

/** Terminal punctuation, possibly followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*$/u;

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd());
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Words after which a full stop does not end a sentence ("Mr. Smith", "U.S. forces", "e.g. this"). */
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof st gen sen rep gov lt col capt sgt cpl adm jr sr no nos vs etc inc ltd co corp dept approx " +
    "jan feb mar apr jun jul aug sep sept oct nov dec fig vol pp ca e.g i.e u.s u.k u.n a.m p.m"
  ).split(" "),
);

const SENTENCE_BOUNDARY = /([.!?…]+["'”’»)\]]*)\s+(?=["'“‘«(]?[\p{Lu}\p{N}])/gu;

function endsWithAbbreviation(text: string): boolean {
  const lastWord = /(\S+)\.$/.exec(text)?.[1];
  if (lastWord === undefined) return false;
  // A single capital before the stop is an initial: "J. Smith".
  return /^\p{Lu}$/u.test(lastWord) || ABBREVIATIONS.has(lastWord.toLowerCase());
}

/** Splits running text at sentence ends; good enough to find paragraph breaks, not a linguistic tokenizer. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_BOUNDARY)) {
    const end = match.index + (match[1]?.length ?? 0);
    const sentence = text.slice(start, end);
    if (endsWithAbbreviation(sentence)) continue;
    sentences.push(sentence.trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
