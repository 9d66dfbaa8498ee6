// What readers of a live transcript receive (GET /t/<slug>/events, lib/live/hub.ts): every saved change to a live
// transcript that readers may see becomes a numbered event, written in the same transaction as the change. Only
// saved rows are read, so text typed but not saved, the feed's non-final tail, internal notes and notes awaiting an
// editor's approval never become events. Numbers come from Transcript.liveSeq, raised under the transcript row's lock
// (every revision already takes it), so they follow commit order: a reader resuming after event n misses nothing.
import { notifyServers } from "@/lib/db/coordination";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RevisionChange } from "@/lib/json-columns";
import { readJson, sourcesSchema } from "@/lib/json-columns";
import { processSignal } from "@/lib/runtime/process-wide";

type Tx = Prisma.TransactionClient;

export const LIVE_EVENT_TYPES = ["paragraph", "annotation", "correction", "speaker", "end"] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/** PostgreSQL's channel for "transcript X has new live events" (its id), heard by every server's hub. */
export const LIVE_CHANNEL = "verbatim_live";

export interface LiveSpeaker {
  id: string;
  name: string;
}

/** A final paragraph as readers see it. */
export interface LiveParagraph {
  id: string;
  position: number;
  speaker: LiveSpeaker | null;
  text: string;
  startMs: number | null;
}

/** A public note (context, fact-check, key quote) as readers see it; never an internal note. */
export interface LiveNote {
  id: string;
  paragraphId: string;
  kind: "CONTEXT" | "FACTCHECK" | "QUOTE";
  start: number;
  end: number;
  exact: string;
  /** Whether its words are still where it was put (otherwise it is shown under the paragraph, unmarked). */
  anchored: boolean;
  body: string;
  claim: string | null;
  verdict: string | null;
  sources: { url: string; title?: string }[];
  checker: string | null;
}

export type LiveEventData =
  | { type: "paragraph"; data: { paragraph: LiveParagraph } }
  | { type: "correction"; data: { paragraph: LiveParagraph } | { paragraphId: string; removed: true } }
  | { type: "annotation"; data: { annotation: LiveNote } | { annotationId: string; removed: true } }
  | { type: "speaker"; data: { speaker: LiveSpeaker } }
  | { type: "end"; data: { status: "PUBLISHED"; url: string } | { status: "UNPUBLISHED" } };

export interface LiveEvent {
  seq: number;
  type: LiveEventType;
  /** The event's JSON, exactly as readers receive it. */
  data: string;
}

/** The notes readers may see: every kind but internal notes. */
export const PUBLIC_NOTE_KINDS: LiveNote["kind"][] = ["CONTEXT", "FACTCHECK", "QUOTE"];

export function isPublicKind(kind: string): kind is LiveNote["kind"] {
  return (PUBLIC_NOTE_KINDS as string[]).includes(kind);
}

/** What `liveNote` reads of a note. */
export const liveNoteSelect = {
  id: true,
  segmentId: true,
  kind: true,
  start: true,
  end: true,
  exact: true,
  status: true,
  body: true,
  claim: true,
  verdict: true,
  sources: true,
  checker: true,
} satisfies Prisma.AnnotationSelect;

export function liveParagraph(
  row: { id: string; position: number; speakerId: string | null; text: string; startMs: number | null },
  speakerNames: ReadonlyMap<string, string>,
): LiveParagraph {
  const name = row.speakerId ? speakerNames.get(row.speakerId) : undefined;
  return {
    id: row.id,
    position: row.position,
    speaker: row.speakerId && name !== undefined ? { id: row.speakerId, name } : null,
    text: row.text,
    startMs: row.startMs,
  };
}

export function liveNote(row: {
  id: string;
  segmentId: string;
  kind: string;
  start: number;
  end: number;
  exact: string;
  status: string;
  body: string;
  claim: string | null;
  verdict: string | null;
  sources: string;
  checker: string | null;
}): LiveNote {
  return {
    id: row.id,
    paragraphId: row.segmentId,
    kind: row.kind as LiveNote["kind"],
    start: row.start,
    end: row.end,
    exact: row.exact,
    anchored: row.status === "ANCHORED",
    body: row.body,
    claim: row.claim,
    verdict: row.verdict,
    sources: readJson(sourcesSchema, row.sources, []),
    checker: row.checker,
  };
}

type SegmentState = {
  position: number;
  speakerId: string | null;
  text: string;
  startMs: number | null;
  deletedAt: string | null;
};

/**
 * What a saved change to one paragraph tells readers: `paragraph` for a new paragraph or one that grew (the caption
 * feed extending it: same speaker, the old words still its start); `correction` when words readers already have were
 * changed, re-attributed or removed; nothing when no field readers see changed.
 */
