// Pre-publish checks: what an editor must fix (blocking) or knowingly publish over with a reason (warnings) before
// readers see a transcript. Pure: the caller loads the transcript (loadCheckInput in lib/publishing/workflow.ts).

export const CHECKS = [
  "title",
  "annotations_need_review",
  "unresolved_notes",
  "unnamed_speakers",
  "leftover_markers",
  "missing_date",
  "unconfirmed_fidelity",
] as const;
export type CheckId = (typeof CHECKS)[number];

const BLOCKING: ReadonlySet<CheckId> = new Set(["title", "annotations_need_review"]);

export const CHECK_LABELS: Record<CheckId, string> = {
  title: "The transcript has a title",
  annotations_need_review: "No annotation is waiting for review",
  unresolved_notes: "Internal notes are resolved",
  unnamed_speakers: "Every speaker is named",
  leftover_markers: "No [inaudible] or [crosstalk] markers are left",
  missing_date: "The event's date is set",
  unconfirmed_fidelity: "A person has confirmed the fidelity label",
};

export interface CheckInput {
  title: string;
  occurredAt: Date | string | null;
  fidelityConfirmed: boolean;
  annotationsNeedingReview: number;
  unresolvedNotes: number;
  /** Speakers that have at least one live paragraph. */
  speakers: readonly { name: string }[];
  /** Live paragraphs, in reading order. */
  paragraphs: readonly { text: string }[];
}

export interface CheckFailure {
  check: CheckId;
  blocking: boolean;
  message: string;
}

/**
 * Names a transcription tool or a press office gives speakers it could not identify: "Speaker 1", "SPEAKER_02",
 * "Unknown Speaker", "Question", "Q", "Audience member", "Reporter"… Press conferences often leave questioners
 * anonymous on purpose, so this is a warning, not a block.
 */
const UNNAMED_SPEAKER =
  /^(?:(?:speaker|spk|sprecher|orateur|intervenant|participant|voice|guest)[\s_-]*\d*|unknown(?: speaker)?|unidentified(?: speaker)?|question(?:er)?|q|audience(?: member)?|journalist|reporter|male|female|man|woman|inaudible)(?:[\s_-]*\d+)?$/i;

export function isUnnamedSpeaker(name: string): boolean {
  return UNNAMED_SPEAKER.test(name.trim().replace(/[.:]$/, ""));
}

/** Markers transcribers leave for a later pass: [inaudible], [crosstalk 00:12:03], (unintelligible), [?], [TK]. */
const LEFTOVER_MARKER =
  /[[(](?:inaudible|crosstalk|cross-talk|unintelligible|indiscernible|unclear|overlapping(?: speech)?|audio cuts? out|\?+|tk)(?:[\s:,;-][^\])]{0,40})?[\])]/gi;

export function findLeftoverMarkers(text: string): string[] {
  return [...text.matchAll(LEFTOVER_MARKER)].map((match) => match[0]);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function listParagraphs(numbers: number[]): string {
  const shown = numbers.slice(0, 8).join(", ");
  return numbers.length > 8 ? `${shown} and ${numbers.length - 8} more` : shown;
}

/** The checks that fail, in a fixed order, blocking ones first. An empty list means ready to publish. */
export function evaluateChecks(input: CheckInput): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const fail = (check: CheckId, message: string) => failures.push({ check, blocking: BLOCKING.has(check), message });

  if (!input.title.trim()) fail("title", "Give the transcript a title: readers and search engines see it first.");
  if (input.annotationsNeedingReview > 0) {
    fail(
      "annotations_need_review",
      `${plural(input.annotationsNeedingReview, "annotation")} lost ${input.annotationsNeedingReview === 1 ? "its" : "their"} words in an edit and ${input.annotationsNeedingReview === 1 ? "needs" : "need"} review: re-attach or delete ${input.annotationsNeedingReview === 1 ? "it" : "them"} in the editor.`,
    );
  }
  if (input.unresolvedNotes > 0) {
    fail(
      "unresolved_notes",
      `${plural(input.unresolvedNotes, "internal note is", "internal notes are")} still open. Notes are never published, but an open one may be a question someone wanted answered first.`,
    );
  }
  const unnamed = [...new Set(input.speakers.map((speaker) => speaker.name).filter(isUnnamedSpeaker))];
  if (unnamed.length > 0) {
    fail(
      "unnamed_speakers",
      `${plural(unnamed.length, "speaker is", "speakers are")} not named: ${unnamed.map((name) => `“${name}”`).join(", ")}.`,
    );
  }
  const markerParagraphs: number[] = [];
  const markers = new Set<string>();
  input.paragraphs.forEach((paragraph, index) => {
    const found = findLeftoverMarkers(paragraph.text);
    if (found.length > 0) markerParagraphs.push(index + 1);
    found.forEach((marker) => markers.add(marker.toLowerCase()));
  });
  if (markerParagraphs.length > 0) {
    fail(
      "leftover_markers",
      `Markers such as ${[...markers].slice(0, 3).join(", ")} are left in ${plural(markerParagraphs.length, "paragraph")} (${listParagraphs(markerParagraphs)}).`,
    );
  }
  if (!input.occurredAt) fail("missing_date", "The event's date is not set: readers need to know when this was said.");
  if (!input.fidelityConfirmed) {
    fail(
      "unconfirmed_fidelity",
      "Nobody has confirmed the fidelity label (verbatim, clean read, machine…) that readers will see. Check it in Details.",
    );
  }
  return failures.sort((a, b) => Number(b.blocking) - Number(a.blocking));
}

export interface Override {
  check: string;
  reason: string;
}

/**
 * What still stops publication once the editor's overrides are applied: every blocking failure, and each warning
 * without an override that gives a reason.
 */
export function unresolvedChecks(failures: readonly CheckFailure[], overrides: readonly Override[]): CheckFailure[] {
  const overridden = new Set(
    overrides.filter((override) => override.reason.trim().length > 0).map((override) => override.check),
  );
  return failures.filter((failure) => failure.blocking || !overridden.has(failure.check));
}
