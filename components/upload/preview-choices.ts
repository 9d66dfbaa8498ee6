// The upload preview's arithmetic, kept out of the component so it can be tested on its own: which removed lines
// to list, the word count with the lines the reporter keeps, which paragraphs to show, and the speaker names the
// reporter changed.
import { countWords } from "@/lib/ingest/prose";
import type { IngestResult, ParsedSegment, RemovedLine } from "@/lib/ingest/types";
import type { SpeakerNameChange } from "@/lib/transcripts/draft-overrides";

/**
 * Every line removed from the file, whether or not the reporter has since kept it. A re-parse with `restore` leaves
 * kept lines out of its `removed`, so the list comes from the first parse, joined with any later one (ids are
 * stable for the same bytes).
 */
export function removedLinesToList(first: readonly RemovedLine[], latest: readonly RemovedLine[]): RemovedLine[] {
  const byId = new Map<number, RemovedLine>();
  for (const line of [...first, ...latest]) if (!byId.has(line.id)) byId.set(line.id, line);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/**
 * The words the draft will have with the lines ticked in `keep`, straight away: the latest parse's count, plus the
 * ticked lines it has not put back yet, minus the lines it put back that have since been unticked. When the
 * re-parse with the same choices arrives, both corrections are zero and its own count stands.
 */
export function wordCountWithKeptLines(
  latest: Pick<IngestResult, "wordCount" | "removed">,
  allRemoved: readonly RemovedLine[],
  keep: ReadonlySet<number>,
): number {
  const stillRemoved = new Set(latest.removed.map((line) => line.id));
  let count = latest.wordCount;
  for (const line of allRemoved) {
    if (keep.has(line.id) && stillRemoved.has(line.id)) count += countWords(line.text);
    if (!keep.has(line.id) && !stillRemoved.has(line.id)) count -= countWords(line.text);
  }
  return count;
}

/** Ticked lines the latest parse has not put back into the text yet (a re-parse is on its way). */
export function keptLinesNotYetInText(latest: Pick<IngestResult, "removed">, keep: ReadonlySet<number>): RemovedLine[] {
  return latest.removed.filter((line) => keep.has(line.id));
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export interface ParagraphToShow {
  /** Position in the whole text, so the reporter sees where a kept line landed. */
  index: number;
  segment: ParsedSegment;
  /** The kept lines' texts found in this paragraph, to highlight. */
  keptTexts: string[];
}

/**
 * The opening paragraphs, plus every paragraph that holds a line the reporter chose to keep: a footer line put
 * back lands at the end of the text, far past the opening, and must still be seen to have arrived.
 */
export function paragraphsToShow(
  segments: readonly ParsedSegment[],
  keptLines: readonly RemovedLine[],
  openingCount: number,
): ParagraphToShow[] {
  const keptTexts = keptLines.map((line) => normalise(line.text)).filter(Boolean);
  const shown: ParagraphToShow[] = [];
  segments.forEach((segment, index) => {
    const text = normalise(segment.text);
    const found = keptTexts.filter((kept) => text.includes(kept));
    if (index < openingCount || found.length > 0) shown.push({ index, segment, keptTexts: found });
  });
  return shown;
}

/** What the reporter typed for a speaker's name, and whom they said a speaker is the same person as. */
export interface SpeakerEdits {
  /** Parsed name → the name typed. */
  names: Readonly<Record<string, string>>;
  /** Parsed name → the parsed name of the speaker they are the same person as. */
  sameAs: Readonly<Record<string, string>>;
}

/** A speaker merged into another cannot take others in: merging goes one step, into a speaker that stays. */
export function mergeTargets(speakerNames: readonly string[], edits: SpeakerEdits, of: string): string[] {
  return speakerNames.filter((name) => name !== of && !edits.sameAs[name]);
}

/**
 * The renames to send: each speaker's final name (its own typed name, or, when merged, the name of the speaker it
 * is the same person as), for the speakers whose final name differs from the parsed one. Blank names keep the
 * parsed name; a merge into a speaker that is no longer in the parse is dropped.
 */
export function speakerNameChanges(speakerNames: readonly string[], edits: SpeakerEdits): SpeakerNameChange[] {
  const present = new Set(speakerNames);
  const typedName = (name: string) => edits.names[name]?.trim() || name;
  const changes: SpeakerNameChange[] = [];
  for (const name of speakerNames) {
    const target = edits.sameAs[name];
    const isMerged = target !== undefined && present.has(target) && !edits.sameAs[target];
    const to = isMerged ? typedName(target) : typedName(name);
    if (to !== name) changes.push({ from: name, to });
  }
  return changes;
}