export function paragraphEvent(
  id: string,
  before: SegmentState | null,
  after: SegmentState | null,
  speakerNames: ReadonlyMap<string, string>,
): LiveEventData | null {
  const wasShown = before !== null && before.deletedAt === null;
  if (!after || after.deletedAt !== null) {
    return wasShown ? { type: "correction", data: { paragraphId: id, removed: true } } : null;
  }
  const paragraph = { paragraph: liveParagraph({ id, ...after }, speakerNames) };
  if (!wasShown) return { type: "paragraph", data: paragraph };
  const same =
    before.text === after.text &&
    before.speakerId === after.speakerId &&
    before.position === after.position &&
    before.startMs === after.startMs;
  if (same) return null;
  const grew = before.speakerId === after.speakerId && after.text.startsWith(before.text);
  return { type: grew ? "paragraph" : "correction", data: paragraph };
}

/** What a saved change to one note tells readers: the note when they may see it, its removal otherwise. */
export function annotationEvent(
  row: Parameters<typeof liveNote>[0] & { deletedAt: Date | null; awaitingApproval: boolean },
): LiveEventData | null {
  if (!isPublicKind(row.kind)) return null;
  if (row.deletedAt || row.awaitingApproval)
    return { type: "annotation", data: { annotationId: row.id, removed: true } };
  return { type: "annotation", data: { annotation: liveNote(row) } };
}

const noteSelect = { ...liveNoteSelect, deletedAt: true, awaitingApproval: true } satisfies Prisma.AnnotationSelect;

/** The events a revision of a live transcript makes (called by recordRevision, in its transaction). */
export async function liveEventsOfChanges(
  tx: Tx,
  transcriptId: string,
  changes: RevisionChange[],
): Promise<LiveEventData[]> {
  const segments = changes.filter((entry) => entry.type === "segment");
  const annotationIds = changes.filter((entry) => entry.type === "annotation").map((entry) => entry.id);
  const [speakers, notes] = await Promise.all([
    segments.length > 0
      ? tx.speaker.findMany({ where: { transcriptId }, select: { id: true, name: true } })
      : Promise.resolve([]),
    annotationIds.length > 0
      ? tx.annotation.findMany({ where: { id: { in: annotationIds } }, select: noteSelect })
      : Promise.resolve([]),
  ]);
  const names = new Map(speakers.map((speaker) => [speaker.id, speaker.name]));
  const events: LiveEventData[] = [];
  for (const entry of segments) {
    const event = paragraphEvent(
      entry.id,
      entry.before as SegmentState | null,
      entry.after as SegmentState | null,
      names,
    );
    if (event) events.push(event);
  }
  // A renamed speaker: one event, not one per paragraph of theirs.
  for (const entry of changes) {
    const before = entry.before as { name?: string } | null;
    const after = entry.after as { name?: string } | null;
    if (entry.type === "speaker" && before?.name && after?.name && before.name !== after.name) {
      events.push({ type: "speaker", data: { speaker: { id: entry.id, name: after.name } } });
    }
  }
  // Notes after paragraphs: a note arriving with its new paragraph finds it.
  const byId = new Map(notes.map((note) => [note.id, note]));
  const isNew = new Set(
    changes.filter((entry) => entry.type === "annotation" && !entry.before).map((entry) => entry.id),
  );
  for (const id of new Set(annotationIds)) {
    const row = byId.get(id);
    // A new note waiting for approval: readers have nothing to remove, and learn nothing of it.
    if (!row || (row.awaitingApproval && isNew.has(id))) continue;
    const event = annotationEvent(row);
    if (event) events.push(event);
  }
  return events;
}

/** The event for one note as it is now (approval). */
export async function liveEventOfNote(tx: Tx, annotationId: string): Promise<LiveEventData | null> {
  const row = await tx.annotation.findUnique({ where: { id: annotationId }, select: noteSelect });
  return row ? annotationEvent(row) : null;
}

/**
 * Numbers and stores `events` (in the caller's transaction, which must be changing this live transcript) and tells
 * every server's hub: PostgreSQL's NOTIFY goes out when the transaction commits; on SQLite the one server's hub looks.
 */
export async function recordLiveEvents(tx: Tx, transcriptId: string, events: LiveEventData[]): Promise<void> {
  if (events.length === 0) return;
  // The row lock this update takes (or already holds) is held to commit: numbers are handed out in commit order.
  const { liveSeq } = await tx.transcript.update({
    where: { id: transcriptId },
    data: { liveSeq: { increment: events.length } },
    select: { liveSeq: true },
  });
  const first = liveSeq - events.length + 1;
  await tx.liveEvent.createMany({
    data: events.map((event, index) => ({
      transcriptId,
      seq: first + index,
      type: event.type,
      data: JSON.stringify(event.data),
    })),
  });
  await notifyServers(tx, LIVE_CHANNEL, transcriptId);
  announceLiveEvents(transcriptId);
}

// The process's own signal to its hub. Sent before the commit, so the hub looks a moment later, and again on its round.
const liveEvents = processSignal<string>("live-events");

export function announceLiveEvents(transcriptId: string): void {
  liveEvents.send(transcriptId);
}

export function onLiveEvents(listener: (transcriptId: string) => void): () => void {
  return liveEvents.listen(listener);
}
