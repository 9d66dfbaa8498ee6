// Live transcripts in the database (issue 19): starting one, and feeding it captions while the event runs. The
// joining itself is lib/live/cues.ts; this keeps its state on the transcript (`liveFeed`) and writes paragraphs as
// ordinary segments, each write a revision like any edit. The paragraph the feed may still extend is named with the
// version the feed wrote: once a person saves it, the version moves on and the feed starts a new paragraph, so the
// caption feed and an editor never overwrite each other. Non-final text lives only in `liveFeed.tail`: it is never a
// paragraph, so nothing public can show it.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readJson, writeJson } from "@/lib/json-columns";
import type { Actor } from "@/lib/permissions";
import { change, recordRevision, segmentSnapshot, speakerSnapshot } from "@/lib/editor/revisions";
import { slugForTitle } from "@/lib/editor/metadata";
import { segmentSelect, toEditorSegment } from "@/lib/editor/serialize";
import type { EditorSegment, LiveStatus } from "@/lib/editor/types";
import { feedCues, type FeedParagraph, type LiveCue } from "@/lib/live/cues";
import { MAX_CUE_CHARACTERS, MAX_CUES_PER_REQUEST } from "@/lib/live/feed-limits";
import { feedHealth, recordArrivals } from "@/lib/live/health";
import { withTranscript } from "@/lib/transcripts/access";

type Tx = Prisma.TransactionClient;

const cueSchema = z.object({
  speaker: z.string().trim().max(200).nullable(),
  text: z.string().max(MAX_CUE_CHARACTERS),
  startMs: z.number().int().nonnegative().nullable(),
  endMs: z.number().int().nonnegative().nullable(),
  final: z.boolean(),
});

const feedStateSchema = z.object({
  /** The paragraph the feed wrote last, and the version it wrote. */
  segmentId: z.string().nullable(),
  version: z.number().int().nullable(),
  tail: cueSchema.nullable(),
  /** When cues arrived lately, for the Live panel (lib/live/health.ts). */
  arrivals: z.array(z.number()).default([]),
  received: z.number().int().default(0),
});
type StoredFeed = z.infer<typeof feedStateSchema>;
const NO_FEED: StoredFeed = { segmentId: null, version: null, tail: null, arrivals: [], received: 0 };

export interface LiveTranscriptInput {
  title: string;
  occurredAt?: string | null;
  place?: string | null;
  speakers?: string[];
}

