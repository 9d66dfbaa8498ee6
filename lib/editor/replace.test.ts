import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAnnotation } from "@/lib/editor/annotations";
import { applyReplace, previewReplace } from "@/lib/editor/replace";
import {
  expectAppError,
  makeTranscript,
  person,
  rangeOf,
  revisionNumbers,
  textsOf,
  versionOf,
} from "@/lib/editor/test-support";

const PARAGRAPHS = [
  "The U.S. envoy met the Allies. USA and U.S. officials agree.",
  "We also discussed our KFOR (Kosovo Force) mission. The u.s. position is clear.",
  "Nothing to see here, as the U.S.S.R. used to say.",
];

const options = (find: string, more: Partial<{ replace: string; matchCase: boolean; wholeWord: boolean }> = {}) => ({
  find,
  replace: "",
  matchCase: false,
  wholeWord: false,
  ...more,
});

describe("previewing a find and replace", () => {
  it("lists every match with its paragraph, offsets and context, matching the text literally", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, PARAGRAPHS);
    const matches = (await previewReplace(reporter, t.id, options("U.S.", { matchCase: true }))).matches;
    // "USA" is not "U.S." (a dot is a dot), and "u.s." differs in case.
    expect(matches.map((match) => [match.position, match.start, match.match])).toEqual([
      [0, 4, "U.S."],
      [0, 39, "U.S."],
      [2, 28, "U.S."],
    ]);
    expect(matches[0]).toMatchObject({
      segmentId: t.segmentIds[0],
      before: "The ",
      after: " envoy met the Allies. USA and U.S. offi",
    });
    expect(matches.every((match) => PARAGRAPHS[match.position]!.slice(match.start, match.end) === match.match)).toBe(
      true,
    );
  });

  it("ignores case unless asked, and finds whole words only when asked", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, PARAGRAPHS);
    expect((await previewReplace(reporter, t.id, options("U.S."))).matches).toHaveLength(4);
    // In "U.S.S.R." the "U.S." is followed by a letter: not a whole word.
    const whole = (await previewReplace(reporter, t.id, options("U.S.", { wholeWord: true }))).matches;
    expect(whole.map((match) => [match.position, match.match])).toEqual([
      [0, "U.S."],
      [0, "U.S."],
      [1, "u.s."],
    ]);
  });

  it("treats regular-expression characters as plain text", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, PARAGRAPHS);
    expect((await previewReplace(reporter, t.id, options("(Kosovo Force)"))).matches).toMatchObject([
      {
        position: 1,
        match: "(Kosovo Force)",
        before: "We also discussed our KFOR ",
        after: " mission. The u.s. position is clear.",
      },
    ]);
    expect((await previewReplace(reporter, t.id, options(".*"))).matches).toEqual([]);
    expect((await previewReplace(reporter, t.id, options("[KFOR]"))).matches).toEqual([]);
  });
});

describe("previewing on a long transcript", () => {
  it("lists the first 2,000 matches and counts every one", async () => {
    const reporter = await person("Rita Reporter");
    // 7 matches a paragraph, 301 paragraphs: 2,107 in all.
    const t = await makeTranscript(
      reporter,
      Array.from({ length: 301 }, (_, index) => `${index + 1}. ${"The U.S. said so. ".repeat(7)}`),
    );
    const preview = await previewReplace(reporter, t.id, options("U.S.", { matchCase: true }));
    expect(preview.total).toBe(2_107);
    expect(preview.truncated).toBe(true);
    expect(preview.matches).toHaveLength(2_000);
    // The last one listed: paragraph 286 (0-based 285) holds matches 1,996 to 2,002.
    expect(preview.matches.at(-1)).toMatchObject({ position: 285, match: "U.S." });
    // Fewer than the limit: all listed. Counted independently: non-overlapping occurrences, left to right.
    const find = "said so. The U.S. said so. The";
    const expected = Array.from({ length: 301 }, (_, index) => `${index + 1}. ${"The U.S. said so. ".repeat(7)}`)
      .map((text) => text.split(find).length - 1)
      .reduce((sum, count) => sum + count, 0);
    const short = await previewReplace(reporter, t.id, options(find, { matchCase: true }));
    expect(short).toMatchObject({ total: expected, truncated: false });
    expect(short.matches).toHaveLength(expected);
  });
});

describe("applying a find and replace", () => {
  it("replaces only the chosen matches, in one revision, and bumps only the changed paragraphs", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, PARAGRAPHS);
    const matches = (await previewReplace(reporter, t.id, options("U.S.", { matchCase: true }))).matches;
    const chosen = [matches[1]!, matches[2]!].map(({ segmentId, start }) => ({ segmentId, start }));
    const result = await applyReplace(reporter, t.id, {
      ...options("U.S.", { matchCase: true, replace: "US" }),
      only: chosen,
    });

    expect(result.replaced).toBe(2);
    expect(await textsOf(t.id)).toEqual([
      "The U.S. envoy met the Allies. USA and US officials agree.",
      PARAGRAPHS[1],
      "Nothing to see here, as the USS.R. used to say.",
    ]);
    expect(await revisionNumbers(t.id)).toEqual([1, 2]);
    const revision = await db.revision.findFirstOrThrow({ where: { transcriptId: t.id, number: 2 } });
    expect(revision).toMatchObject({ action: "segment.replace", actorId: reporter.id });
    expect(await Promise.all(t.segmentIds.map(versionOf))).toEqual([2, 1, 2]);
    expect(result.revision).toBe(2);
  });

  it("replaces every match when none are chosen, with the replacement taken literally", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, PARAGRAPHS);
    const result = await applyReplace(reporter, t.id, options("u.s.", { replace: "$& ($1)", wholeWord: true }));
    expect(result.replaced).toBe(3);
    expect(await textsOf(t.id)).toEqual([
      "The $& ($1) envoy met the Allies. USA and $& ($1) officials agree.",
      "We also discussed our KFOR (Kosovo Force) mission. The $& ($1) position is clear.",
      PARAGRAPHS[2],
    ]);
  });

  it("re-anchors annotations in the paragraphs it changes", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, PARAGRAPHS);
    const [first] = t.segmentIds as [string];
    const { annotation } = await createAnnotation(reporter, t.id, {
      segmentId: first,
      ...rangeOf(PARAGRAPHS[0]!, "officials agree"),
      kind: "quote",
      body: "",
    });
    const result = await applyReplace(reporter, t.id, options("U.S.", { replace: "United States", matchCase: true }));
    const text = (await textsOf(t.id))[0]!;
    const row = await db.annotation.findUniqueOrThrow({ where: { id: annotation.id } });
    expect(row).toMatchObject({ status: "ANCHORED", exact: "officials agree", ...rangeOf(text, "officials agree") });
    expect(result.annotations.find((entry) => entry.id === annotation.id)).toMatchObject({ start: row.start });
  });

  it("refuses when nothing matches, and records no revision", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, PARAGRAPHS);
    await expectAppError(applyReplace(reporter, t.id, options("Brussels", { replace: "Mons" })), "UNPROCESSABLE");
    await expectAppError(
      applyReplace(reporter, t.id, { ...options("U.S.", { replace: "US" }), only: [] }),
      "UNPROCESSABLE",
    );
    expect(await revisionNumbers(t.id)).toEqual([1]);
    expect(await textsOf(t.id)).toEqual(PARAGRAPHS);
  });
});
