// A second, independent reading of a big change: the longest run of words the two texts share is matched first,
// then the same on each side of it, and so on (Ratcliff/Obershelp, as Python's difflib does). Myers' diff (runs.ts)
// maximises how many words match in order, and across moved sentences full of repeated words ("Müller’s naïve")
// it happily matches the wrong copies; matching the longest shared stretch first keeps a moved sentence whole.
// reanchor.ts anchors only where both readings agree.
import { RunList, type Run } from "./runs";

/** Words, each with the whitespace after it (so a space alone never makes a match). */
function tokens(text: string): string[] {
  return text.match(/^\s+|\S+\s*/gu) ?? [];
}

/** Past this many words on either side the quadratic worst case is not worth it: no second reading is given. */
const MAX_TOKENS = 2000;
/** Nor past this long: repeated words ("the the and the …") make every step look at every copy. */
const TIME_LIMIT_MS = 50;

interface Match {
  oldAt: number;
  newAt: number;
  size: number;
}

class Aligner {
  private readonly positions = new Map<string, number[]>();
  private readonly oldWeight: number[];

  constructor(
    private readonly oldTokens: string[],
    private readonly newTokens: string[],
  ) {
    newTokens.forEach((token, index) => {
      const list = this.positions.get(token);
      if (list) list.push(index);
      else this.positions.set(token, [index]);
    });
    this.oldWeight = [0];
    for (const token of oldTokens) this.oldWeight.push((this.oldWeight.at(-1) as number) + token.length);
  }

  /** The longest (in characters) stretch of identical tokens in old[oldLo, oldHi) and new[newLo, newHi). */
  private longest(oldLo: number, oldHi: number, newLo: number, newHi: number): Match {
    let best: Match = { oldAt: oldLo, newAt: newLo, size: 0 };
    let bestWeight = 0;
    let lengths = new Map<number, number>();
    for (let i = oldLo; i < oldHi; i++) {
      const next = new Map<number, number>();
      for (const j of this.positions.get(this.oldTokens[i] as string) ?? []) {
        if (j < newLo) continue;
        if (j >= newHi) break;
        const size = (lengths.get(j - 1) ?? 0) + 1;
        next.set(j, size);
        const weight = (this.oldWeight[i + 1] as number) - (this.oldWeight[i + 1 - size] as number);
        if (weight > bestWeight) {
          bestWeight = weight;
          best = { oldAt: i + 1 - size, newAt: j + 1 - size, size };
        }
      }
      lengths = next;
    }
    return best;
  }

  /** Every matched stretch, in order; undefined when it takes too long. */
  matches(deadline: number): Match[] | undefined {
    const found: Match[] = [];
    const queue: [number, number, number, number][] = [[0, this.oldTokens.length, 0, this.newTokens.length]];
    while (queue.length > 0) {
      if (performance.now() > deadline) return undefined;
      const [oldLo, oldHi, newLo, newHi] = queue.pop() as [number, number, number, number];
      if (oldLo >= oldHi || newLo >= newHi) continue;
      const match = this.longest(oldLo, oldHi, newLo, newHi);
      if (match.size === 0) continue;
      found.push(match);
      queue.push([oldLo, match.oldAt, newLo, match.newAt]);
      queue.push([match.oldAt + match.size, oldHi, match.newAt + match.size, newHi]);
    }
    return found.sort((a, b) => a.oldAt - b.oldAt);
  }
}

/** The longest-match alignment of two texts as runs, or undefined when they are too big to align this way. */
export function longestMatchRuns(oldText: string, newText: string): Run[] | undefined {
  const oldTokens = tokens(oldText);
  const newTokens = tokens(newText);
  if (oldTokens.length > MAX_TOKENS || newTokens.length > MAX_TOKENS) return undefined;
  const lengthOf = (list: string[], from: number, to: number) => {
    let length = 0;
    for (let index = from; index < to; index++) length += (list[index] as string).length;
    return length;
  };
  const matches = new Aligner(oldTokens, newTokens).matches(performance.now() + TIME_LIMIT_MS);
  if (!matches) return undefined;
  const list = new RunList();
  let oldAt = 0;
  let newAt = 0;
  for (const match of matches) {
    list.add(false, lengthOf(oldTokens, oldAt, match.oldAt), lengthOf(newTokens, newAt, match.newAt));
    const length = lengthOf(oldTokens, match.oldAt, match.oldAt + match.size);
    list.add(true, length, length);
    oldAt = match.oldAt + match.size;
    newAt = match.newAt + match.size;
  }
  list.add(false, lengthOf(oldTokens, oldAt, oldTokens.length), lengthOf(newTokens, newAt, newTokens.length));
  // No folding of short matches here: each is the longest stretch left, whole words, never letters that coincide.
  return list.runs;
}