/** POST /api/transcripts/live: a draft, owned by the actor, that accepts captions. */
export async function startLiveTranscript(
  actor: Actor,
  input: LiveTranscriptInput,
): Promise<{ id: string; slug: string }> {
  const title = input.title.trim();
  if (!title) throw new AppError("BAD_REQUEST", "Give the live transcript a title.", { title: "Required." });
  const speakers = [...new Set((input.speakers ?? []).map((name) => name.trim()).filter(Boolean))];
  return db.$transaction(async (tx) => {
    const slug = await slugForTitle(tx, "", title);
    const transcript = await tx.transcript.create({
      data: {
        slug,
        title,
        occurredAt: input.occurredAt ? new Date(`${input.occurredAt}T00:00:00Z`) : null,
        place: input.place?.trim() || null,
        // Captions are a machine's words until a person checks them.
        fidelity: "MACHINE",
        createdById: actor.id,
        liveSince: new Date(),
        liveFeed: writeJson(feedStateSchema, NO_FEED),
        speakers: { create: speakers.map((name, position) => ({ name, position })) },
      },
      select: { id: true, slug: true },
    });
    await tx.revision.create({
      data: {
        transcriptId: transcript.id,
        number: 1,
        actorId: actor.id,
        action: "transcript.created",
        summary: "Started a live transcript",
        changes: "[]",
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "transcript.created",
      targetType: "transcript",
      targetId: transcript.id,
      details: { title, live: true },
    });
    return transcript;
  });
}

/** The speaker row for a cue's name, made the first time the name is heard. */
async function speakerFor(
  tx: Tx,
  transcriptId: string,
  name: string,
  known: Map<string, string>,
  changes: ReturnType<typeof change>[],
): Promise<string> {
  const found = known.get(name);
  if (found) return found;
  const position = await tx.speaker.count({ where: { transcriptId } });
  const row = await tx.speaker.create({
    data: { transcriptId, name, position },
    select: { id: true, name: true, title: true, role: true, outlet: true, personId: true, position: true },
  });
  changes.push(change("speaker", row.id, null, speakerSnapshot(row)));
  known.set(name, row.id);
  return row.id;
}

/**
 * POST /api/transcripts/:id/live/cues: joins the cues into the transcript's paragraphs. Answers the paragraphs it
 * wrote (created or extended), in order.
 */
export async function feedLiveCues(
  actor: Actor,
  transcriptId: string,
  cues: readonly LiveCue[],
): Promise<{ segments: EditorSegment[] }> {
  if (cues.length > MAX_CUES_PER_REQUEST) {
    throw new AppError("TOO_LARGE", `Send at most ${MAX_CUES_PER_REQUEST} cues a request.`);
  }
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    const transcript = await tx.transcript.findUniqueOrThrow({
      where: { id: transcriptId },
      select: { liveSince: true, liveFeed: true, speakers: { select: { id: true, name: true } } },
    });
    if (!transcript.liveSince) {
      throw new AppError(
        "CONFLICT",
        "This transcript is not live: start one with POST /api/transcripts/live, or the desk's “Start a live transcript”.",
      );
    }
    const stored = readJson(feedStateSchema, transcript.liveFeed, NO_FEED);
    const names = new Map(transcript.speakers.map((speaker) => [speaker.id, speaker.name]));
    const known = new Map(transcript.speakers.map((speaker) => [speaker.name, speaker.id]));

    // The paragraph the feed may extend: still the version it wrote, and not deleted.
    const lastRow = stored.segmentId
      ? await tx.segment.findFirst({
          where: { id: stored.segmentId, transcriptId, deletedAt: null, version: stored.version ?? -1 },
          select: { ...segmentSelect, deletedAt: true },
        })
      : null;
    const last: FeedParagraph | null = lastRow
      ? {
          speaker: lastRow.speakerId ? (names.get(lastRow.speakerId) ?? null) : null,
          text: lastRow.text,
          startMs: lastRow.startMs,
          endMs: lastRow.endMs,
        }
      : null;
    const { state, operations } = feedCues({ last, tail: stored.tail }, cues);

    const changes: ReturnType<typeof change>[] = [];
    type Written = NonNullable<typeof lastRow>;
    const written = new Map<string, Written>();
    let current: Written | null = lastRow;
    const now = new Date();
    for (const operation of operations) {
      const { paragraph } = operation;
      const speakerId = paragraph.speaker
        ? await speakerFor(tx, transcriptId, paragraph.speaker, known, changes)
        : null;
      if (operation.kind === "extend" && current) {
        const row = await tx.segment.update({
          where: { id: current.id },
          data: {
            text: paragraph.text,
            startMs: paragraph.startMs,
            endMs: paragraph.endMs,
            version: { increment: 1 },
            updatedAt: now,
            updatedById: actor.id,
          },
          select: { ...segmentSelect, deletedAt: true },
        });
        changes.push(change("segment", row.id, segmentSnapshot(current), segmentSnapshot(row)));
        current = row;
      } else {
        const end = await tx.segment.findFirst({
          where: { transcriptId },
          orderBy: { position: "desc" },
          select: { position: true },
        });
        const row = await tx.segment.create({
          data: {
            transcriptId,
            position: (end?.position ?? 0) + 1,
            speakerId,
            text: paragraph.text,
            startMs: paragraph.startMs,
            endMs: paragraph.endMs,
            updatedAt: now,
            updatedById: actor.id,
          },
          select: { ...segmentSelect, deletedAt: true },
        });
        changes.push(change("segment", row.id, null, segmentSnapshot(row)));
        current = row;
      }
      written.set(current.id, current);
    }

    await tx.transcript.update({
      where: { id: transcriptId },
      data: {
        liveFeed: writeJson(feedStateSchema, {
          segmentId: state.last ? (current?.id ?? null) : null,
          version: state.last ? (current?.version ?? null) : null,
          tail: state.tail,
          ...recordArrivals(stored, now.getTime(), cues.length),
        }),
      },
    });
    if (changes.length > 0) {
      await recordRevision(tx, {
        transcriptId,
        actorId: actor.id,
        action: "live.cues",
        summary: `Live captions: ${operations.length} ${operations.length === 1 ? "cue" : "cues"}`,
        changes,
      });
    }
    const liveCount = async (position: number) =>
      tx.segment.count({ where: { transcriptId, deletedAt: null, position: { lt: position } } });
    const segments: EditorSegment[] = [];
    for (const row of written.values()) segments.push(toEditorSegment(row, await liveCount(row.position)));
    return { segments };
  });
}

export type { LiveStatus };

/** The Live panel's status from the transcript's stored feed (null for a transcript that is not live). */
export function liveStatusOf(
  transcript: { liveSince: Date | null; liveFeed: string | null },
  now = Date.now(),
): LiveStatus | null {
  if (!transcript.liveSince) return null;
  const stored = readJson(feedStateSchema, transcript.liveFeed, NO_FEED);
  return {
    tail: stored.tail ? { speaker: stored.tail.speaker, text: stored.tail.text } : null,
    health: feedHealth(stored, now),
  };
}

/** The Live panel's status of a transcript, or null when it is not live: one read of the transcript row. */
export async function loadLiveStatus(transcriptId: string): Promise<LiveStatus | null> {
  const row = await db.transcript.findUnique({
    where: { id: transcriptId },
    select: { liveSince: true, liveFeed: true },
  });
  return row ? liveStatusOf(row) : null;
}
