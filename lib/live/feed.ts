// Live transcripts in the database (issue 19): starting one, and feeding it captions while the event runs. The
// joining itself is lib/live/cues.ts; this keeps its state on the transcript (`liveFeed`) and writes paragraphs as
// ordinary segments, each write a revision like any edit. The paragraph the feed may still extend is named with the
// version the feed wrote: once a person saves it, the version moves on and the feed starts a new paragraph, so the
// caption feed and an editor never overwrite each other. Non-final text lives only in `liveFeed.tail`: it is never a
// paragraph, so nothing public can show it.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";
import { lockTranscript } from "@/lib/db/coordination";
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
import { revisionRow } from "@/lib/transcripts/rows";

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
    const slug = await slugForTitle(tx, null, title);
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
    // Revision 1 is the start, as an upload's is the upload: the history starts here.
    await tx.revision.create({
      data: revisionRow({
        transcriptId: transcript.id,
        number: 1,
        actorId: actor.id,
        action: "transcript.created",
        summary: "Started a live transcript",
        changes: [],
      }),
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
  // Feed requests take the transcript's lock, one after another. A person saving the feed's paragraph does not: when
  // the paragraph (or the feed's state) changed under a request, it starts again from what is there, so neither
  // loses words.
  for (let attempt = 1; ; attempt++) {
    try {
      return await feedOnce(actor, transcriptId, cues);
    } catch (error) {
      if (!(error instanceof FeedMovedOn) || attempt >= MAX_FEED_ATTEMPTS) {
        if (error instanceof FeedMovedOn) {
          throw new AppError("CONFLICT", "The transcript kept changing while these cues were joined: send them again.");
        }
        throw error;
      }
    }
  }
}

const MAX_FEED_ATTEMPTS = 3;

/** What feedOnce read changed before it could write: its transaction is undone and tried again. */
class FeedMovedOn extends Error {}

async function feedOnce(
  actor: Actor,
  transcriptId: string,
  cues: readonly LiveCue[],
): Promise<{ segments: EditorSegment[] }> {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    // One feed request at a time per transcript, across servers (PostgreSQL; SQLite writes one at a time anyway).
    await lockTranscript(tx, transcriptId);
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
        // Only the version the feed read: a person's save in between must not be written over.
        const { count } = await tx.segment.updateMany({
          where: { id: current.id, version: current.version },
          data: {
            text: paragraph.text,
            startMs: paragraph.startMs,
            endMs: paragraph.endMs,
            version: { increment: 1 },
            updatedAt: now,
            updatedById: actor.id,
          },
        });
        if (count === 0) throw new FeedMovedOn();
        const row = await tx.segment.findUniqueOrThrow({
          where: { id: current.id },
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

    // The feed's state as this request read it, or another request got there first.
    const { count: saved } = await tx.transcript.updateMany({
      where: { id: transcriptId, liveFeed: transcript.liveFeed },
      data: {
        liveFeed: writeJson(feedStateSchema, {
          segmentId: state.last ? (current?.id ?? null) : null,
          version: state.last ? (current?.version ?? null) : null,
          tail: state.tail,
          ...recordArrivals(stored, now.getTime(), cues.length),
        }),
      },
    });
    if (saved === 0) throw new FeedMovedOn();
    if (changes.length > 0) {
      await recordRevision(tx, {
        transcriptId,
        actorId: actor.id,
        action: "live.cues",
        summary: `Live captions: ${operations.length} ${operations.length === 1 ? "cue" : "cues"}`,
        changes,
      });
    }
    // Each written paragraph's place among the live ones: they are near the end, so two reads cover them all.
    const rows = [...written.values()];
    if (rows.length === 0) return { segments: [] };
    const from = Math.min(...rows.map((row) => row.position));
    const [before, after] = await Promise.all([
      tx.segment.count({ where: { transcriptId, deletedAt: null, position: { lt: from } } }),
      tx.segment.findMany({
        where: { transcriptId, deletedAt: null, position: { gte: from } },
        orderBy: { position: "asc" },
        select: { id: true },
      }),
    ]);
    const place = new Map(after.map((row, index) => [row.id, before + index]));
    return { segments: rows.map((row) => toEditorSegment(row, place.get(row.id) ?? before)) };
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
