import { describe, expect, it } from "vitest";
import { reanchor } from "./reanchor";
import { quoteSelector } from "./selectors";
import { mulberry32 } from "./test-support";

// Words that repeat letters of each other ("s", "st", "strnog") make the character diff's choices ambiguous on purpose.
const WORDS = (
  "the alliance is strong Stoltenberg said that members would meet in Vilnius a an and at strnog NATO NATO's " +
  "café Müller naïve Київ Зеленський сказав вистоїмо 😀 🇺🇦 — «так» s st tt ss is, the."
).split(" ");

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function integer(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Offsets that do not fall inside a surrogate pair (the diff works in code points, and so do real edits). */
function boundaries(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) {
    const low = text.charCodeAt(i);
    if (!(i > 0 && low >= 0xdc00 && low <= 0xdfff)) out.push(i);
  }
  return out;
}

/** Random words, or random letters picked from the words (repeated letters next to the range are the hard case). */
function randomInsert(random: Random): string {
  if (random() < 0.5) return Array.from({ length: integer(random, 1, 3) }, () => pick(random, WORDS)).join(" ") + " ";
  return Array.from({ length: integer(random, 1, 4) }, () => pick(random, [...pick(random, WORDS)])).join("");
}

interface Case {
  text: string;
  start: number;
  end: number;
  edited: string;
  expected: { start: number; end: number };
}

/** A paragraph, a range of whole words in it, and one random edit outside the range (touching its edges is fine). */
function randomCase(random: Random): Case {
  const words = Array.from({ length: integer(random, 8, 40) }, () => pick(random, WORDS));
  const text = words.join(" ");
  const first = integer(random, 0, words.length - 1);
  const last = Math.min(words.length - 1, first + integer(random, 0, 3));
  const start = words.slice(0, first).join(" ").length + (first > 0 ? 1 : 0);
  const end = start + words.slice(first, last + 1).join(" ").length;
  const before = random() < 0.5 && start > 0;
  const side = before ? boundaries(text, 0, start) : boundaries(text, end, text.length);
  let from = pick(random, side);
  let to = pick(random, side);
  if (from > to) [from, to] = [to, from];
  const kind = pick(random, ["insert", "delete", "replace"] as const);
  if (kind === "insert") to = from;
  const inserted = kind === "delete" ? "" : randomInsert(random);
  const edited = text.slice(0, from) + inserted + text.slice(to);
  const shift = before ? inserted.length - (to - from) : 0;
  return { text, start, end, edited, expected: { start: start + shift, end: end + shift } };
}

describe("random edits outside the range", () => {
  it("always keep the same quoted words anchored, at the shifted offsets (500 seeded cases)", () => {
    const random = mulberry32(20240611);
    let realEdits = 0;
    for (let i = 0; i < 500; i++) {
      const { text, start, end, edited, expected } = randomCase(random);
      if (edited !== text) realEdits++;
      const quote = quoteSelector(text, { start, end });
      const result = reanchor(text, edited, { start, end, quote });
      const reads = edited.slice(result.start, result.end);
      expect({ i, text, edited, status: result.status, reads }).toEqual({
        i,
        text,
        edited,
        status: "anchored",
        reads: quote.exact,
      });
      // When the words occur more than once ("members" inserted before "members") a character diff cannot tell
      // which copy is the original; both read the same. Otherwise the offsets must be exactly the shifted ones.
      if (edited.indexOf(quote.exact) === edited.lastIndexOf(quote.exact)) {
        expect({ i, start: result.start, end: result.end }).toEqual({ i, ...expected });
      }
    }
    expect(realEdits).toBeGreaterThan(450);
  });
});
