import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { person, uploadNato } from "@/lib/editor/test-support";
import { buildSnapshot, correctSnapshot, readSnapshot, writeSnapshot } from "@/lib/publishing/snapshot";
import type { PublishedAnnotation, PublishedSnapshot } from "@/lib/publishing/types";

const OPENING = "Good afternoon. Defence ministers agreed to spend 2 percent of GDP on defence.";
const ANSWER = "Germany has committed to the pledge we all made in Wales.";

function annotationOn(
  id: string,
  segmentId: string,
  text: string,
  words: string,
  fields: Partial<PublishedAnnotation> = {},
): PublishedAnnotation {
  const start = text.indexOf(words);
  if (start === -1) throw new Error(`“${words}” is not in “${text}”`);
  return {
    id,
    kind: "CONTEXT",
    segmentId,
    start,
    end: start + words.length,
    exact: words,
    publishedExact: words,
    anchored: true,
    body: "",
    verdict: null,
    claim: null,
    sources: [],
    checker: null,
    ...fields,
  };
}

function snapshot(): PublishedSnapshot {
  return {
    schema: 1,
    entities: [],
    slug: "nato-defence-ministers",
    title: "NATO defence ministers press conference",
    summary: null,
    occurredAt: "2019-02-14T00:00:00.000Z",
    place: "Brussels",
    language: "en",
    sourceUrl: null,
    mediaUrl: null,
    fidelity: "CLEAN_READ",
    fidelityCheckedBy: "Eddie Editor",
    tags: ["nato"],
    wordCount: 13 + 11,
    durationMs: 60_000,
    sourceFiles: [
      { filename: "nato.txt", sha256: "ab".repeat(32), format: "txt", uploadedAt: "2019-02-14T18:00:00.000Z" },
    ],
    speakers: [{ id: "jens", name: "Jens Stoltenberg", title: "Secretary General", role: "OFFICIAL", outlet: "NATO" }],
    segments: [
      { id: "p1", speakerId: "jens", text: OPENING, startMs: 0, endMs: 30_000 },
      { id: "p2", speakerId: "jens", text: ANSWER, startMs: 30_000, endMs: 60_000 },
    ],
    annotations: [
      annotationOn("quote", "p1", OPENING, "spend 2 percent of GDP", { kind: "QUOTE" }),
      annotationOn("context", "p1", OPENING, "on defence", { body: "Excluding pensions." }),
      annotationOn("check", "p1", OPENING, "Defence ministers", {
        kind: "FACTCHECK",
        verdict: "ACCURATE",
        claim: "All ministers agreed.",
      }),
      annotationOn("wales", "p2", ANSWER, "Wales"),
    ],
    credits: { authors: ["user_rita"], editor: "user_eddie" },
  };
}

