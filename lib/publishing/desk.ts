// What the desk shows about publishing: each person's queues, and one transcript's review page (checks,
// timeline, published version, corrections), and a preview of the working copy as readers would see it.
import { partStarts } from "@/lib/publishing/parts";
import { db } from "@/lib/db";
import { overridesSchema, readJson } from "@/lib/json-columns";
import { findTranscriptFor, visibleTranscriptsWhere } from "@/lib/transcripts/access";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TranscriptStatus } from "@/lib/generated/prisma/enums";
import { hasRole, type Actor } from "@/lib/permissions";
import { CHECKS, CHECK_LABELS, evaluateChecks, type CheckFailure, type CheckId } from "@/lib/publishing/checks";
import { snapshotOf } from "@/lib/publishing/snapshot";
import { loadWorkingCopy } from "@/lib/transcripts/working-copy";
import type { PublicTranscript, PublishedSegment } from "@/lib/publishing/types";
import { latestPublication, loadCheckInput, type WorkflowAction } from "@/lib/publishing/workflow";

const QUEUE_SIZE = 20;

const queueSelect = {
  id: true,
  title: true,
  status: true,
  updatedAt: true,
  publishAt: true,
  firstPublishedAt: true,
  publicSlug: true,
  createdBy: { select: { name: true } },
  events: {
    orderBy: { at: "desc" },
    take: 1,
    select: { action: true, note: true, at: true, actor: { select: { name: true } } },
  },
} satisfies Prisma.TranscriptSelect;
export type QueueItem = Prisma.TranscriptGetPayload<{ select: typeof queueSelect }>;

export interface DeskQueues {
  returnedToMe: QueueItem[];
  myDrafts: QueueItem[];
  waitingForReview: QueueItem[];
  scheduled: QueueItem[];
  /** Live to readers now (lib/live): every newsroom member sees them. */
  liveNow: QueueItem[];
  recentlyPublished: QueueItem[];
  /** Editors review everyone's; a reporter's "waiting" list is their own submissions. */
  reviewsEveryone: boolean;
}

export async function loadDeskQueues(actor: Actor): Promise<DeskQueues> {
  const visible = visibleTranscriptsWhere(actor);
  const mine: Prisma.TranscriptWhereInput = {
    OR: [{ createdById: actor.id }, { shares: { some: { userId: actor.id } } }],
  };
  const reviewsEveryone = hasRole(actor, "EDITOR");
  const list = (where: Prisma.TranscriptWhereInput, orderBy: Prisma.TranscriptOrderByWithRelationInput) =>
    db.transcript.findMany({ where: { AND: [visible, where] }, orderBy, take: QUEUE_SIZE, select: queueSelect });
  const [drafts, waitingForReview, scheduled, liveNow, recentlyPublished] = await Promise.all([
    list({ AND: [mine, { status: "DRAFT" }] }, { updatedAt: "desc" }),
    list(reviewsEveryone ? { status: "IN_REVIEW" } : { AND: [mine, { status: "IN_REVIEW" }] }, { updatedAt: "asc" }),
    list({ status: "SCHEDULED" }, { publishAt: "asc" }),
    list({ status: "LIVE" }, { updatedAt: "desc" }),
    list({ status: "PUBLISHED" }, { firstPublishedAt: "desc" }),
  ]);
  const isReturned = (item: QueueItem) => item.events[0]?.action === "returned";
  return {
    returnedToMe: drafts.filter(isReturned),
    myDrafts: drafts.filter((item) => !isReturned(item)),
    waitingForReview,
    scheduled,
    liveNow,
    recentlyPublished,
    reviewsEveryone,
  };
}

export interface CheckRow {
  check: CheckId;
  label: string;
  passed: boolean;
  blocking: boolean;
  message: string | null;
}

export interface TimelineEntry {
  id: string;
  action: WorkflowAction;
  from: TranscriptStatus;
  to: TranscriptStatus;
  note: string | null;
  overrides: { check: string; reason: string }[];
  actor: string | null;
  at: Date;
}

export interface PublishingState {
  id: string;
  title: string;
  status: TranscriptStatus;
  /** The version this page decides on: sent with a transition, which is refused if another came first. */
  version: number;
  ownerId: string;
  /** Where readers find it: while it is published or live. */
  publicPath: string | null;
  /** A live transcript (captions fed in while the event runs), live to readers or not yet. */
  isLiveTranscript: boolean;
  /** The address it would go live or be published at. */
  slug: string;
  publishAt: Date | null;
  firstPublishedAt: Date | null;
  checks: CheckRow[];
  timeline: TimelineEntry[];
  /**
   * The published paragraphs (for corrections), numbered from 1. `workingText`: the working copy's words when they
   * differ from the published ones (unpublished edits, which a correction would replace), else null.
   */
  publishedSegments: (PublishedSegment & { number: number; speaker: string | null; workingText: string | null })[];
  corrections: {
    id: string;
    segmentId: string;
    before: string;
    after: string;
    reason: string;
    at: Date;
    actor: string | null;
  }[];
}

