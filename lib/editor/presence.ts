// Who has a transcript open, and what changed since a browser last looked: the editor's heartbeat. Each tab
// says where it is every few seconds; rows older than PRESENCE_TTL_MS no longer count.
import { db } from "@/lib/db";
import { readJson, revisionChangesSchema } from "@/lib/json-columns";
import type { Actor } from "@/lib/permissions";
import { withTranscript } from "@/lib/transcripts/access";
import { liveSegments } from "@/lib/transcripts/working-copy";
import { listMentionsNeedingReview } from "@/lib/editor/review";
import {
  annotationSelect,
  segmentSelect,
  speakerSelect,
  toEditorAnnotation,
  numberedSegments,
  toEditorSpeaker,
} from "@/lib/editor/serialize";
import type { PresenceResponse } from "@/lib/editor/types";

export const PRESENCE_TTL_MS = 20_000;
/** More revisions than this since the caller last looked: it should reload rather than patch. */
const MAX_CHANGED_REVISIONS = 500;

export async function heartbeat(
  actor: Actor & { name?: string },
  transcriptId: string,
  input: { clientId: string; segmentId: string | null; sinceRevision: number },
): Promise<PresenceResponse & { reload?: boolean }> {
  const now = new Date();
  // The permission is checked in the same transaction as the write: a share revoked a moment ago stops here.
  const transcript = await withTranscript(actor, transcriptId, "view", async (tx, handle) => {
    // Only a paragraph of this transcript is shown to others as where the caller is.
    const segmentId =
      input.segmentId &&
      (await tx.segment.findFirst({ where: { id: input.segmentId, transcriptId }, select: { id: true } }))
        ? input.segmentId
        : null;
    await tx.presence.upsert({
      where: { transcriptId_userId_clientId: { transcriptId, userId: actor.id, clientId: input.clientId } },
      create: { transcriptId, userId: actor.id, clientId: input.clientId, segmentId, seenAt: now },
      update: { segmentId, seenAt: now },
    });
    await tx.presence.deleteMany({
      where: { transcriptId, seenAt: { lt: new Date(now.getTime() - 5 * PRESENCE_TTL_MS) } },
    });
    return handle;
  });
  const rows = await db.presence.findMany({
    where: { transcriptId, seenAt: { gte: new Date(now.getTime() - PRESENCE_TTL_MS) }, userId: { not: actor.id } },
    orderBy: { seenAt: "desc" },
    select: { userId: true, segmentId: true, user: { select: { name: true } } },
  });
  const seen = new Set<string>();
  const people = rows
    .filter((row) => (seen.has(row.userId) ? false : (seen.add(row.userId), true)))
    .map((row) => ({ userId: row.userId, name: row.user.name, segmentId: row.segmentId }));

  const response: PresenceResponse & { reload?: boolean } = { people, revision: transcript.revision };
  if (transcript.revision <= input.sinceRevision) return response;
  if (transcript.revision - input.sinceRevision > MAX_CHANGED_REVISIONS) return { ...response, reload: true };
  response.changes = await changesSince(transcriptId, input.sinceRevision);
  return response;
}

/** The current state of every paragraph, speaker and annotation touched by revisions after `since`. */
async function changesSince(transcriptId: string, since: number): Promise<NonNullable<PresenceResponse["changes"]>> {
  const revisions = await db.revision.findMany({
    where: { transcriptId, number: { gt: since } },
    select: { changes: true },
  });
  const ids = { segment: new Set<string>(), speaker: new Set<string>(), annotation: new Set<string>() };
  for (const revision of revisions) {
    for (const entry of readJson(revisionChangesSchema, revision.changes, [])) {
      if (entry.type === "segment" || entry.type === "speaker" || entry.type === "annotation")
        ids[entry.type].add(entry.id);
    }
  }
  const segmentRows = await db.segment.findMany({
    where: { id: { in: [...ids.segment] } },
    select: { ...segmentSelect, deletedAt: true },
  });
  const segments = await numberedSegments(
    db,
    transcriptId,
    segmentRows.filter((row) => row.deletedAt === null),
  );
  const speakers = await db.speaker.findMany({ where: { id: { in: [...ids.speaker] } }, select: speakerSelect });
  const annotations = await db.annotation.findMany({
    where: { id: { in: [...ids.annotation] }, deletedAt: null },
    select: annotationSelect,
  });
  const deletedAnnotations = await db.annotation.findMany({
    where: { id: { in: [...ids.annotation] }, deletedAt: { not: null } },
    select: { id: true },
  });
  return {
    segments,
    deletedSegmentIds: segmentRows.filter((row) => row.deletedAt !== null).map((row) => row.id),
    segmentCount: await db.segment.count({ where: liveSegments(transcriptId) }),
    speakers: speakers.map(toEditorSpeaker),
    annotations: annotations.map(toEditorAnnotation),
    deletedAnnotationIds: deletedAnnotations.map((row) => row.id),
    mentionsNeedingReview: await listMentionsNeedingReview(db, transcriptId),
  };
}
