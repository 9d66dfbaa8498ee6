// The review workflow: Draft → In review → (Scheduled →) Published → Unpublished, with return, withdraw and
// reopen. Each transition is checked against lib/permissions.ts, recorded as a WorkflowEvent and an audit event in
// the same transaction, and expires the public pages it changes once it has committed.
import { recordAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";
import { lockTranscript } from "@/lib/db/coordination";
import { overridesSchema, writeJson } from "@/lib/json-columns";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TranscriptStatus } from "@/lib/generated/prisma/enums";
import { canPublishTranscript, canSubmitTranscript, hasRole, type Actor, type Decision } from "@/lib/permissions";
import { absoluteUrl } from "@/lib/site";
import { expirePublicCache } from "@/lib/publishing/cache";
import { transcriptTags } from "@/lib/publishing/cache-tags";
import { oldSlugHolder, oldSlugsOf, rememberOldSlug } from "@/lib/publishing/old-slugs";
import { evaluateChecks, unresolvedChecks, type CheckInput, type Override } from "@/lib/publishing/checks";
import { buildSnapshot, readSnapshot, writeSnapshot } from "@/lib/publishing/snapshot";
import { creditPublication } from "@/lib/publishing/credits";
import type { PublishedSnapshot } from "@/lib/publishing/types";
import { failpoint } from "@/lib/failpoints";
import { liveSegments } from "@/lib/transcripts/working-copy";
import { syncPublicIndex } from "@/lib/publishing/public-index";
import { createSlicer, SLICED_TRANSACTION_TIMEOUT_MS } from "@/lib/ops/slices";
import { errorFields, log } from "@/lib/ops/log";
import { recordLiveEvents } from "@/lib/editor/live-events";

type Tx = Prisma.TransactionClient;

export const TRANSITION_TARGETS = ["IN_REVIEW", "PUBLISHED", "UNPUBLISHED", "DRAFT", "LIVE"] as const;
export type TransitionTarget = (typeof TRANSITION_TARGETS)[number];

export interface TransitionInput {
  to: TransitionTarget;
  note?: string | null;
  /** ISO date-time: publish then instead of now (PUBLISHED only). */
  publishAt?: string | null;
  /** Warnings the editor publishes over, each with a reason. */
  overrides?: Override[];
  /**
   * The transcript's version the person decided on (the desk always sends it). Every transition and every change to
   * the transcript's own fields raises it, so of two transitions sent on the same version one goes through and the
   * other is refused with 409, naming who changed it first.
   */
  baseVersion?: number;
}

export interface TransitionResult {
  status: TranscriptStatus;
  /** When it first went public, or when it is scheduled to; null while it has never been public. */
  publishedAt: string | null;
  /** The public address, while it is published or scheduled. */
  url: string | null;
}

/** A time closer than this (or in the past, e.g. the current minute picked in a form) publishes now. */
export const SCHEDULE_MARGIN_MS = 5_000;

const stateSelect = {
  id: true,
  status: true,
  slug: true,
  publicSlug: true,
  publishAt: true,
  firstPublishedAt: true,
  liveSince: true,
  createdById: true,
  revision: true,
  version: true,
  shares: { select: { userId: true } },
} satisfies Prisma.TranscriptSelect;
type State = Prisma.TranscriptGetPayload<{ select: typeof stateSelect }>;

interface Outcome {
  result: TransitionResult;
  staleTags: string[];
}

function require(decision: Decision): void {
  if (!decision.allowed) throw new AppError("FORBIDDEN", decision.reason);
}

/** The publications not yet public: a pending schedule's (due at publishAt, even if overdue) or any in the future. */
function pendingFrom(state: Pick<State, "publishAt">, now: Date): Prisma.DateTimeFilter {
  return state.publishAt ? { gte: state.publishAt } : { gt: now };
}

function wrongState(message: string): AppError {
  return new AppError("CONFLICT", message);
}

