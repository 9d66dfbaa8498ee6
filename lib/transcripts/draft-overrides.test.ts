import { describe, expect, it } from "vitest";
import { ingestFixture } from "@/lib/ingest/test-support/fixtures";
import { draftOverridesSchema, isCalendarDate, keepSpeakersApartSchema } from "@/lib/transcripts/upload-input";
import { applyDraftOverrides } from "./draft-overrides";

describe("draftOverridesSchema", () => {
  it("accepts a date, a place and speaker names, trimmed", () => {
    expect(
      draftOverridesSchema.parse({
        occurredAt: " 2021-03-04 ",
        place: "  Ämari air base ",
        speakerNames: [{ from: "Maria Kask", to: " Maria Kask, Minister of Defence " }],
      }),
    ).toEqual({
      occurredAt: "2021-03-04",
      place: "Ämari air base",
      speakerNames: [{ from: "Maria Kask", to: "Maria Kask, Minister of Defence" }],
    });
  });

  it("reads an empty date or place as clearing it, and a missing one as keeping the parser's", () => {
    expect(draftOverridesSchema.parse({ occurredAt: "", place: "   " })).toEqual({ occurredAt: null, place: null });
    expect(draftOverridesSchema.parse({ occurredAt: null, place: null })).toEqual({ occurredAt: null, place: null });
    expect(draftOverridesSchema.parse({})).toEqual({});
  });

  it("refuses dates that are not a real day in YYYY-MM-DD", () => {
    for (const occurredAt of ["2021-02-30", "03/03/2021", "3 March 2021", "2021-3-3", "2021-13-01"]) {
      const parsed = draftOverridesSchema.safeParse({ occurredAt });
      expect(parsed.success, occurredAt).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("Give the date as YYYY-MM-DD, a real day.");
    }
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2023-02-29")).toBe(false);
  });

  it("refuses an empty speaker name, an over-long place and a non-string", () => {
    expect(
      draftOverridesSchema.safeParse({ speakerNames: [{ from: "Moderator", to: "  " }] }).error?.issues[0]?.message,
    ).toBe("Speaker names cannot be empty.");
    expect(draftOverridesSchema.safeParse({ place: "x".repeat(201) }).error?.issues[0]?.message).toBe(
      "Places are at most 200 characters.",
    );
    expect(draftOverridesSchema.safeParse({ place: 42 }).success).toBe(false);
    expect(keepSpeakersApartSchema.safeParse([""]).success).toBe(false);
  });

  it("repairs half a surrogate pair in a name rather than storing it", () => {
    const parsed = draftOverridesSchema.parse({ speakerNames: [{ from: "Moderator", to: "Chair \ud800" }] });
    expect(parsed.speakerNames?.[0]?.to).toBe("Chair \uFFFD");
  });
});

describe("applyDraftOverrides", () => {
  it("keeps the parse as it is when nothing was changed", async () => {
    const result = await ingestFixture("qa-session.txt");
    expect(applyDraftOverrides(result, {})).toEqual(result);
  });

  it("sets and clears the date and the place", async () => {
    const result = await ingestFixture("qa-session.txt");
    expect(result.occurredAt).toBe("2021-03-03");
    expect(result.place).toBe("Tallinn");
    const changed = applyDraftOverrides(result, { occurredAt: "2021-03-04", place: "Ämari air base" });
    expect([changed.occurredAt, changed.place]).toEqual(["2021-03-04", "Ämari air base"]);
    const cleared = applyDraftOverrides(result, { occurredAt: null, place: null });
    expect([cleared.occurredAt, cleared.place]).toEqual([null, null]);
  });

  it("renames a speaker in the speaker list and in every paragraph they speak", async () => {
    const result = await ingestFixture("qa-session.txt");
    const renamed = applyDraftOverrides(result, {
      speakerNames: [{ from: "Maria Kask", to: "Maria Kask, Minister of Defence" }],
    });
    expect(renamed.speakers.map((speaker) => speaker.name)).toEqual([
      "Moderator",
      "Question",
      "Maria Kask, Minister of Defence",
      "Anna Berg",
    ]);
    const minister = renamed.segments.filter((segment) => segment.speaker === "Maria Kask, Minister of Defence");
    expect(minister).toHaveLength(2);
    expect(renamed.segments.some((segment) => segment.speaker === "Maria Kask")).toBe(false);
    // Words are untouched.
    expect(renamed.segments.map((segment) => segment.text)).toEqual(result.segments.map((segment) => segment.text));
    expect(renamed.wordCount).toBe(result.wordCount);
  });

  it("merges two speakers given one name, keeping the first's place and the details either had", async () => {
    const result = await ingestFixture("qa-session.txt");
    // The anonymous question was Anna Berg's too: the reporter joins them.
    const merged = applyDraftOverrides(result, { speakerNames: [{ from: "Question", to: "Anna Berg" }] });
    expect(merged.speakers).toEqual([
      { name: "Moderator", title: null, role: "moderator", outlet: null },
      { name: "Anna Berg", title: null, role: "questioner", outlet: "Postimees" },
      { name: "Maria Kask", title: null, role: null, outlet: null },
    ]);
    expect(merged.segments.map((segment) => segment.speaker)).toEqual([
      "Moderator",
      "Anna Berg",
      "Maria Kask",
      "Anna Berg",
      "Maria Kask",
    ]);
  });

  it("reports a rename of a name the file does not have instead of dropping it silently", async () => {
    const result = await ingestFixture("qa-session.txt");
    const applied = applyDraftOverrides(result, { speakerNames: [{ from: "Maria Kasks", to: "Maria Kask" }] });
    expect(applied.speakers).toEqual(result.speakers);
    expect(applied.warnings).toEqual([
      ...result.warnings,
      "No speaker is called “Maria Kasks” in this file, so it was not renamed to “Maria Kask”.",
    ]);
  });
});