function checkRows(failures: CheckFailure[]): CheckRow[] {
  return CHECKS.map((check) => {
    const failure = failures.find((candidate) => candidate.check === check);
    return {
      check,
      label: CHECK_LABELS[check],
      passed: !failure,
      blocking: failure?.blocking ?? false,
      message: failure?.message ?? null,
    };
  });
}

export async function loadPublishingState(actor: Actor, transcriptId: string): Promise<PublishingState | null> {
  const handle = await findTranscriptFor(actor, transcriptId);
  if (!handle) return null;
  const [transcript, checkInput, events, publication, corrections] = await Promise.all([
    db.transcript.findUniqueOrThrow({
      where: { id: transcriptId },
      select: {
        title: true,
        status: true,
        slug: true,
        liveSince: true,
        publicSlug: true,
        publishAt: true,
        firstPublishedAt: true,
        createdById: true,
        version: true,
      },
    }),
    loadCheckInput(db, transcriptId),
    db.workflowEvent.findMany({
      where: { transcriptId },
      orderBy: { at: "desc" },
      select: {
        id: true,
        action: true,
        from: true,
        to: true,
        note: true,
        overrides: true,
        at: true,
        actor: { select: { name: true } },
      },
    }),
    latestPublication(db, transcriptId),
    db.correction.findMany({
      where: { transcriptId },
      orderBy: { at: "desc" },
      select: {
        id: true,
        segmentId: true,
        before: true,
        after: true,
        reason: true,
        at: true,
        actor: { select: { name: true } },
      },
    }),
  ]);
  const speakers = new Map(publication?.snapshot.speakers.map((speaker) => [speaker.id, speaker.name]));
  const published = transcript.status === "PUBLISHED" && publication ? publication.snapshot.segments : [];
  // The working copy of each published paragraph, to warn before a correction replaces unpublished edits.
  const working = new Map(
    published.length === 0
      ? []
      : (
          await db.segment.findMany({
            where: { transcriptId, deletedAt: null },
            select: { id: true, text: true },
          })
        ).map((segment) => [segment.id, segment.text]),
  );
  return {
    id: transcriptId,
    title: transcript.title,
    status: transcript.status,
    version: transcript.version,
    ownerId: transcript.createdById,
    publicPath:
      (transcript.status === "PUBLISHED" || transcript.status === "LIVE") && transcript.publicSlug
        ? `/t/${transcript.publicSlug}`
        : null,
    isLiveTranscript: transcript.liveSince !== null,
    slug: transcript.slug,
    publishAt: transcript.publishAt,
    firstPublishedAt: transcript.firstPublishedAt,
    checks: checkRows(evaluateChecks(checkInput)),
    timeline: events.map((event) => ({
      ...event,
      action: event.action as WorkflowAction,
      overrides: readJson(overridesSchema, event.overrides, []),
      actor: event.actor?.name ?? null,
    })),
    publishedSegments: published.map((segment, index) => {
      const workingText = working.get(segment.id);
      return {
        ...segment,
        number: index + 1,
        speaker: segment.speakerId ? (speakers.get(segment.speakerId) ?? null) : null,
        workingText: workingText !== undefined && workingText !== segment.text ? workingText : null,
      };
    }),
    corrections: corrections.map((correction) => ({ ...correction, actor: correction.actor?.name ?? null })),
  };
}

/** The working copy as its reading page would show it if published now: for staff, never cached. */
export async function loadPreview(actor: Actor, transcriptId: string): Promise<PublicTranscript | null> {
  const handle = await findTranscriptFor(actor, transcriptId);
  if (!handle) return null;
  return loadWorkingCopyPreview(transcriptId);
}

/**
 * The working copy as its reading page would show it (no internal notes), with no access check of its own: the
 * staff preview checks the actor first, a preview link (lib/preview-links) its token.
 */
export async function loadWorkingCopyPreview(transcriptId: string): Promise<PublicTranscript> {
  const previous = await latestPublication(db, transcriptId);
  const copy = await loadWorkingCopy(db, transcriptId, { includeNotes: false });
  const snapshot = snapshotOf(copy, previous?.snapshot ?? null);
  const corrections = copy.corrections.map((correction) => ({
    id: correction.id,
    segmentId: correction.segmentId,
    before: correction.before,
    after: correction.after,
    reason: correction.reason,
    at: correction.at.toISOString(),
  }));
  return {
    ...snapshot,
    id: transcriptId,
    path: `/t/${snapshot.slug}`,
    publishedAt: (copy.transcript.firstPublishedAt ?? new Date()).toISOString(),
    updatedAt: null,
    corrections,
    partStarts: partStarts({ ...snapshot, corrections }),
  };
}