/** POST /api/transcripts/:id/transitions */
export async function transitionTranscript(
  actor: Actor,
  transcriptId: string,
  input: TransitionInput,
  now = new Date(),
): Promise<TransitionResult> {
  const outcome = await db.$transaction(
    async (tx): Promise<Outcome> => {
      // Two servers changing this transcript's state at once take turns: the second sees what the first did.
      await lockTranscript(tx, transcriptId);
      await requireTranscriptFor(actor, transcriptId, { client: tx });
      const state = await tx.transcript.findUniqueOrThrow({ where: { id: transcriptId }, select: stateSelect });
      if (input.baseVersion !== undefined && input.baseVersion !== state.version) {
        throw await changedMeanwhile(tx, state);
      }
      const note = input.note?.trim() || null;
      switch (input.to) {
        case "IN_REVIEW":
          return submit(tx, actor, state, note);
        case "DRAFT":
          return backToDraft(tx, actor, state, note, now);
        case "PUBLISHED":
          return publish(tx, actor, state, { note, publishAt: input.publishAt, overrides: input.overrides ?? [] }, now);
        case "UNPUBLISHED":
          return unpublish(tx, actor, state, note);
        case "LIVE":
          return goLive(tx, actor, state, note, now);
      }
    },
    { timeout: SLICED_TRANSACTION_TIMEOUT_MS },
  );
  expirePublicCache(outcome.staleTags);
  return outcome.result;
}

const STATUS_WORDS: Record<TranscriptStatus, string> = {
  DRAFT: "a draft",
  IN_REVIEW: "in review",
  SCHEDULED: "scheduled",
  LIVE: "live",
  PUBLISHED: "published",
  UNPUBLISHED: "unpublished",
};

/** The 409 for a transition decided on an older version: who changed the transcript last, when, and where it is now. */
async function changedMeanwhile(tx: Tx, state: State): Promise<AppError> {
  const [event, revision] = await Promise.all([
    tx.workflowEvent.findFirst({
      where: { transcriptId: state.id },
      orderBy: { at: "desc" },
      select: { at: true, actor: { select: { name: true } } },
    }),
    tx.revision.findFirst({
      where: { transcriptId: state.id },
      orderBy: { number: "desc" },
      select: { at: true, actor: { select: { name: true } } },
    }),
  ]);
  const latest = [event, revision].filter((entry) => entry !== null).sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  const by = latest?.actor?.name ?? null;
  const at = latest?.at.toISOString() ?? null;
  return new AppError(
    "CONFLICT",
    `${by ?? "Someone"} changed this transcript after you opened it; it is now ${STATUS_WORDS[state.status]}. Look at it as it stands, then decide again.`,
    {},
    { current: { status: state.status, version: state.version, by, at } },
  );
}

function resultOf(status: TranscriptStatus, state: Pick<State, "publicSlug" | "firstPublishedAt">, at?: Date | null) {
  const isPublic = status === "PUBLISHED" || status === "SCHEDULED" || status === "LIVE";
  return {
    status,
    publishedAt: (at ?? state.firstPublishedAt)?.toISOString() ?? null,
    url: isPublic && state.publicSlug ? absoluteUrl(`/t/${state.publicSlug}`) : null,
  };
}

async function recordTransition(
  tx: Tx,
  actorId: string | null,
  state: State,
  to: TranscriptStatus,
  action: WorkflowAction,
  {
    note,
    overrides = [],
    data = {},
  }: { note: string | null; overrides?: Override[]; data?: Prisma.TranscriptUpdateInput },
): Promise<void> {
  // A new version: a transition decided on the old one is refused (baseVersion).
  await tx.transcript.update({ where: { id: state.id }, data: { status: to, version: { increment: 1 }, ...data } });
  await tx.workflowEvent.create({
    data: {
      transcriptId: state.id,
      action,
      from: state.status,
      to,
      note,
      overrides: writeJson(overridesSchema, overrides),
      actorId,
    },
  });
  await recordAuditEvent(tx, {
    actorId,
    action: `transcript.${action}`,
    targetType: "transcript",
    targetId: state.id,
    details: { from: state.status, to, ...(note ? { note } : {}) },
  });
  if (overrides.length > 0) {
    await recordAuditEvent(tx, {
      actorId,
      action: "transcript.checks_overridden",
      targetType: "transcript",
      targetId: state.id,
      details: { overrides },
    });
  }
}

