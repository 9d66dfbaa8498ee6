// Find and replace across a transcript: a preview of every match with its context, then one revision that
// replaces the chosen ones, re-anchoring each paragraph's annotations and mentions as any edit does.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RevisionChange } from "@/lib/json-columns";
import type { Actor } from "@/lib/permissions";
import { requireTranscriptFor, withTranscript } from "@/lib/transcripts/access";
import { reanchorAnnotations } from "@/lib/editor/anchors";
import { loadNameIndex, recountMentions, refreshMentions } from "@/lib/editor/mentions";
import { change, recordRevision, segmentSnapshot } from "@/lib/editor/revisions";
import { annotationSelect, numberedSegments, segmentSelect, toEditorAnnotation } from "@/lib/editor/serialize";
import type { EditorAnnotation, EditorSegment } from "@/lib/editor/types";
import { createSlicer, SLICED_TRANSACTION_TIMEOUT_MS } from "@/lib/ops/slices";
import { REPLACE_PREVIEW_LIMIT } from "@/lib/editor/paging";

export interface FindOptions {
  find: string;
  replace: string;
  matchCase: boolean;
  wholeWord: boolean;
}

export interface Match {
  segmentId: string;
  position: number;
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

const CONTEXT = 40;

/** The pattern for a literal search: special characters are matched as typed, never as a regular expression. */
export function findPattern({ find, matchCase, wholeWord }: Omit<FindOptions, "replace">): RegExp {
  const literal = find.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const source = wholeWord ? `(?<![\\p{L}\\p{N}_])${literal}(?![\\p{L}\\p{N}_])` : literal;
  return new RegExp(source, `gu${matchCase ? "" : "i"}`);
}

/** Every match in one text, with context. */
export function matchesIn(text: string, pattern: RegExp) {
  return Array.from(text.matchAll(pattern), (found) => ({
    start: found.index,
    end: found.index + found[0].length,
    before: text.slice(Math.max(0, found.index - CONTEXT), found.index),
    match: found[0],
    after: text.slice(found.index + found[0].length, found.index + found[0].length + CONTEXT),
  }));
}

/** Replaces the matches at `starts` (all when undefined) and returns the new text. */
export function replaceIn(text: string, pattern: RegExp, replacement: string, starts?: ReadonlySet<number>): string {
  return text.replace(pattern, (found: string, ...rest: unknown[]) => {
    const index = rest.find((value) => typeof value === "number") as number;
    return !starts || starts.has(index) ? replacement : found;
  });
}

export interface ReplacePreview {
  /** The first REPLACE_PREVIEW_LIMIT matches, in reading order. */
  matches: Match[];
  /** Every match in the transcript. */
  total: number;
  /** Whether there are more matches than listed. */
  truncated: boolean;
}

export async function previewReplace(
  actor: Actor,
  transcriptId: string,
  options: FindOptions,
): Promise<ReplacePreview> {
  await requireTranscriptFor(actor, transcriptId);
  const pattern = findPattern(options);
  const segments = await db.segment.findMany({
    where: { transcriptId, deletedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, text: true },
  });
  const matches: Match[] = [];
  let total = 0;
  const slicer = createSlicer();
  for (const [position, segment] of segments.entries()) {
    for (const found of matchesIn(segment.text, pattern)) {
      total += 1;
      // Past the list, only counted.
      if (matches.length < REPLACE_PREVIEW_LIMIT) matches.push({ segmentId: segment.id, position, ...found });
    }
    await slicer.slice();
  }
  return { matches, total, truncated: total > matches.length };
}

export async function applyReplace(
  actor: Actor,
  transcriptId: string,
  options: FindOptions & { only?: { segmentId: string; start: number }[] },
): Promise<{ replaced: number; segments: EditorSegment[]; annotations: EditorAnnotation[]; revision: number }> {
  const pattern = findPattern(options);
  return withTranscript(
    actor,
    transcriptId,
    "edit",
    async (tx) => {
      const chosen = new Map<string, Set<number>>();
      for (const { segmentId, start } of options.only ?? []) {
        chosen.set(segmentId, (chosen.get(segmentId) ?? new Set()).add(start));
      }
      const rows = await tx.segment.findMany({
        where: {
          transcriptId,
          deletedAt: null,
          ...(options.only ? { id: { in: [...chosen.keys()] } } : {}),
        },
        orderBy: { position: "asc" },
        select: { ...segmentSelect, deletedAt: true },
      });
      const changes: RevisionChange[] = [];
      const updated: string[] = [];
      let replaced = 0;
      // Thousands of paragraphs: other requests are answered between them (lib/ops/slices.ts).
      const slicer = createSlicer();
      // The entity names are read once, and the counts written once at the end, not per paragraph.
      const mentions = { names: await loadNameIndex(tx, transcriptId), touched: new Set<string>() };
      for (const row of rows) {
        await slicer.slice();
        const starts = options.only ? chosen.get(row.id) : undefined;
        const count = matchesIn(row.text, pattern).filter((found) => !starts || starts.has(found.start)).length;
        if (count === 0) continue;
        const text = replaceIn(row.text, pattern, options.replace, starts);
        if (text === row.text) continue;
        changes.push(...(await reanchorAnnotations(tx, row.id, row.text, text)));
        await refreshMentions(tx, transcriptId, row.id, row.text, text, mentions);
        const next = await tx.segment.update({
          where: { id: row.id },
          data: { text, version: { increment: 1 }, updatedAt: new Date(), updatedById: actor.id },
          select: { ...segmentSelect, deletedAt: true },
        });
        changes.push(change("segment", row.id, segmentSnapshot(row), segmentSnapshot(next)));
        updated.push(row.id);
        replaced += count;
      }
      if (replaced === 0) throw new AppError("UNPROCESSABLE", `“${options.find}” was not found.`);
      await recountMentions(tx, mentions.touched);
      const revision = await recordRevision(tx, {
        transcriptId,
        actorId: actor.id,
        action: "segment.replace",
        summary: `Replaced “${options.find}” with “${options.replace}” (${replaced}×)`,
        changes,
      });
      const segments = await numberedSegments(
        tx,
        transcriptId,
        await tx.segment.findMany({ where: { id: { in: updated } }, select: segmentSelect }),
      );
      const annotations = await tx.annotation.findMany({
        where: { segmentId: { in: updated }, deletedAt: null },
        select: annotationSelect,
      });
      return { replaced, segments, annotations: annotations.map(toEditorAnnotation), revision };
    },
    { timeoutMs: SLICED_TRANSACTION_TIMEOUT_MS },
  );
}
