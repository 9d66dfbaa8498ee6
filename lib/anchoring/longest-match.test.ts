import { describe, expect, it } from "vitest";
import { longestMatchRuns } from "./longest-match";

/** The texts' characters the runs account for, each side in order (every character exactly once). */
function sides(oldText: string, newText: string, runs: NonNullable<ReturnType<typeof longestMatchRuns>>) {
  return {
    old: runs.map((run) => oldText.slice(run.oldStart, run.oldEnd)).join(""),
    new: runs.map((run) => newText.slice(run.newStart, run.newEnd)).join(""),
  };
}

describe("longestMatchRuns", () => {
  it("keeps a moved sentence whole instead of matching its repeated words with another sentence's", () => {
    const before = "Müller’s naïve plan. Müller’s naïve Bérubé plan was the plan of Müller’s naïve office";
    const after = "Müller’s naïve Bérubé plan was the plan of Müller’s naïve office Müller’s naïve plan.";
    const runs = longestMatchRuns(before, after)!;
    expect(sides(before, after, runs)).toEqual({ old: before, new: after });
    const kept = runs.filter((run) => run.same);
    const longest = kept.reduce((a, b) => (b.oldEnd - b.oldStart > a.oldEnd - a.oldStart ? b : a));
    // (The last word differs by the space after it: words are compared with their spacing.)
    expect(before.slice(longest.oldStart, longest.oldEnd)).toBe(
      "Müller’s naïve Bérubé plan was the plan of Müller’s naïve ",
    );
    expect(longest.newStart).toBe(0);
  });

  it("matches whole words only: a changed word is replaced, not matched letter by letter", () => {
    const runs = longestMatchRuns("the alliance is strnog today", "the alliance is strong today")!;
    expect(runs.map((run) => [run.same, run.oldEnd - run.oldStart, run.newEnd - run.newStart])).toEqual([
      [true, 16, 16],
      [false, 7, 7],
      [true, 5, 5],
    ]);
  });

  it("gives no reading for texts too long to align this way", () => {
    const long = "word ".repeat(2_500);
    expect(longestMatchRuns(long, `${long}more`)).toBeUndefined();
  });
});
