import { describe, expect, it } from "vitest";
import {
  CHECKS,
  CHECK_LABELS,
  evaluateChecks,
  findLeftoverMarkers,
  isUnnamedSpeaker,
  unresolvedChecks,
  type CheckFailure,
  type CheckInput,
} from "@/lib/publishing/checks";

/** A transcript that passes every check. */
function ready(overrides: Partial<CheckInput> = {}): CheckInput {
  return {
    title: "NATO Secretary General press conference",
    occurredAt: new Date("2019-02-14T00:00:00Z"),
    fidelityConfirmed: true,
    annotationsNeedingReview: 0,
    unresolvedNotes: 0,
    speakers: [{ name: "Jens Stoltenberg" }, { name: "Oana Lungescu" }],
    paragraphs: [
      { text: "Good afternoon. We have just finished a meeting of defence ministers." },
      { text: "We will continue to fund the mission in Afghanistan (NATO) as agreed." },
    ],
    ...overrides,
  };
}

function checksOf(failures: readonly CheckFailure[]) {
  return failures.map((failure) => failure.check);
}

describe("pre-publish checks", () => {
  it("finds nothing wrong with a titled, dated, confirmed transcript with named speakers and clean text", () => {
    expect(evaluateChecks(ready())).toEqual([]);
  });

  it("labels every check", () => {
    expect(Object.keys(CHECK_LABELS).sort()).toEqual([...CHECKS].sort());
  });

  it.each([
    ["an empty title", { title: "" }],
    ["a title of only spaces", { title: "   \n" }],
  ])("blocks %s", (_, input) => {
    expect(evaluateChecks(ready(input))).toEqual([
      {
        check: "title",
        blocking: true,
        message: "Give the transcript a title: readers and search engines see it first.",
      },
    ]);
  });

  it("blocks while annotations need review, counting them in the message", () => {
    expect(evaluateChecks(ready({ annotationsNeedingReview: 1 }))).toEqual([
      {
        check: "annotations_need_review",
        blocking: true,
        message: "1 annotation lost its words in an edit and needs review: re-attach or delete it in the editor.",
      },
    ]);
    expect(evaluateChecks(ready({ annotationsNeedingReview: 3 }))[0]?.message).toBe(
      "3 annotations lost their words in an edit and need review: re-attach or delete them in the editor.",
    );
  });

  it("warns about open internal notes without blocking", () => {
    expect(evaluateChecks(ready({ unresolvedNotes: 2 }))).toEqual([
      {
        check: "unresolved_notes",
        blocking: false,
        message:
          "2 internal notes are still open. Notes are never published, but an open one may be a question someone wanted answered first.",
      },
    ]);
    expect(evaluateChecks(ready({ unresolvedNotes: 1 }))[0]?.message).toMatch(/^1 internal note is still open\./);
  });

  it("warns about a missing event date", () => {
    expect(evaluateChecks(ready({ occurredAt: null }))).toEqual([
      {
        check: "missing_date",
        blocking: false,
        message: "The event's date is not set: readers need to know when this was said.",
      },
    ]);
    expect(evaluateChecks(ready({ occurredAt: "2019-02-14T00:00:00.000Z" }))).toEqual([]);
  });

  it("warns when no person has confirmed the fidelity label", () => {
    expect(checksOf(evaluateChecks(ready({ fidelityConfirmed: false })))).toEqual(["unconfirmed_fidelity"]);
    expect(evaluateChecks(ready({ fidelityConfirmed: false }))[0]?.blocking).toBe(false);
  });

  it("lists every failure, blocking ones first, in the fixed order", () => {
    const failures = evaluateChecks({
      title: " ",
      occurredAt: null,
      fidelityConfirmed: false,
      annotationsNeedingReview: 2,
      unresolvedNotes: 1,
      speakers: [{ name: "Speaker 1" }],
      paragraphs: [{ text: "We agreed [inaudible] on the budget." }],
    });
    expect(failures.map(({ check, blocking }) => [check, blocking])).toEqual([
      ["title", true],
      ["annotations_need_review", true],
      ["unresolved_notes", false],
      ["unnamed_speakers", false],
      ["leftover_markers", false],
      ["missing_date", false],
      ["unconfirmed_fidelity", false],
    ]);
  });
});

describe("unnamed speakers", () => {
  it.each([
    "Speaker 1",
    "SPEAKER_02",
    "speaker",
    "Speaker-3",
    "Unknown Speaker",
    "Unknown",
    "Unidentified speaker",
    "Question",
    "Questioner",
    "Questioner 2",
    "Q",
    "Q:",
    "Q.",
    "Audience member",
    "Audience",
    "Reporter",
    "Journalist 4",
    "Guest 2",
    "Participant 12",
    "Female 2",
    "  Speaker 1  ",
  ])("treats “%s” as unnamed", (name) => {
    expect(isUnnamedSpeaker(name)).toBe(true);
  });

  it.each([
    "Jens Stoltenberg",
    "Questioner Ana",
    "Oana Lungescu",
    "Speaker Pelosi",
    "Quentin Tarantino",
    "Manfred Weber",
    "Guest Mihai Popescu",
    "Reporter Sarah Jones",
    "Dr. Q. Liu",
  ])("treats “%s” as named", (name) => {
    expect(isUnnamedSpeaker(name)).toBe(false);
  });

  it("warns once per unnamed name, quoting each", () => {
    const failures = evaluateChecks(
      ready({
        speakers: [{ name: "Jens Stoltenberg" }, { name: "Speaker 1" }, { name: "Q" }, { name: "Speaker 1" }],
      }),
    );
    expect(failures).toEqual([
      { check: "unnamed_speakers", blocking: false, message: "2 speakers are not named: “Speaker 1”, “Q”." },
    ]);
    expect(evaluateChecks(ready({ speakers: [{ name: "SPEAKER_02" }] }))[0]?.message).toBe(
      "1 speaker is not named: “SPEAKER_02”.",
    );
  });
});

