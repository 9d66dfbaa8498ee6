import { describe, expect, it } from "vitest";
import type { LiveNote, LiveParagraph } from "@/lib/editor/live-events";
import { applyLiveEvent, initialLiveState, liveReaderParagraphs, type LiveAction, type LiveState } from "./live-model";

function paragraph(id: string, position: number, text: string, speaker: string | null = "Holm"): LiveParagraph {
  return { id, position, speaker: speaker ? { id: `s-${speaker}`, name: speaker } : null, text, startMs: null };
}

function note(id: string, paragraphId: string, start: number, end: number, exact: string): LiveNote {
  return {
    id,
    paragraphId,
    kind: "FACTCHECK",
    start,
    end,
    exact,
    anchored: true,
    body: "",
    claim: null,
    verdict: "ACCURATE",
    sources: [],
    checker: null,
  };
}

const apply = (state: LiveState, actions: LiveAction[]) => actions.reduce(applyLiveEvent, state);

/** A small seeded generator, so a failure names its case. */
function random(seed: number) {
  let value = seed;
  return () => {
    value = (value * 1_103_515_245 + 12_345) % 2 ** 31;
    return value / 2 ** 31;
  };
}

describe("a live reading page's state", () => {
  it("ends where the events lead, whatever the page already had and however often an event arrives", () => {
    // The oracle: the last version of each paragraph, by id, minus the removed ones, sorted by position.
    const words = ["Kvarn", "4.2", "4.2", "metres", "Ærø", "Zoë", "the", "the", "1,000", "…"];
    for (let seed = 1; seed <= 200; seed += 1) {
      const next = random(seed);
      const actions: LiveAction[] = [];
      const latest = new Map<string, LiveParagraph | null>();
      for (let step = 0; step < 30; step += 1) {
        const id = `p${Math.floor(next() * 6)}`;
        const position = Number(id.slice(1)) * 10;
        if (next() < 0.15) {
          actions.push({ type: "correction", data: { paragraphId: id, removed: true } });
          latest.set(id, null);
        } else {
          const text = Array.from(
            { length: 1 + Math.floor(next() * 5) },
            () => words[Math.floor(next() * words.length)],
          ).join(" ");
          const value = paragraph(id, position, text, next() < 0.5 ? "Holm" : null);
          actions.push({ type: next() < 0.7 ? "paragraph" : "correction", data: { paragraph: value } });
          latest.set(id, value);
        }
      }
      // The page was made part-way through: it reflects a prefix, and the stream replays from a little before it.
      const cut = Math.floor(next() * actions.length);
      const page = apply(initialLiveState({ paragraphs: [], notes: [] }), actions.slice(0, cut));
      const replayFrom = Math.max(0, cut - Math.floor(next() * 5));
      const state = apply(initialLiveState({ paragraphs: page.paragraphs, notes: [] }), actions.slice(replayFrom));
      const expected = [...latest.values()]
        .filter((value): value is LiveParagraph => value !== null)
        .sort((a, b) => a.position - b.position);
      expect(state.paragraphs, `seed ${seed}`).toEqual(expected);
    }
  });

  it("marks corrected paragraphs, renames a speaker everywhere at once, and keeps only the notes readers may see", () => {
    const start = initialLiveState({
      paragraphs: [paragraph("a", 0, "The river peaked at 4.2 metres."), paragraph("b", 1, "Thank you.", "Berg")],
      notes: [note("n1", "a", 21, 24, "4.2")],
    });
    const state = apply(start, [
      { type: "correction", data: { paragraph: paragraph("b", 1, "Thank you, minister.", "Berg") } },
      { type: "speaker", data: { speaker: { id: "s-Holm", name: "Minister Holm" } } },
      { type: "annotation", data: { annotation: note("n2", "b", 0, 5, "Thank") } },
      { type: "annotation", data: { annotationId: "n1", removed: true } },
      // Malformed or unknown: nothing changes.
      { type: "annotation", data: { annotationId: 7 } },
      { type: "paragraph", data: null },
    ]);
    expect(state.corrected).toEqual({ b: true });
    expect(state.paragraphs.map((item) => item.speaker?.name)).toEqual(["Minister Holm", "Berg"]);
    expect(Object.keys(state.notes)).toEqual(["n2"]);
    expect(state.ending).toBeNull();
    expect(apply(state, [{ type: "end", data: { status: "UNPUBLISHED" } }]).ending).toEqual({ status: "UNPUBLISHED" });
  });

  it("numbers paragraphs from one and notes like footnotes: marked words in text order, then the unmarked", () => {
    const state = initialLiveState({
      paragraphs: [paragraph("b", 5, "Second paragraph here."), paragraph("a", 2, "First words, then more words.")],
      notes: [
        note("late", "a", 18, 22, "more"),
        note("early", "a", 0, 5, "First"),
        // Its words changed since: shown under the paragraph, unmarked, after the marked ones.
        note("moved", "a", 0, 5, "Fyrst"),
        note("other", "b", 0, 6, "Second"),
      ],
    });
    const paragraphs = liveReaderParagraphs(state);
    expect(paragraphs.map((item) => [item.id, item.number])).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
    expect(paragraphs[0]!.notes.map((item) => [item.id, item.number, item.isMarked])).toEqual([
      ["early", 1, true],
      ["late", 2, true],
      ["moved", 3, false],
    ]);
    expect(paragraphs[1]!.notes.map((item) => item.number)).toEqual([4]);
  });
});
