// Annotations on a character range of a paragraph: internal notes (staff only, with replies and resolve / reopen),
// context, fact-checks and key quotes. Created at a range, with a quote selector so edits can re-anchor them.
import { isValidRange } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sourcesSchema, writeJson } from "@/lib/json-columns";
import { recordAuditEvent } from "@/lib/audit";
import { canPublishTranscript, hasRole, type Actor } from "@/lib/permissions";
import { isPublicKind, liveEventOfNote, recordLiveEvents } from "@/lib/editor/live-events";
import { requireTranscriptFor, withTranscript, type TranscriptHandle } from "@/lib/transcripts/access";
import { selectorFor } from "@/lib/editor/anchors";
import { annotationSnapshot, change, recordRevision } from "@/lib/editor/revisions";
import { annotationSelect, toEditorAnnotation } from "@/lib/editor/serialize";
import type { AnnotationKindName, EditorAnnotation, EditorReply, SourceLink, VerdictName } from "@/lib/editor/types";

type Tx = Prisma.TransactionClient;

const fullSelect = {
  ...annotationSelect,
  transcriptId: true,
  resolvedById: true,
  deletedAt: true,
} satisfies Prisma.AnnotationSelect;

const KIND = { note: "NOTE", context: "CONTEXT", factcheck: "FACTCHECK", quote: "QUOTE" } as const;
const VERDICT = {
  accurate: "ACCURATE",
  misleading: "MISLEADING",
  false: "FALSE",
  unverifiable: "UNVERIFIABLE",
  needs_context: "NEEDS_CONTEXT",
} as const;

export interface AnnotationInput {
  segmentId: string;
  start: number;
  end: number;
  kind: AnnotationKindName;
  body: string;
  verdict?: VerdictName | null;
  claim?: string | null;
  sources?: SourceLink[];
  checker?: string | null;
}

export interface AnnotationUpdate {
  body?: string;
  verdict?: VerdictName | null;
  claim?: string | null;
  sources?: SourceLink[];
  checker?: string | null;
  resolved?: boolean;
  segmentId?: string;
  start?: number;
  end?: number;
}

/** The paragraph's text, when the range lies inside it; a 422 otherwise. */
async function anchorText(tx: Tx, transcriptId: string, segmentId: string, start: number, end: number) {
  const segment = await tx.segment.findFirst({
    where: { id: segmentId, transcriptId, deletedAt: null },
    select: { text: true },
  });
  if (!segment) throw new AppError("NOT_FOUND", "No such paragraph in this transcript.");
  if (!isValidRange(segment.text, { start, end })) {
    throw new AppError(
      "UNPROCESSABLE",
      `The range ${start}–${end} is outside the paragraph's text (0–${segment.text.length}) or empty.`,
      { start: "Outside the text." },
    );
  }
  return segment.text;
}

function assertKindFields(kind: AnnotationKindName, fields: { verdict?: VerdictName | null }) {
  if (kind === "factcheck" && !fields.verdict) {
    throw new AppError("BAD_REQUEST", "A fact-check needs a verdict.", { verdict: "Choose a verdict." });
  }
  if (kind !== "factcheck" && fields.verdict) {
    throw new AppError("BAD_REQUEST", "Only fact-checks have a verdict.", { verdict: "Only for fact-checks." });
  }
}

/** POST /annotations */
/**
 * Whether readers of a live transcript may see this person's public note only once an editor approves it: a
 * reporter's context, fact-check or key quote, added or changed while the transcript is live. An editor's or an
 * admin's goes out at once. Null: nothing to decide (not live, or an internal note), the note keeps what it had.
 */
function liveApproval(actor: Actor, transcript: Pick<TranscriptHandle, "status">, kind: string): boolean | null {
  if (!isPublicKind(kind) || transcript.status !== "LIVE") return null;
  return !hasRole(actor, "EDITOR");
}

export async function createAnnotation(actor: Actor, transcriptId: string, input: AnnotationInput) {
  return withTranscript(actor, transcriptId, "edit", async (tx, transcript) => {
    const text = await anchorText(tx, transcriptId, input.segmentId, input.start, input.end);
    assertKindFields(input.kind, input);
    const quote = selectorFor(text, input.start, input.end);
    const awaitingApproval = liveApproval(actor, transcript, KIND[input.kind]) ?? false;
    const row = await tx.annotation.create({
      data: {
        awaitingApproval,
        transcriptId,
        segmentId: input.segmentId,
        start: input.start,
        end: input.end,
        ...quote,
        kind: KIND[input.kind],
        body: input.body,
        verdict: input.verdict ? VERDICT[input.verdict] : null,
        claim: input.claim?.trim() || null,
        sources: writeJson(sourcesSchema, input.sources ?? []),
        checker: input.checker?.trim() || null,
        authorId: actor.id,
      },
      select: fullSelect,
    });
    await recordRevision(tx, {
      transcriptId,
      actorId: actor.id,
      action: "annotation.add",
      summary: `Added a ${input.kind === "factcheck" ? "fact-check" : input.kind === "quote" ? "key quote" : input.kind} on “${clip(quote.exact)}”`,
      changes: [change("annotation", row.id, null, annotationSnapshot(row))],
    });
    return { annotation: toEditorAnnotation(row) };
  });
}