describe("leftover markers", () => {
  it.each([
    ["[inaudible]", "We will [inaudible] the treaty.", ["[inaudible]"]],
    ["a timed [inaudible]", "The cost is [inaudible 00:12:03] euros.", ["[inaudible 00:12:03]"]],
    ["[crosstalk]", "No, I said— [crosstalk]", ["[crosstalk]"]],
    ["a timed [crosstalk]", "[crosstalk 00:12:03] Thank you.", ["[crosstalk 00:12:03]"]],
    ["(unintelligible)", "The minister (unintelligible) said so.", ["(unintelligible)"]],
    ["[?]", "We met in Tallinn [?] last year.", ["[?]"]],
    ["(?)", "We met in Tallinn (?) last year.", ["(?)"]],
    ["[TK]", "The budget is [TK] billion.", ["[TK]"]],
    ["upper-case [INAUDIBLE]", "And [INAUDIBLE].", ["[INAUDIBLE]"]],
    ["[unclear: …]", "He met [unclear: Kosovo?] officials.", ["[unclear: Kosovo?]"]],
    ["[indiscernible]", "[indiscernible] and more.", ["[indiscernible]"]],
    ["two markers", "[inaudible] and then [crosstalk].", ["[inaudible]", "[crosstalk]"]],
  ])("finds %s", (_, text, markers) => {
    expect(findLeftoverMarkers(text)).toEqual(markers);
  });

  it.each([
    ["an editorial insertion", "He said [the treaty] was dead."],
    ["an acronym in parentheses", "The alliance (NATO) agreed."],
    ["[sic]", "We has [sic] agreed."],
    ["a stage direction", "Thank you. (applause) [laughter]"],
    ["a question mark in running text", "Is it? Yes (it is)."],
    ["a word starting with tk", "The [TKO] result."],
    ["a bare word", "The passage was inaudible on the tape and unclear."],
  ])("ignores %s", (_, text) => {
    expect(findLeftoverMarkers(text)).toEqual([]);
  });

  it("warns about markers, naming them and the paragraphs they are in, by reading-order number", () => {
    const failures = evaluateChecks(
      ready({
        paragraphs: [
          { text: "Clean." },
          { text: "We will [inaudible] it." },
          { text: "He said [the treaty] (NATO)." },
          { text: "[Crosstalk] and [inaudible]." },
        ],
      }),
    );
    expect(failures).toEqual([
      {
        check: "leftover_markers",
        blocking: false,
        message: "Markers such as [inaudible], [crosstalk] are left in 2 paragraphs (2, 4).",
      },
    ]);
  });

  it("names at most three markers and eight paragraphs", () => {
    const markers = ["[inaudible]", "[crosstalk]", "[?]", "[TK]"];
    const paragraphs = Array.from({ length: 11 }, (_, index) => ({ text: `Line ${markers[index % 4]}.` }));
    const [failure] = evaluateChecks(ready({ paragraphs }));
    expect(failure?.message).toBe(
      "Markers such as [inaudible], [crosstalk], [?] are left in 11 paragraphs (1, 2, 3, 4, 5, 6, 7, 8 and 3 more).",
    );
    const [one] = evaluateChecks(ready({ paragraphs: [{ text: "[TK]" }] }));
    expect(one?.message).toBe("Markers such as [tk] are left in 1 paragraph (1).");
  });
});

describe("overriding checks", () => {
  const failures = evaluateChecks(
    ready({ title: "", occurredAt: null, fidelityConfirmed: false, speakers: [{ name: "Speaker 1" }] }),
  );

  it("starts from the failures the test expects", () => {
    expect(checksOf(failures)).toEqual(["title", "unnamed_speakers", "missing_date", "unconfirmed_fidelity"]);
  });

  it("never lets a blocking check be overridden, whatever the reason", () => {
    const unresolved = unresolvedChecks(failures, [
      { check: "title", reason: "We will title it later." },
      { check: "unnamed_speakers", reason: "Questioners were anonymous." },
      { check: "missing_date", reason: "Undated leak." },
      { check: "unconfirmed_fidelity", reason: "Checked by phone." },
    ]);
    expect(unresolved).toEqual([failures[0]]);
  });

  it("leaves a warning unresolved without an override, or with a blank reason", () => {
    const unresolved = unresolvedChecks(failures, [
      { check: "unnamed_speakers", reason: "Questioners were anonymous." },
      { check: "missing_date", reason: "   " },
    ]);
    expect(checksOf(unresolved)).toEqual(["title", "missing_date", "unconfirmed_fidelity"]);
  });

  it("ignores overrides for checks that did not fail or do not exist", () => {
    const warnings = failures.filter((failure) => !failure.blocking);
    expect(
      unresolvedChecks(warnings, [
        { check: "leftover_markers", reason: "n/a" },
        { check: "made_up", reason: "n/a" },
      ]),
    ).toEqual(warnings);
  });

  it("resolves every warning that has a reason", () => {
    const warnings = failures.filter((failure) => !failure.blocking);
    expect(
      unresolvedChecks(
        warnings,
        warnings.map((warning) => ({ check: warning.check, reason: "Known and accepted." })),
      ),
    ).toEqual([]);
  });
});