export const WORKFLOW_ACTIONS = [
  "submitted",
  "returned",
  "withdrawn",
  "scheduled",
  "schedule_cancelled",
  "published",
  "republished",
  "unpublished",
  "reopened",
  "corrected",
  "went_live",
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

async function submit(tx: Tx, actor: Actor, state: State, note: string | null): Promise<Outcome> {
  require(canSubmitTranscript(actor, { ...state, sharedWith: state.shares.map((share) => share.userId) }));
  if (state.status === "IN_REVIEW") throw wrongState("This transcript is already waiting for review.");
  if (state.status !== "DRAFT") {
    throw wrongState("Only a draft can be submitted for review. Reopen it as a draft first.");
  }
  await recordTransition(tx, actor.id, state, "IN_REVIEW", "submitted", { note });
  return { result: resultOf("IN_REVIEW", state), staleTags: [] };
}

async function backToDraft(tx: Tx, actor: Actor, state: State, note: string | null, now: Date): Promise<Outcome> {
  const access = { ...state, sharedWith: state.shares.map((share) => share.userId) };
  switch (state.status) {
    case "IN_REVIEW": {
      // An editor sending someone else's transcript back says why; its reporter taking it back needs no reason.
      const isReturn = hasRole(actor, "EDITOR") && actor.id !== state.createdById;
      if (isReturn && !note) {
        throw new AppError("BAD_REQUEST", "Say what needs to change before returning it to the reporter.", {
          note: "Write a comment for the reporter.",
        });
      }
      require(canSubmitTranscript(actor, access));
      await recordTransition(tx, actor.id, state, "DRAFT", isReturn ? "returned" : "withdrawn", { note });
      return { result: resultOf("DRAFT", state), staleTags: [] };
    }
    case "SCHEDULED":
      require(canPublishTranscript(actor));
      // An overdue schedule the scheduler has not published (or could not) was never public either.
      await tx.publication.updateMany({
        where: { transcriptId: state.id, withdrawnAt: null, publishedAt: pendingFrom(state, now) },
        data: { withdrawnAt: now },
      });
      await recordTransition(tx, actor.id, state, "DRAFT", "schedule_cancelled", {
        note,
        // A transcript never yet public gives back the address it reserved.
        data: { publishAt: null, ...(state.firstPublishedAt ? {} : { publicSlug: null }) },
      });
      return { result: resultOf("DRAFT", state), staleTags: [] };
    case "UNPUBLISHED":
      require(canSubmitTranscript(actor, access));
      await recordTransition(tx, actor.id, state, "DRAFT", "reopened", { note });
      return { result: resultOf("DRAFT", state), staleTags: [] };
    case "PUBLISHED":
      throw wrongState("This transcript is published: unpublish it before making it a draft again.");
    case "LIVE":
      throw wrongState(LIVE_ENDS);
    case "DRAFT":
      throw wrongState("This transcript is already a draft.");
  }
}

/** What the pre-publish checks read: the working copy's title, date, fidelity, annotations, speakers, text. */
export async function loadCheckInput(tx: Tx | typeof db, transcriptId: string): Promise<CheckInput> {
  const [transcript, annotationsNeedingReview, unresolvedNotes, paragraphs] = await Promise.all([
    tx.transcript.findUniqueOrThrow({
      where: { id: transcriptId },
      select: { title: true, occurredAt: true, fidelityConfirmedAt: true },
    }),
    tx.annotation.count({
      // The editor lists annotations on deleted paragraphs under "needs review" too: they would vanish silently.
      // Internal notes never reach readers, so a detached one does not stop publication.
      where: {
        transcriptId,
        deletedAt: null,
        kind: { not: "NOTE" },
        OR: [{ status: "NEEDS_REVIEW" }, { segment: { deletedAt: { not: null } } }],
      },
    }),
    tx.annotation.count({
      where: { transcriptId, deletedAt: null, kind: "NOTE", resolvedAt: null, segment: { deletedAt: null } },
    }),
    tx.segment.findMany({
      where: liveSegments(transcriptId),
      orderBy: { position: "asc" },
      select: { text: true, speaker: { select: { name: true } } },
    }),
  ]);
  const speakers = [...new Set(paragraphs.flatMap((paragraph) => paragraph.speaker?.name ?? []))];
  return {
    title: transcript.title,
    occurredAt: transcript.occurredAt,
    fidelityConfirmed: transcript.fidelityConfirmedAt !== null,
    annotationsNeedingReview,
    unresolvedNotes,
    speakers: speakers.map((name) => ({ name })),
    paragraphs,
  };
}

/** The latest publication that went (or is due to go) public, with its snapshot. */
export async function latestPublication(tx: Tx | typeof db, transcriptId: string) {
  const row = await tx.publication.findFirst({
    where: { transcriptId, withdrawnAt: null },
    orderBy: { number: "desc" },
    select: { number: true, content: true, publishedAt: true },
  });
  return row && { number: row.number, publishedAt: row.publishedAt, snapshot: readSnapshot(row.content) };
}

function quoteIds(snapshot: PublishedSnapshot | null | undefined): string[] {
  return (snapshot?.annotations ?? []).filter((annotation) => annotation.kind === "QUOTE").map((a) => a.id);
}

function parsePublishAt(value: string | null | undefined, now: Date): Date | null {
  if (!value) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) {
    throw new AppError("BAD_REQUEST", "publishAt must be a date and time, e.g. 2026-12-01T09:00:00Z.", {
      publishAt: "Not a date and time.",
    });
  }
  return at.getTime() - now.getTime() > SCHEDULE_MARGIN_MS ? at : null;
}

