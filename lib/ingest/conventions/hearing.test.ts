import { beforeAll, describe, expect, it } from "vitest";
import type { IngestResult } from "../types";
import { detectConvention } from ".";
import { hearing } from "./hearing";
import {
  conventionFixture,
  ingestConventionFixture,
  linesOf,
  segmentWith,
  wordsAccountedFor,
  wordsWithoutLabels,
} from "./test-support";

const NAME = "senate-hearing.txt";
const LABEL = /^\[(\d{2}):(\d{2}):(\d{2})\] [^:]+:/;

describe("the hearing convention", () => {
  it("is recognised by [hh:mm:ss] Name: labels", () => {
    const lines = linesOf(
      "[00:00:12] Chairman Peters:\n    The Committee will come to order.\n[00:00:50] Senator Paul:\n    Thank you.",
    );
    expect(detectConvention(lines)).toBe(hearing);
  });
});

describe("a Senate hearing, end to end", () => {
  const text = conventionFixture(NAME);
  let result: IngestResult;
  beforeAll(async () => {
    result = await ingestConventionFixture(NAME);
  });

  it("is recognised, titled, and dated from its heading", () => {
    expect(result.convention).toEqual({ id: "hearing", name: "Hearing transcript" });
    expect(result.title).toBe("Securing the Nation's Drinking Water Systems");
    expect(result.occurredAt).toBe("2023-06-14");
  });

  it("reads members and witnesses with their titles", () => {
    expect(result.speakers).toEqual([
      { name: "Peters", title: "Chairman", role: "official", outlet: null },
      { name: "Paul", title: "Senator", role: "official", outlet: null },
      { name: "Lena Ortiz", title: "Dr.", role: null, outlet: null },
      { name: "Hale", title: "Mr.", role: null, outlet: null },
      { name: "Hassan", title: "Senator", role: "official", outlet: null },
    ]);
  });

  it("starts each turn at its label's time, the indented lines joined into its text", () => {
    const lines = text.split("\n");
    const turns = lines.flatMap((line, index) => {
      const match = LABEL.exec(line);
      if (!match) return [];
      const [hours, minutes, seconds] = [match[1], match[2], match[3]].map(Number);
      return [
        {
          opening: (lines[index + 1] ?? "").trim(),
          startMs: (((hours ?? 0) * 60 + (minutes ?? 0)) * 60 + (seconds ?? 0)) * 1000,
        },
      ];
    });
    expect(turns).toHaveLength(22);
    for (const turn of turns) {
      expect(segmentWith(result, turn.opening)?.startMs, turn.opening).toBe(turn.startMs);
    }
  });

  it("keeps the heading and labels out of the speech, and accounts for every word", () => {
    for (const segment of result.segments) {
      expect(segment.speaker).not.toBeNull();
      expect(segment.text).not.toMatch(/\[\d\d:|Committee on Homeland|Hearing held/);
    }
    expect(result.removed.map((line) => line.reasonCode)).toEqual(["title", "dateline", "dateline"]);
    expect(wordsAccountedFor(result)).toBe(wordsWithoutLabels(text, [LABEL]));
  });
});
