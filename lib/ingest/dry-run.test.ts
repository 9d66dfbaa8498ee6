import { describe, expect, it } from "vitest";
import { toDryRunJson } from "./dry-run";
import { ingestFixture } from "./test-support/fixtures";

describe("toDryRunJson", () => {
  it("has exactly the CLI's keys, in order", async () => {
    const document = toDryRunJson(await ingestFixture("interview.srt"));
    expect(Object.keys(document)).toEqual([
      "source",
      "title",
      "occurredAt",
      "place",
      "sourceUrl",
      "language",
      "convention",
      "speakers",
      "speakerMerges",
      "segments",
      "removed",
      "entities",
      "warnings",
    ]);
    expect(Object.keys(document.source)).toEqual(["filename", "bytes", "sha256", "encoding", "format"]);
    expect(document.speakers).toEqual([{ name: "Anna Berg" }, { name: "Maria Kask" }]);
    expect(document.segments[0]).toEqual({
      speaker: "Anna Berg",
      text: "Good evening from Tallinn. Minister, thank you for joining us this morning.",
      startMs: 1000,
      endMs: 7800,
    });
    expect(document.removed).toEqual([{ text: "<i></i>", reason: "Subtitle markup only, no words." }]);
    expect(Object.keys(document.entities[0] ?? {})).toEqual(["type", "name", "mentions"]);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it("names the recognised convention and the short names joined to full ones", async () => {
    const result = await ingestFixture("interview.srt");
    const document = toDryRunJson({
      ...result,
      convention: { id: "government", name: "Government transcript" },
      speakerMerges: [{ from: "Anna", into: "Anna Berg" }],
    });
    expect(document.convention).toEqual({ id: "government", name: "Government transcript" });
    expect(document.speakerMerges).toEqual([{ from: "Anna", into: "Anna Berg" }]);
    // What the pipeline gives when no convention applies stays explicit in the JSON rather than missing.
    expect(toDryRunJson({ ...result, convention: null, speakerMerges: [] })).toMatchObject({
      convention: null,
      speakerMerges: [],
    });
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });
});