/** The working copy's slug, refused when another transcript is or was public there. */
async function claimAddress(tx: Tx, state: State): Promise<string> {
  const { slug } = await tx.transcript.findUniqueOrThrow({ where: { id: state.id }, select: { slug: true } });
  const holder = await tx.transcript.findFirst({
    where: { publicSlug: slug, id: { not: state.id } },
    select: { title: true },
  });
  const oldHolder = holder ?? (await oldSlugHolder(tx, slug, state.id));
  if (oldHolder) {
    throw wrongState(
      `The address /t/${slug} is kept for “${oldHolder.title}”, which is or was published there. Change the slug.`,
    );
  }
  return slug;
}

const LIVE_ENDS =
  "This transcript is live: end it by publishing it, or by unpublishing it to withdraw it from readers.";

/**
 * Takes a draft (or a transcript in review) live: from now its reading page, at the address it has now, shows its
 * final paragraphs and approved public notes as they are saved, and GET /t/<slug>/events streams them
 * (lib/live/hub.ts). Nothing else public changes: no feed, search or sitemap entry until it is published.
 */
async function goLive(tx: Tx, actor: Actor, state: State, note: string | null, now: Date): Promise<Outcome> {
  require(canPublishTranscript(actor));
  if (state.status === "LIVE") throw wrongState("This transcript is already live.");
  if (state.status !== "DRAFT" && state.status !== "IN_REVIEW") {
    throw wrongState(`Only a draft or a transcript in review can go live; this one is ${STATUS_WORDS[state.status]}.`);
  }
  const slug = await claimAddress(tx, state);
  await recordTransition(tx, actor.id, state, "LIVE", "went_live", {
    note,
    data: { publicSlug: slug, liveSince: state.liveSince ?? now },
  });
  // A reader who asked for the address before it was live may have a cached "not found".
  return { result: resultOf("LIVE", { ...state, publicSlug: slug }), staleTags: transcriptTags(state.id, [slug], []) };
}

