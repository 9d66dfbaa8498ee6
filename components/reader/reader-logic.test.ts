import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AnnotatedText } from "./annotated-text";
import { matchReaderShortcut, targetNoteIndex, type KeyPress } from "./annotation-navigation";
import { correctionExcerpt } from "./correction-excerpt";
import { paragraphChanges } from "./paragraph-changes";
import { buildReadingModel, type NumberedAnnotation } from "./reading-model";
import { addressWithSpeaker, filterAnnouncement, speakerFromSearch } from "./speaker-filter";
import { makePublicTranscript } from "@/lib/publishing/test-fixture";

function note(id: string, start: number, end: number, number: number): NumberedAnnotation {
  const fixture = makePublicTranscript().annotations[0]!;
  return { ...fixture, id, start, end, number, paragraphNumber: 1, isMarked: true, kind: "CONTEXT" };
}

describe("annotated text", () => {
  it("keeps every character and links each run to the innermost note where notes overlap", () => {
    const text = "alpha beta gamma delta";
    const html = renderToStaticMarkup(
      createElement(AnnotatedText, { text, annotations: [note("outer", 0, 16, 1), note("inner", 6, 10, 2)] }),
    );
    expect(html.replace(/<[^>]+>/g, "")).toBe(text);
    expect(html).toMatch(/<a href="#note-outer" id="ref-outer"[^>]*>alpha <\/a>/);
    expect(html).toMatch(/<a href="#note-inner" id="ref-inner" data-note="2"[^>]*>beta<\/a>/);
    expect(html).toMatch(/<a href="#note-outer" data-note="1"[^>]*> gamma<\/a>/);
  });

  it("gives a note hidden under another of the same words its own numbered link", () => {
    const html = renderToStaticMarkup(
      createElement(AnnotatedText, { text: "same words", annotations: [note("a", 0, 10, 1), note("b", 0, 10, 2)] }),
    );
    expect(html).toContain('href="#note-a" id="ref-a"');
    expect(html).toMatch(/<a href="#note-b" id="ref-b" data-note="2" aria-label="Note 2"/);
  });
});

describe("reading model", () => {
  it("numbers paragraphs from one and notes in reading order, unanchored ones after the marked ones", () => {
    const base = makePublicTranscript();
    const fact = base.annotations[0]!;
    const model = buildReadingModel(
      makePublicTranscript({
        annotations: [
          { ...fact, id: "late", start: 16, end: 22, exact: "Russia" },
          { ...fact, id: "orphan", anchored: false },
          { ...fact, id: "early", start: 0, end: 4, exact: "Good" },
        ],
      }),
    );
    expect(model.paragraphs.map((paragraph) => paragraph.number)).toEqual([1, 2, 3]);
    expect(model.annotations.map((annotation) => [annotation.id, annotation.number, annotation.isMarked])).toEqual([
      ["early", 1, true],
      ["late", 2, true],
      ["orphan", 3, false],
    ]);
  });

  it("does not mark words whose offsets no longer select them", () => {
    const fact = makePublicTranscript().annotations[0]!;
    const model = buildReadingModel(makePublicTranscript({ annotations: [{ ...fact, start: 0, end: 6 }] }));
    expect(model.annotations[0]!.isMarked).toBe(false);
  });

  it("counts each speaker's paragraphs", () => {
    const model = buildReadingModel(makePublicTranscript());
    expect(model.speakerCounts.map(({ speaker, paragraphs }) => [speaker.name, paragraphs])).toEqual([
      ["Jens Stoltenberg", 2],
      ["Ana Ribeiro", 1],
    ]);
    expect(
      filterAnnouncement({ id: "sp_js", name: "Jens Stoltenberg", paragraphs: 2, slug: "jens-stoltenberg" }, 3),
    ).toBe("Showing 2 paragraphs by Jens Stoltenberg");
    expect(filterAnnouncement(null, 3)).toBe("Showing all 3 paragraphs");
  });
});

describe("a filtered view in the address", () => {
  const speakers = [
    { id: "sp_js", name: "Jens Stoltenberg", paragraphs: 2, slug: "jens-stoltenberg" },
    { id: "sp_ua", name: "Олена Коваль", paragraphs: 1, slug: "olena-koval" },
  ];

  it("opens on the speaker the address names, and on everyone for a name it does not know", () => {
    expect(speakerFromSearch("?speaker=olena-koval", speakers)?.id).toBe("sp_ua");
    expect(speakerFromSearch("?utm_source=x&speaker=jens-stoltenberg", speakers)?.id).toBe("sp_js");
    expect(speakerFromSearch("?speaker=someone-else", speakers)).toBeNull();
    expect(speakerFromSearch("?speaker=", speakers)).toBeNull();
    expect(speakerFromSearch("", speakers)).toBeNull();
  });

  it("puts the speaker in the address and takes it out, keeping the rest and the fragment", () => {
    expect(addressWithSpeaker("https://news.example/t/nato?utm_source=x#p-3", "jens-stoltenberg")).toBe(
      "/t/nato?utm_source=x&speaker=jens-stoltenberg#p-3",
    );
    expect(addressWithSpeaker("https://news.example/t/nato?speaker=jens-stoltenberg", "olena-koval")).toBe(
      "/t/nato?speaker=olena-koval",
    );
    expect(addressWithSpeaker("https://news.example/t/nato/part/2?speaker=olena-koval#p-600", null)).toBe(
      "/t/nato/part/2#p-600",
    );
  });
});

