import { describe, expect, it } from "vitest";
import { ingestFixture, speechOf } from "@/lib/ingest/test-support/fixtures";
import {
  keptLinesNotYetInText,
  mergeTargets,
  paragraphsToShow,
  removedLinesToList,
  speakerNameChanges,
  wordCountWithKeptLines,
} from "./preview-choices";

const NATO = "nato-press-conference-2019-02-14.txt";
/** "Connect with NATO online:", in the channel footer after the last words spoken. */
const CONNECT = 6;
/** "Follow @NATO on TWITTER: [ Ссылка ]". */
const TWITTER = 9;

describe("the word count with kept lines", () => {
  it("adds a ticked line's words at once, and equals the re-parse's own count when that arrives", async () => {
    const first = await ingestFixture(NATO);
    const keep = new Set([CONNECT, TWITTER]);
    const all = removedLinesToList(first.removed, first.removed);

    const atOnce = wordCountWithKeptLines(first, all, keep);
    // "Connect with NATO online:" is 4 words, "Follow @NATO on TWITTER: [ Ссылка ]" 5 ("[" and "]" are not words).
    expect(atOnce).toBe(first.wordCount + 4 + 5);

    const reparsed = await ingestFixture(NATO, [CONNECT, TWITTER]);
    expect(reparsed.wordCount).toBe(atOnce);
    expect(wordCountWithKeptLines(reparsed, removedLinesToList(first.removed, reparsed.removed), keep)).toBe(atOnce);
  });

  it("takes an unticked line's words away before the next re-parse arrives", async () => {
    const first = await ingestFixture(NATO);
    const reparsed = await ingestFixture(NATO, [CONNECT, TWITTER]);
    const all = removedLinesToList(first.removed, reparsed.removed);
    // The reporter unticks the Twitter line; the latest parse still has it in the text.
    expect(wordCountWithKeptLines(reparsed, all, new Set([CONNECT]))).toBe(first.wordCount + 4);
    expect(wordCountWithKeptLines(reparsed, all, new Set())).toBe(first.wordCount);
  });
});

describe("the removed lines listed", () => {
  it("lists every removed line, kept or not, once, in file order", async () => {
    const first = await ingestFixture(NATO);
    const reparsed = await ingestFixture(NATO, [CONNECT]);
    expect(reparsed.removed.some((line) => line.id === CONNECT)).toBe(false);
    const listed = removedLinesToList(first.removed, reparsed.removed);
    expect(listed).toEqual(first.removed);
    expect(listed.map((line) => line.id)).toEqual(Array.from({ length: 15 }, (_, index) => index + 1));
  });

  it("names the ticked lines the latest parse has not put back yet", async () => {
    const first = await ingestFixture(NATO);
    expect(keptLinesNotYetInText(first, new Set([CONNECT])).map((line) => line.text)).toEqual([
      "Connect with NATO online:",
    ]);
    const reparsed = await ingestFixture(NATO, [CONNECT]);
    expect(keptLinesNotYetInText(reparsed, new Set([CONNECT]))).toEqual([]);
  });
});

describe("the paragraphs shown", () => {
  it("shows the opening, and the far paragraph where a kept footer line landed", async () => {
    const first = await ingestFixture(NATO);
    const reparsed = await ingestFixture(NATO, [CONNECT]);
    expect(speechOf(reparsed)).toContain("Connect with NATO online:");
    const connect = first.removed.filter((line) => line.id === CONNECT);
    const shown = paragraphsToShow(reparsed.segments, connect, 2);
    const last = reparsed.segments.length - 1;
    expect(shown.map((paragraph) => paragraph.index)).toEqual([0, 1, last]);
    expect(shown.at(-1)?.keptTexts).toEqual(["Connect with NATO online:"]);
    expect(shown[0]?.keptTexts).toEqual([]);
  });
});

describe("speaker names the reporter changed", () => {
  const speakers = ["Moderator", "Question", "Maria Kask", "Anna Berg"];

  it("sends nothing when nothing changed, and ignores a blank name", () => {
    expect(speakerNameChanges(speakers, { names: {}, sameAs: {} })).toEqual([]);
    expect(speakerNameChanges(speakers, { names: { "Maria Kask": "  ", Moderator: "Moderator" }, sameAs: {} })).toEqual(
      [],
    );
  });

  it("renames, and merges into the other speaker's new name", () => {
    expect(
      speakerNameChanges(speakers, {
        names: { "Anna Berg": " Anna Berg (Postimees) ", "Maria Kask": "Maria Kask, Minister" },
        sameAs: { Question: "Anna Berg" },
      }),
    ).toEqual([
      { from: "Question", to: "Anna Berg (Postimees)" },
      { from: "Maria Kask", to: "Maria Kask, Minister" },
      { from: "Anna Berg", to: "Anna Berg (Postimees)" },
    ]);
  });

  it("offers as merge targets only speakers that are not merged away themselves", () => {
    const edits = { names: {}, sameAs: { Question: "Anna Berg" } };
    expect(mergeTargets(speakers, edits, "Maria Kask")).toEqual(["Moderator", "Anna Berg"]);
    expect(mergeTargets(speakers, edits, "Question")).toEqual(["Moderator", "Maria Kask", "Anna Berg"]);
    // A merge into a speaker that was itself merged, or is gone from the parse, is not sent.
    expect(
      speakerNameChanges(speakers, { names: {}, sameAs: { Question: "Anna Berg", "Anna Berg": "Moderator" } }),
    ).toEqual([{ from: "Anna Berg", to: "Moderator" }]);
    expect(speakerNameChanges(speakers, { names: {}, sameAs: { Question: "Dana" } })).toEqual([]);
  });
});