async function publish(
  tx: Tx,
  actor: Actor,
  state: State,
  { note, publishAt, overrides }: { note: string | null; publishAt?: string | null; overrides: Override[] },
  now: Date,
): Promise<Outcome> {
  require(canPublishTranscript(actor));
  const scheduledFor = parsePublishAt(publishAt, now);
  if (scheduledFor && state.status === "LIVE") {
    throw wrongState("A live transcript is published now, which ends it: it cannot be scheduled.");
  }
  if (scheduledFor && state.status === "PUBLISHED") {
    throw wrongState("This transcript is already published: republish it now, or unpublish it before scheduling.");
  }
  // A hearing of 10,000 paragraphs: each step below takes tens of milliseconds; other requests go between them.
  const slicer = createSlicer();
  const failures = evaluateChecks(await loadCheckInput(tx, state.id));
  await slicer.slice();
  const unresolved = unresolvedChecks(failures, overrides);
  if (unresolved.length > 0) {
    throw new AppError(
      "CHECKS_FAILED",
      unresolved.some((check) => check.blocking)
        ? "Fix what the pre-publish checks found before publishing."
        : "Publish over the pre-publish warnings only with a reason for each.",
      {},
      { checks: unresolved },
    );
  }
  const usedOverrides = overrides.filter((override) => failures.some((failure) => failure.check === override.check));
  const slug = await claimAddress(tx, state);

  // A schedule being replaced (published now or moved) is withdrawn; readers never saw it.
  await tx.publication.updateMany({
    where: { transcriptId: state.id, withdrawnAt: null, publishedAt: pendingFrom(state, now) },
    data: { withdrawnAt: now },
  });
  const previous = await latestPublication(tx, state.id);
  await slicer.slice();
  const built = await buildSnapshot(tx, state.id, previous?.snapshot ?? null);
  // Bylines: who worked on this working copy, and who publishes it (lib/publishing/credits.ts).
  const credits = await creditPublication(tx, {
    transcriptId: state.id,
    revision: state.revision,
    editorId: actor.id,
    annotationIds: built.annotations.map((annotation) => annotation.id),
  });
  const snapshot = { ...built, credits };
  await slicer.slice();
  const goesPublicAt = scheduledFor ?? now;
  await tx.publication.create({
    data: {
      transcriptId: state.id,
      number: (await tx.publication.count({ where: { transcriptId: state.id } })) + 1,
      kind: state.firstPublishedAt ? "republish" : "publish",
      content: writeSnapshot(snapshot),
      revision: state.revision,
      actorId: actor.id,
      createdAt: now,
      publishedAt: goesPublicAt,
    },
  });
  await slicer.slice();

  // A new address keeps the old one working (lib/publishing/old-slugs.ts), the live one too.
  if (state.firstPublishedAt || state.status === "LIVE") await rememberOldSlug(tx, state.id, state.publicSlug, slug);
  if (scheduledFor) {
    await recordTransition(tx, actor.id, state, "SCHEDULED", "scheduled", {
      note,
      overrides: usedOverrides,
      // The address is reserved now, so nothing can take it before the publication is due.
      data: { publishAt: scheduledFor, publicSlug: slug },
    });
    return { result: resultOf("SCHEDULED", { ...state, publicSlug: slug }, scheduledFor), staleTags: [] };
  }
  const firstPublishedAt = state.firstPublishedAt ?? now;
  await recordTransition(tx, actor.id, state, "PUBLISHED", state.firstPublishedAt ? "republished" : "published", {
    note,
    overrides: usedOverrides,
    data: { publicSlug: slug, firstPublishedAt, publishAt: null },
  });
  await syncPublicIndex(tx, state.id, now);
  // Live readers' pages become this publication (lib/live/hub.ts ends their streams).
  if (state.status === "LIVE") {
    await recordLiveEvents(tx, state.id, [
      { type: "end", data: { status: "PUBLISHED", url: absoluteUrl(`/t/${slug}`) } },
    ]);
  }
  // e2e/durability.spec.ts kills the server here, with everything written and nothing committed.
  failpoint("publish.after-index");
  return {
    result: resultOf("PUBLISHED", { publicSlug: slug, firstPublishedAt }),
    staleTags: transcriptTags(
      state.id,
      [slug, ...(state.publicSlug ? [state.publicSlug] : []), ...(await oldSlugsOf(tx, state.id))],
      [...quoteIds(previous?.snapshot), ...quoteIds(snapshot)],
    ),
  };
}

