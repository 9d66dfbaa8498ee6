// Times written in speaker labels are the paragraphs' timings (issue 18): Otter's "Name  1:00:04", Rev's
// "Name (01:00:04):" and "Name [01:00:04]", and a time right after a plain or bold label ("Name: [07:47] text").
import { describe, expect, it } from "vitest";
import { readSpeakerConvention } from ".";
import { timeAfterLabel } from "./timestamps";
import {
  conventionFixture,
  ingestConventionFixture,
  linesOf,
  wordsAccountedFor,
  wordsWithoutLabels,
} from "./test-support";

interface LabelledTurn {
  startMs: number;
  /** The first words of the turn; null for a turn with a time and no words. */
  opening: string | null;
}

/** Each label's time in ms and its turn's first words, read by the test's own pattern (time in the first group). */
function labelledTurns(text: string, label: RegExp): LabelledTurn[] {
  const lines = text.split(/\r?\n/);
  return lines.flatMap((line, index) => {
    const match = label.exec(line);
    if (!match) return [];
    const time = match.slice(1).find((group) => group !== undefined) ?? "";
    const startMs = time.split(":").reduce((total, field) => total * 60 + Number(field), 0) * 1000;
    const next = (lines.slice(index + 1).find((following) => following.trim() !== "") ?? "").trim();
    const words = line.slice(match[0].length).trim() || (next && !label.test(next) ? next : "");
    return [{ startMs, opening: words ? words.split(/\s+/).slice(0, 5).join(" ") : null }];
  });
}

const FIXTURES = [
  { name: "otter-council-meeting.txt", convention: "otter", label: /^.+ {2}(\d{1,2}:\d{2}(?::\d{2})?)$/ },
  {
    name: "rev-council-meeting.txt",
    convention: "rev",
    label: /^.+? (?:\((\d{2}:\d{2}:\d{2})\):|\[(\d{2}:\d{2}:\d{2})\]:?)/,
  },
  { name: "bold-names-timestamps.md", convention: "markdown-bold", label: /^\*\*[^*]+:\*\* \\\[([\d:]+)\\\](?: —)?/ },
  { name: "labels-timestamps.txt", convention: "labels", label: /^[^:[]+: \[([\d:]+)\]/ },
] as const;

describe("a time right after a speaker label", () => {
  it("is taken off the words and read as the start, only when bracketed", () => {
    expect(timeAfterLabel("[07:47] And so.")).toEqual({ startMs: 467_000, rest: "And so." });
    expect(timeAfterLabel("\\[1:02:45\\] — Yes.")).toEqual({ startMs: 3_765_000, rest: "Yes." });
    expect(timeAfterLabel("(00:12)")).toEqual({ startMs: 12_000, rest: "" });
    expect(timeAfterLabel("10:30, I think.")).toBeNull();
    expect(timeAfterLabel("We start at [10:30].")).toBeNull();
  });

  it("gives the turn its start in the line model", () => {
    const { lines } = readSpeakerConvention(linesOf("Dana Whitfield: [07:47] Hello.\n\nMarcus Lee: [1:02:45]\nHi."));
    expect(lines.map((line) => [line.text, line.turn?.startMs ?? null])).toEqual([
      ["Hello.", 467_000],
      ["", 3_765_000],
      ["Hi.", null],
    ]);
  });
});

describe("label times become paragraph timings, end to end", () => {
  for (const { name, convention, label } of FIXTURES) {
    describe(name, () => {
      const text = conventionFixture(name);
      const turns = labelledTurns(text, label);

      it("starts each paragraph at its label's time and ends it at the next label's, past the hour", async () => {
        const result = await ingestConventionFixture(name);
        expect(result.convention?.id).toBe(convention);
        expect(turns.length).toBeGreaterThanOrEqual(7);
        expect(turns.some((turn) => turn.startMs >= 3_600_000)).toBe(true);
        const opened = turns.flatMap((turn, index) => {
          if (turn.opening === null) return [];
          const at = result.segments.findIndex((candidate) => candidate.text.startsWith(turn.opening ?? ""));
          return [{ ...turn, at, nextLabelMs: turns[index + 1]?.startMs ?? null }];
        });
        opened.forEach((turn, index) => {
          expect(result.segments[turn.at]?.startMs, turn.opening ?? "").toBe(turn.startMs);
          // The turn's last paragraph ends at the next label's time, even a label with no words; the last has none.
          const lastParagraph = (opened[index + 1]?.at ?? result.segments.length) - 1;
          expect(result.segments[lastParagraph]?.endMs, turn.opening ?? "").toBe(turn.nextLabelMs);
        });
        for (const [index, segment] of result.segments.slice(0, -1).entries()) {
          expect(segment.endMs, segment.text).toBeLessThanOrEqual(result.segments[index + 1]?.startMs ?? -1);
        }
        const first = turns[0]?.startMs ?? 0;
        const lastStart = turns.at(-1)?.startMs ?? 0;
        expect(result.durationMs).toBe(lastStart - first);
      });

      it("keeps the times out of the words, and accounts for every word", async () => {
        const result = await ingestConventionFixture(name);
        for (const segment of result.segments) {
          expect(segment.text).not.toMatch(/\d:\d\d|\\?\[|Rev\.com|otter\.ai/);
          expect(segment.speaker).not.toBeNull();
        }
        expect(wordsAccountedFor(result)).toBe(wordsWithoutLabels(text, [label]));
      });
    });
  }

  it("ends a turn at an empty turn's time (Otter's 'Unknown Speaker  59:58' with nothing under it)", async () => {
    const result = await ingestConventionFixture("otter-council-meeting.txt");
    expect(result.speakers.map((speaker) => speaker.name)).toEqual(["Rosa Delgado", "Marcus Lee", "Dana Whitfield"]);
    const answer = result.segments.filter(
      (segment) => segment.speaker === "Marcus Lee" && (segment.startMs ?? 0) < 3_600_000,
    );
    // The long answer is two paragraphs: they share its time by their words, the second ending at 59:58.
    expect(answer.map((segment) => segment.text.split(" ").slice(0, 3).join(" "))).toEqual([
      "Go ahead.",
      "You send it",
      "I would also",
    ]);
    const [, opening, rest] = answer;
    expect(opening).toMatchObject({ startMs: 3_571_000 });
    expect(opening?.endMs).toBe(rest?.startMs);
    expect(rest?.startMs).toBeGreaterThan(3_571_000);
    expect(rest).toMatchObject({ endMs: 3_598_000 });
  });

  it("lists Rev's header lines as the tool's, not speech", async () => {
    const result = await ingestConventionFixture("rev-council-meeting.txt");
    expect(result.removed.map((line) => [line.reasonCode, line.text])).toEqual([
      ["title", "Harbor barrier follow-up (Completed 03/14/24)"],
      ["tool-footer", "Transcript by Rev.com"],
      ["tool-footer", "This transcript was exported on Mar 14, 2024 - view latest version here."],
    ]);
  });
});