describe("correcting a snapshot", () => {
  it("replaces one paragraph's text and adjusts the word count, leaving everything else as it was", () => {
    const before = snapshot();
    const text = "Good afternoon. NATO defence ministers agreed to spend 2 percent of GDP on defence.";
    const after = correctSnapshot(before, "p1", text);
    expect(after.segments).toEqual([{ ...before.segments[0], text }, before.segments[1]]);
    expect(after.wordCount).toBe(before.wordCount + 1);
    const { segments: _s, annotations: _a, wordCount: _w, ...rest } = after;
    const { segments: _bs, annotations: _ba, wordCount: _bw, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    // The input is not changed.
    expect(before).toEqual(snapshot());
  });

  it("moves annotations on unchanged words to their new offsets", () => {
    const text = "Good afternoon. NATO's defence ministers agreed to spend 2 percent of GDP on defence.";
    const after = correctSnapshot(snapshot(), "p1", text);
    const byId = new Map(after.annotations.map((annotation) => [annotation.id, annotation]));
    const quote = byId.get("quote")!;
    expect(text.slice(quote.start, quote.end)).toBe("spend 2 percent of GDP");
    expect(quote).toMatchObject({
      exact: "spend 2 percent of GDP",
      publishedExact: "spend 2 percent of GDP",
      anchored: true,
    });
    expect(quote.start).toBe(snapshot().annotations[0]!.start + 7);
    const context = byId.get("context")!;
    expect(context).toMatchObject({
      start: text.length - 11,
      end: text.length - 1,
      exact: "on defence",
      anchored: true,
    });
  });

  it("re-anchors an annotation whose words changed a little, keeping the words first published", () => {
    const text = OPENING.replace("2 percent", "1.5 percent");
    const quote = correctSnapshot(snapshot(), "p1", text).annotations.find((annotation) => annotation.id === "quote")!;
    expect(quote).toMatchObject({
      exact: "spend 1.5 percent of GDP",
      publishedExact: "spend 2 percent of GDP",
      anchored: true,
    });
    expect(text.slice(quote.start, quote.end)).toBe("spend 1.5 percent of GDP");
  });

  it("unanchors an annotation whose words are gone, keeping its last position and words", () => {
    const text = "Good afternoon. Ministers agreed to raise spending.";
    const before = snapshot().annotations[0]!;
    const quote = correctSnapshot(snapshot(), "p1", text).annotations.find((annotation) => annotation.id === "quote")!;
    expect(quote).toEqual({ ...before, anchored: false });
  });

  it("unanchors a fact-check whose claim a correction deleted, never moving it to the same words elsewhere", () => {
    const said = "Germany will spend 2 percent. Germany will spend 2 percent, I said, and it will.";
    const factcheck = annotationOn("claim", "p2", said, "Germany will spend 2 percent", { kind: "FACTCHECK" });
    const base = { ...snapshot(), segments: [snapshot().segments[0]!, { ...snapshot().segments[1]!, text: said }] };
    const corrected = "Germany will spend 2 percent, I said, and it will.";
    const after = correctSnapshot({ ...base, annotations: [factcheck] }, "p2", corrected);
    expect(after.annotations).toEqual([{ ...factcheck, anchored: false }]);
  });

  it("leaves other paragraphs' annotations and already unanchored ones untouched", () => {
    const base = snapshot();
    const lost = { ...base.annotations[1]!, anchored: false, start: 3, end: 9 };
    const input = { ...base, annotations: [base.annotations[0]!, lost, base.annotations[2]!, base.annotations[3]!] };
    const after = correctSnapshot(input, "p1", `Hello. ${OPENING}`);
    expect(after.annotations[1]).toEqual(lost);
    expect(after.annotations[3]).toEqual(base.annotations[3]);
    expect(after.annotations.map((annotation) => annotation.id)).toEqual(["quote", "context", "check", "wales"]);
  });

  it("refuses a paragraph that is not in the snapshot", () => {
    expect(() => correctSnapshot(snapshot(), "p9", "Anything.")).toThrow("Segment p9 is not in the snapshot.");
  });
});

describe("reading and writing a snapshot", () => {
  it("round-trips a snapshot through JSON", () => {
    expect(readSnapshot(writeSnapshot(snapshot()))).toEqual(snapshot());
  });

  it("reads a snapshot from before bylines as crediting nobody", () => {
    const { credits: _credits, ...older } = snapshot();
    expect(readSnapshot(JSON.stringify(older)).credits).toEqual({ authors: [], editor: null });
  });

  it("rejects content that is not JSON", () => {
    expect(() => readSnapshot("{not json")).toThrow(SyntaxError);
  });

  it.each([
    ["another schema version", { schema: 2 }],
    ["a missing title", { title: undefined }],
    ["an unknown fidelity", { fidelity: "PERFECT" }],
    ["a word count that is not a whole number", { wordCount: 12.5 }],
    ["a paragraph without text", { segments: [{ id: "p1", speakerId: null, startMs: null, endMs: null }] }],
    ["an internal note", { annotations: [annotationOn("n", "p1", OPENING, "Good", { kind: "NOTE" as never })] }],
    [
      "an annotation of no known kind",
      { annotations: [annotationOn("x", "p1", OPENING, "Good", { kind: "RUMOUR" as never })] },
    ],
    ["an unknown verdict", { annotations: [annotationOn("x", "p1", OPENING, "Good", { verdict: "MAYBE" as never })] }],
    ["tags that are not strings", { tags: [1, 2] }],
  ])("rejects a snapshot with %s", (_, change) => {
    const malformed = JSON.stringify({ ...snapshot(), ...change });
    expect(() => readSnapshot(malformed)).toThrow(ZodError);
  });

  it("refuses to write a malformed snapshot", () => {
    const withNote = {
      ...snapshot(),
      annotations: [annotationOn("n", "p1", OPENING, "Good", { kind: "NOTE" as never })],
    };
    expect(() => writeSnapshot(withNote)).toThrow(ZodError);
  });

  it("drops keys the schema does not know when writing", () => {
    const written = JSON.parse(writeSnapshot({ ...snapshot(), secret: "draft note" } as PublishedSnapshot)) as object;
    expect(written).not.toHaveProperty("secret");
  });
});

describe("one word count", () => {
  it("the upload's count of a transcript is the published page's", async () => {
    const owner = await person("Rita Reporter");
    const id = await uploadNato(owner);
    const stored = await db.transcript.findUniqueOrThrow({ where: { id }, select: { wordCount: true } });
    const snapshot = await db.$transaction((tx) => buildSnapshot(tx, id, null));
    expect(stored.wordCount).toBeGreaterThan(500);
    expect(snapshot.wordCount).toBe(stored.wordCount);
  });
});