async function unpublish(tx: Tx, actor: Actor, state: State, note: string | null): Promise<Outcome> {
  require(canPublishTranscript(actor));
  if (state.status === "SCHEDULED") {
    throw wrongState("This transcript is scheduled, not published: cancel the schedule by returning it to draft.");
  }
  if (state.status !== "PUBLISHED" && state.status !== "LIVE") {
    throw wrongState("Only a published or live transcript can be unpublished.");
  }
  const current = await latestPublication(tx, state.id);
  await recordTransition(tx, actor.id, state, "UNPUBLISHED", "unpublished", { note });
  // Every live reader's page says it was withdrawn.
  if (state.status === "LIVE") await recordLiveEvents(tx, state.id, [{ type: "end", data: { status: "UNPUBLISHED" } }]);
  await syncPublicIndex(tx, state.id);
  return {
    result: resultOf("UNPUBLISHED", state),
    staleTags: transcriptTags(
      state.id,
      [...(state.publicSlug ? [state.publicSlug] : []), ...(await oldSlugsOf(tx, state.id))],
      quoteIds(current?.snapshot),
    ),
  };
}

/**
 * Publishes every scheduled transcript whose time has come, as the editor who scheduled it. Run by the server's
 * scheduler (scripts/serve.ts → POST /api/internal/scheduled); returns the tags to expire.
 */
export async function publishDueTranscripts(now = new Date()): Promise<{ published: string[]; staleTags: string[] }> {
  const due = await db.transcript.findMany({
    where: { status: "SCHEDULED", deletedAt: null, publishAt: { lte: now } },
    select: { id: true },
  });
  const published: string[] = [];
  const staleTags: string[] = [];
  for (const { id } of due) {
    const tags = await publishDue(id, now).catch((error: unknown) => {
      // One transcript that cannot go out (its address taken since it was scheduled) must not hold up the others.
      log.error({ transcriptId: id, ...errorFields(error) }, "the scheduler could not publish a transcript");
      return null;
    });
    if (tags) {
      published.push(id);
      staleTags.push(...tags);
    }
  }
  return { published, staleTags };
}

async function publishDue(id: string, now: Date): Promise<string[] | null> {
  return db.$transaction(
    async (tx) => {
      // Every server's scheduler may find it due: the lock lets one publish it, and the others then find it published.
      await lockTranscript(tx, id);
      const state = await tx.transcript.findUniqueOrThrow({ where: { id }, select: stateSelect });
      if (state.status !== "SCHEDULED" || !state.publishAt || state.publishAt > now) return null;
      const publication = await tx.publication.findFirst({
        where: { transcriptId: id, withdrawnAt: null },
        orderBy: { number: "desc" },
        select: { content: true, actorId: true },
      });
      if (!publication) return null;
      const snapshot = readSnapshot(publication.content);
      const firstPublishedAt = state.firstPublishedAt ?? state.publishAt;
      await recordTransition(
        tx,
        publication.actorId,
        state,
        "PUBLISHED",
        state.firstPublishedAt ? "republished" : "published",
        {
          note: "Published as scheduled.",
          data: { publicSlug: snapshot.slug, firstPublishedAt, publishAt: null },
        },
      );
      await syncPublicIndex(tx, id, now);
      return transcriptTags(id, [snapshot.slug, ...(await oldSlugsOf(tx, id))], quoteIds(snapshot));
    },
    { timeout: SLICED_TRANSACTION_TIMEOUT_MS },
  );
}