function clip(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

async function findAnnotation(tx: Tx, transcriptId: string, annotationId: string) {
  const row = await tx.annotation.findFirst({
    where: { id: annotationId, transcriptId, deletedAt: null },
    select: fullSelect,
  });
  if (!row) throw new AppError("NOT_FOUND", "No such annotation in this transcript.");
  return row;
}

/** PATCH /annotations/:id: edit, resolve / reopen (notes), or re-attach to a new range (segmentId + start + end). */
export async function updateAnnotation(
  actor: Actor,
  transcriptId: string,
  annotationId: string,
  update: AnnotationUpdate,
) {
  return withTranscript(actor, transcriptId, "edit", async (tx, transcript) => {
    const row = await findAnnotation(tx, transcriptId, annotationId);
    const kind = row.kind.toLowerCase() as AnnotationKindName;
    const data: Prisma.AnnotationUpdateInput = { version: { increment: 1 } };
    const awaitingApproval = liveApproval(actor, transcript, row.kind);
    if (awaitingApproval !== null) data.awaitingApproval = awaitingApproval;
    if (update.body !== undefined) data.body = update.body;
    if (update.verdict !== undefined) {
      assertKindFields(kind, { verdict: update.verdict });
      data.verdict = update.verdict ? VERDICT[update.verdict] : null;
    }
    if (update.claim !== undefined) data.claim = update.claim?.trim() || null;
    if (update.checker !== undefined) data.checker = update.checker?.trim() || null;
    if (update.sources !== undefined) data.sources = writeJson(sourcesSchema, update.sources);
    if (update.resolved !== undefined) {
      if (kind !== "note") throw new AppError("UNPROCESSABLE", "Only internal notes are resolved and reopened.");
      data.resolvedAt = update.resolved ? new Date() : null;
      data.resolvedById = update.resolved ? actor.id : null;
    }
    let action = "annotation.edit";
    if (update.segmentId !== undefined || update.start !== undefined || update.end !== undefined) {
      if (update.segmentId === undefined || update.start === undefined || update.end === undefined) {
        throw new AppError("BAD_REQUEST", "Re-attaching needs segmentId, start and end together.");
      }
      const text = await anchorText(tx, transcriptId, update.segmentId, update.start, update.end);
      Object.assign(data, {
        segment: { connect: { id: update.segmentId } },
        start: update.start,
        end: update.end,
        ...selectorFor(text, update.start, update.end),
        status: "ANCHORED",
        reviewReason: null,
      });
      action = "annotation.reattach";
    }
    const next = await tx.annotation.update({ where: { id: annotationId }, data, select: fullSelect });
    const summary =
      action === "annotation.reattach"
        ? `Re-attached an annotation to “${clip(next.exact)}”`
        : update.resolved === true
          ? "Resolved a note"
          : update.resolved === false
            ? "Reopened a note"
            : "Edited an annotation";
    await recordRevision(tx, {
      transcriptId,
      actorId: actor.id,
      action,
      summary,
      changes: [change("annotation", annotationId, annotationSnapshot(row), annotationSnapshot(next))],
    });
    return { annotation: toEditorAnnotation(next) };
  });
}

/** DELETE /annotations/:id: soft, and recorded, so history can bring it back. */
export async function deleteAnnotation(actor: Actor, transcriptId: string, annotationId: string) {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    const row = await findAnnotation(tx, transcriptId, annotationId);
    const next = await tx.annotation.update({
      where: { id: annotationId },
      data: { deletedAt: new Date(), version: { increment: 1 } },
      select: fullSelect,
    });
    await recordRevision(tx, {
      transcriptId,
      actorId: actor.id,
      action: "annotation.delete",
      summary: `Deleted an annotation on “${clip(row.exact)}”`,
      changes: [change("annotation", annotationId, annotationSnapshot(row), annotationSnapshot(next))],
    });
    return { annotation: toEditorAnnotation(next) };
  });
}

/**
 * POST /annotations/:id/approval: an editor lets readers see a reporter's public note added while the transcript was
 * live (it goes out on the live stream at once, and into the next publication).
 */
export async function approveAnnotation(actor: Actor, transcriptId: string, annotationId: string) {
  return withTranscript(actor, transcriptId, "edit", async (tx, transcript) => {
    const row = await findAnnotation(tx, transcriptId, annotationId);
    if (!row.awaitingApproval) throw new AppError("CONFLICT", "This note is not waiting for approval.");
    if (!canPublishTranscript(actor).allowed) {
      throw new AppError("FORBIDDEN", "Only editors and admins approve notes for readers.");
    }
    const next = await tx.annotation.update({
      where: { id: annotationId },
      data: { awaitingApproval: false },
      select: fullSelect,
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "annotation.approved",
      targetType: "transcript",
      targetId: transcriptId,
      details: { annotationId, kind: row.kind },
    });
    if (transcript.status === "LIVE") {
      const event = await liveEventOfNote(tx, annotationId);
      if (event) await recordLiveEvents(tx, transcriptId, [event]);
    }
    return { annotation: toEditorAnnotation(next) };
  });
}

/** POST /annotations/:id/replies: a reply in an internal note's thread. */
export async function replyToNote(
  actor: Actor,
  transcriptId: string,
  annotationId: string,
  body: string,
): Promise<{ reply: EditorReply }> {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    const row = await findAnnotation(tx, transcriptId, annotationId);
    if (row.kind !== "NOTE") throw new AppError("UNPROCESSABLE", "Only internal notes have replies.");
    const reply = await tx.annotationReply.create({
      data: { annotationId, authorId: actor.id, body },
      select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } },
    });
    return { reply: { ...reply, createdAt: reply.createdAt.toISOString() } };
  });
}

/** GET /annotations: every live annotation of a transcript the actor may see, in reading order. */
export async function listAnnotations(actor: Actor, transcriptId: string): Promise<EditorAnnotation[]> {
  await requireTranscriptFor(actor, transcriptId);
  const rows = await db.annotation.findMany({
    where: { transcriptId, deletedAt: null },
    orderBy: [{ segment: { position: "asc" } }, { start: "asc" }, { createdAt: "asc" }],
    select: annotationSelect,
  });
  return rows.map(toEditorAnnotation);
}