describe("correction excerpt", () => {
  it("shows the changed words with a few words of context either side", () => {
    const excerpt = correctionExcerpt(
      "one two three four five six seven eight nine ten",
      "one two three four five SIX seven eight nine ten",
      2,
    );
    expect(excerpt.isTrimmedStart).toBe(true);
    expect(excerpt.isTrimmedEnd).toBe(true);
    expect(excerpt.before.map((part) => part.text).join("")).toBe("four five six seven eight");
    expect(excerpt.after.map((part) => part.text).join("")).toBe("four five SIX seven eight");
    expect(excerpt.before.find((part) => part.kind === "removed")?.text).toBe("six");
    expect(excerpt.after.find((part) => part.kind === "added")?.text).toBe("SIX");
  });

  it("shows the sentence the change is in, not the paragraph around it", () => {
    const before =
      "Good afternoon. The fisheries agreement was signed in Bergen on Tuesday, after two years of talks. " +
      "Quotas rise by two percent next year. We take questions now.";
    const after = before.replace("Tuesday", "Monday");
    const excerpt = correctionExcerpt(before, after);
    expect(excerpt.before.map((part) => part.text).join("")).toBe(
      "The fisheries agreement was signed in Bergen on Tuesday, after two years of talks.",
    );
    expect(excerpt.after.map((part) => part.text).join("")).toBe(
      "The fisheries agreement was signed in Bergen on Monday, after two years of talks.",
    );
    // Cut where sentences end: no "…" needed (the screenshots showed “Monday.…”).
    expect([excerpt.isTrimmedStart, excerpt.isTrimmedEnd]).toEqual([false, false]);
    const atEnd = correctionExcerpt("We met on Tuesday. Quotas rise.", "We met on Monday. Quotas rise.");
    expect(atEnd.after.map((part) => part.text).join("")).toBe("We met on Monday.");
    expect(atEnd.isTrimmedEnd).toBe(false);
    // A change at the very start or end of a sentence, with closing quotes.
    const quoted = correctionExcerpt("He said “no.” Then he left the room.", "He said “never.” Then he left the room.");
    expect(quoted.after.map((part) => part.text).join("")).toBe("He said “never.”");
  });

  it("stops at 20 words either side of the change when its sentence goes on", () => {
    const words = Array.from({ length: 60 }, (_, index) => `w${index}`);
    const before = words.join(" ");
    const after = [...words.slice(0, 30), "CHANGED", ...words.slice(31)].join(" ");
    const excerpt = correctionExcerpt(before, after);
    expect(excerpt.after.map((part) => part.text).join("")).toBe(
      [...words.slice(10, 30), "CHANGED", ...words.slice(31, 51)].join(" "),
    );
    // Cut inside the sentence: "…" on both sides.
    expect([excerpt.isTrimmedStart, excerpt.isTrimmedEnd]).toEqual([true, true]);
  });

  it("keeps a short paragraph whole", () => {
    const excerpt = correctionExcerpt("Allies spend two per cent.", "Allies spend two percent.");
    expect(excerpt.isTrimmedStart || excerpt.isTrimmedEnd).toBe(false);
    expect(excerpt.before.map((part) => part.text).join("")).toBe("Allies spend two per cent.");
    expect(excerpt.after.map((part) => part.text).join("")).toBe("Allies spend two percent.");
  });
});

describe("changes since publication", () => {
  it("lists changed, added and removed paragraphs in order, with word diffs", () => {
    const segment = (id: string, text: string) => ({ id, text, speakerId: null, startMs: null, endMs: null });
    const first = { segments: [segment("a", "same"), segment("b", "old words"), segment("c", "gone")] };
    const current = { segments: [segment("a", "same"), segment("b", "new words"), segment("d", "fresh")] };
    const changes = paragraphChanges(first, current);
    expect(changes.map((change) => [change.segmentId, change.kind, change.number, change.firstNumber])).toEqual([
      ["b", "changed", 2, 2],
      ["c", "removed", null, 3],
      ["d", "added", 3, null],
    ]);
    expect(changes[0]!.parts).toEqual([
      { kind: "removed", text: "old" },
      { kind: "added", text: "new" },
      { kind: "same", text: " words" },
    ]);
  });
});

describe("note shortcuts", () => {
  const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target: { tagName: "BODY" },
    ...extra,
  });

  it("reads n, j, p, k and ? but not in fields or with modifiers", () => {
    expect(matchReaderShortcut(press("n"))).toBe("next");
    expect(matchReaderShortcut(press("j"))).toBe("next");
    expect(matchReaderShortcut(press("p"))).toBe("previous");
    expect(matchReaderShortcut(press("k"))).toBe("previous");
    expect(matchReaderShortcut(press("?"))).toBe("help");
    expect(matchReaderShortcut(press("n", { target: { tagName: "INPUT" } }))).toBeNull();
    expect(matchReaderShortcut(press("n", { target: { tagName: "select" } }))).toBeNull();
    expect(matchReaderShortcut(press("n", { target: { tagName: "DIV", isContentEditable: true } }))).toBeNull();
    expect(matchReaderShortcut(press("p", { ctrlKey: true }))).toBeNull();
    expect(matchReaderShortcut(press("x"))).toBeNull();
  });

  it("moves from the focused note, or from the top of the window when none has focus", () => {
    const tops = [-300, -20, 150, 900];
    expect(targetNoteIndex(tops, 1, "next")).toBe(2);
    expect(targetNoteIndex(tops, 0, "previous")).toBeNull();
    expect(targetNoteIndex(tops, 3, "next")).toBeNull();
    expect(targetNoteIndex(tops, null, "next")).toBe(2);
    expect(targetNoteIndex(tops, null, "previous")).toBe(1);
    expect(targetNoteIndex(tops, null, "next", 200)).toBe(3);
    expect(targetNoteIndex([], null, "next")).toBeNull();
  });
});
