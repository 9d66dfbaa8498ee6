import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/anchoring/test-support";
import { countWords } from "@/lib/format/text";
import { TURN_MAX_WORDS, TURN_PAUSE_MS } from "@/lib/ingest/formats/subtitles";
import { feedCues, type FeedOperation, type FeedState, type LiveCue } from "@/lib/live/cues";

const EMPTY: FeedState = { last: null, tail: null };

function final(speaker: string | null, text: string, startMs: number | null = null, endMs: number | null = null) {
  return { speaker, text, startMs, endMs, final: true } satisfies LiveCue;
}

/** The paragraphs the operations build: an "extend" replaces the last one, a "new" adds one. */
function paragraphsOf(operations: readonly FeedOperation[]) {
  const paragraphs: { speaker: string | null; text: string }[] = [];
  for (const operation of operations) {
    const { speaker, text } = operation.paragraph;
    if (operation.kind === "extend") paragraphs[paragraphs.length - 1] = { speaker, text };
    else paragraphs.push({ speaker, text });
  }
  return paragraphs;
}

describe("joining live captions", () => {
  it("extends a speaker's paragraph across breaths, and starts one on a speaker change, a long pause or the cap", () => {
    const { operations } = feedCues(EMPTY, [
      final("Jens Stoltenberg", "Good afternoon.", 0, 1_500),
      final(null, "NATO allies agreed", 3_000, 4_500),
      final("Jens Stoltenberg", "to spend 2 percent.", 5_000, 6_000),
      final("Oana Lungescu", "Questions, please.", 7_000, 8_000),
      final("Oana Lungescu", "The Ukrainian agency first.", 8_000 + TURN_PAUSE_MS + 1, 30_000),
    ]);
    expect(paragraphsOf(operations)).toEqual([
      { speaker: "Jens Stoltenberg", text: "Good afternoon. NATO allies agreed to spend 2 percent." },
      { speaker: "Oana Lungescu", text: "Questions, please." },
      { speaker: "Oana Lungescu", text: "The Ukrainian agency first." },
    ]);

    const long = Array.from({ length: TURN_MAX_WORDS - 2 }, (_, index) => `w${index}`).join(" ");
    const capped = feedCues(EMPTY, [final("A", long), final("A", "three more words")]);
    expect(capped.operations.map((operation) => operation.kind)).toEqual(["new", "new"]);
  });

  it("keeps a non-final guess as the tail only, replaced by the next guess and settled by the final result", () => {
    const first = feedCues(EMPTY, [{ speaker: "A", text: "the fisher", startMs: 0, endMs: 500, final: false }]);
    expect(first.operations).toEqual([]);
    expect(first.state.tail?.text).toBe("the fisher");
    const second = feedCues(first.state, [
      { speaker: "A", text: "the fisheries deal", startMs: 0, endMs: 900, final: false },
    ]);
    expect(second.state.tail?.text).toBe("the fisheries deal");
    const settled = feedCues(second.state, [final("A", "The fisheries deal was signed.", 0, 1_200)]);
    expect(settled.state.tail).toBeNull();
    expect(paragraphsOf(settled.operations)).toEqual([{ speaker: "A", text: "The fisheries deal was signed." }]);
  });

  it("property: any interleaving of partial results gives the paragraphs of the final results alone", () => {
    const words = ["the", "the", "quota", "2", "percent", "Україна", "Ελλάδα", "Kerch", "3,200", "fleet", "—", "naïve"];
    const speakers = ["Holm", "Okonkwo", null] as const;
    for (let seed = 1; seed <= 200; seed++) {
      const random = mulberry32(seed);
      const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
      const sentence = () => Array.from({ length: 1 + Math.floor(random() * 30) }, () => pick(words)).join(" ");
      let clock = 0;
      const finals: LiveCue[] = Array.from({ length: 1 + Math.floor(random() * 25) }, () => {
        const startMs = (clock += Math.floor(random() * 14_000));
        return final(pick(speakers), sentence(), startMs, (clock += 1_000 + Math.floor(random() * 3_000)));
      });
      const mixed: LiveCue[] = [];
      for (const cue of finals) {
        for (let guess = Math.floor(random() * 4); guess > 0; guess--) {
          mixed.push({ ...cue, text: sentence(), final: false });
        }
        mixed.push(cue);
      }
      const trailing = random() < 0.5 ? { ...finals[0]!, text: sentence(), final: false } : null;
      if (trailing) mixed.push(trailing);

      // Fed in batches of any size, the result is the same too.
      let state = EMPTY;
      const operations: FeedOperation[] = [];
      for (let at = 0; at < mixed.length;) {
        const size = 1 + Math.floor(random() * 5);
        const run = feedCues(state, mixed.slice(at, at + size));
        state = run.state;
        operations.push(...run.operations);
        at += size;
      }
      const alone = feedCues(EMPTY, finals);
      expect(paragraphsOf(operations), `seed ${seed}`).toEqual(paragraphsOf(alone.operations));
      expect(state.tail?.text ?? null, `seed ${seed}`).toBe(trailing ? trailing.text.trim() : null);

      // Oracle: every final word, in order, once; no paragraph over the cap unless one cue alone is.
      const paragraphs = paragraphsOf(operations);
      const allWords = (texts: string[]) => texts.join(" ").split(/\s+/).filter(Boolean);
      expect(allWords(paragraphs.map((paragraph) => paragraph.text)), `seed ${seed}`).toEqual(
        allWords(finals.map((cue) => cue.text)),
      );
      // Counted as the cap counts words ("—" is none).
      const longestCue = Math.max(...finals.map((cue) => countWords(cue.text)));
      for (const paragraph of paragraphs) {
        expect(countWords(paragraph.text), `seed ${seed}`).toBeLessThanOrEqual(Math.max(TURN_MAX_WORDS, longestCue));
      }
    }
  });

  it("starts a paragraph at each broadcast-caption “>>”, named when “>> NAME:” says who, and keeps no chevron", () => {
    const { operations } = feedCues(EMPTY, [
      final(null, ">> MAYOR ELENA GARCÍA: The bridge reopens Monday.", 0, 2_000),
      final(null, "Crews worked 3 nights.", 2_500, 4_000),
      final(null, ">> Will tolls go up? >> NOT THIS YEAR.", 4_500, 7_000),
      final("Anchor Lee", ">>> In other news, the harbour ferry is late again.", 7_500, 9_000),
      final(null, "More at 11 >>", 9_500, 10_000),
    ]);
    expect(paragraphsOf(operations)).toEqual([
      { speaker: "Elena García", text: "The bridge reopens Monday. Crews worked 3 nights." },
      // Unnamed turns belong to nobody, not to the mayor before them.
      { speaker: null, text: "Will tolls go up?" },
      { speaker: null, text: "NOT THIS YEAR." },
      // The feed's own speaker names the first turn of its cue.
      { speaker: "Anchor Lee", text: "In other news, the harbour ferry is late again. More at 11" },
    ]);
    expect(operations.every((operation) => !operation.paragraph.text.includes(">"))).toBe(true);
  });
});
