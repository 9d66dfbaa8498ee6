// The "Needs review" list: annotations and entity mentions that re-anchoring would not guess about. For each, the
// likely places (fuzzy matches of the old words and their context, lib/anchoring/candidates.ts) in its paragraph,
// the paragraphs around it and any paragraph holding the exact words, ranked for a person to choose with one click;
// and re-attaching or deleting a mention (annotations re-attach through PATCH /annotations/:id).
import { findCandidates, isValidRange, quoteSelector, type QuoteSelector } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { requireTranscriptFor, withTranscript } from "@/lib/transcripts/access";
import { recountMentions } from "@/lib/editor/mentions";
import { entitySelect, toEditorEntity } from "@/lib/editor/serialize";
import type { EditorEntity, EditorReviewMention, ReviewCandidate } from "@/lib/editor/types";

type Tx = Prisma.TransactionClient;
type Client = Tx | typeof db;

/** Paragraphs searched either side of the one the words were in. */
const NEARBY_PARAGRAPHS = 15;
/** Further paragraphs anywhere in the transcript that hold the exact words (a paste into another paragraph). */
const EXACT_ELSEWHERE = 20;
const MAX_CANDIDATES = 5;
/** Ranking: a place further away loses this much score per paragraph, so equal matches list nearest first. */
const DISTANCE_PENALTY = 0.002;
const CONTEXT_CHARACTERS = 40;

interface ReviewTarget {
  segmentId: string;
  start: number;
  quote: QuoteSelector;
}

async function paragraphsToSearch(client: Client, transcriptId: string, segmentId: string, exact: string) {
  const origin = await client.segment.findUnique({ where: { id: segmentId }, select: { position: true } });
  const position = origin?.position ?? 0;
  const select = { id: true, text: true, position: true } as const;
  const live = { transcriptId, deletedAt: null };
  const [before, after, holding] = await Promise.all([
    client.segment.findMany({
      where: { ...live, position: { lt: position } },
      orderBy: { position: "desc" },
      take: NEARBY_PARAGRAPHS,
      select,
    }),
    client.segment.findMany({
      where: { ...live, position: { gte: position } },
      orderBy: { position: "asc" },
      take: NEARBY_PARAGRAPHS + 1,
      select,
    }),
    client.segment.findMany({ where: { ...live, text: { contains: exact } }, take: EXACT_ELSEWHERE, select }),
  ]);
  const byId = new Map([...before, ...after, ...holding].map((segment) => [segment.id, segment]));
  return { position, paragraphs: [...byId.values()] };
}

/** The ranked places a person might re-attach `target` to, across its paragraph and those around it. */
async function candidatesFor(client: Client, transcriptId: string, target: ReviewTarget): Promise<ReviewCandidate[]> {
  const { position, paragraphs } = await paragraphsToSearch(client, transcriptId, target.segmentId, target.quote.exact);
  const order = [...paragraphs].sort((a, b) => a.position - b.position);
  const originIndex = order.findIndex((segment) => segment.position >= position);
  const found = order.flatMap((segment, index) => {
    const isOrigin = segment.id === target.segmentId;
    const distance = Math.abs(index - (originIndex === -1 ? order.length : originIndex));
    return findCandidates(segment.text, target.quote, {
      hint: isOrigin ? target.start : undefined,
      limit: MAX_CANDIDATES,
    }).map((candidate) => ({
      segment,
      candidate,
      rank: candidate.score - (isOrigin ? 0 : DISTANCE_PENALTY * Math.max(1, distance)),
    }));
  });
  found.sort((a, b) => b.rank - a.rank);
  const best = found.slice(0, MAX_CANDIDATES);
  return Promise.all(
    best.map(async ({ segment, candidate }) => {
      const paragraph =
        (await client.segment.count({ where: { transcriptId, deletedAt: null, position: { lt: segment.position } } })) +
        1;
      return {
        segmentId: segment.id,
        paragraph,
        start: candidate.start,
        end: candidate.end,
        exact: candidate.exact,
        before: segment.text.slice(Math.max(0, candidate.start - CONTEXT_CHARACTERS), candidate.start),
        after: segment.text.slice(candidate.end, candidate.end + CONTEXT_CHARACTERS),
        score: Math.round(candidate.score * 1000) / 1000,
      };
    }),
  );
}

/** GET /annotations/:annotationId/candidates */
export async function annotationCandidates(actor: Actor, transcriptId: string, annotationId: string) {
  await requireTranscriptFor(actor, transcriptId);
  const row = await db.annotation.findFirst({
    where: { id: annotationId, transcriptId, deletedAt: null },
    select: { segmentId: true, start: true, exact: true, prefix: true, suffix: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "No such annotation in this transcript.");
  const quote = { exact: row.exact, prefix: row.prefix, suffix: row.suffix };
  return { candidates: await candidatesFor(db, transcriptId, { segmentId: row.segmentId, start: row.start, quote }) };
}

const reviewMentionSelect = {
  id: true,
  segmentId: true,
  start: true,
  end: true,
  status: true,
  reviewReason: true,
  exact: true,
  prefix: true,
  suffix: true,
  transcriptEntityId: true,
  transcriptEntity: { select: { entity: { select: { type: true, name: true } } } },
} satisfies Prisma.MentionSelect;

type ReviewMentionRow = Prisma.MentionGetPayload<{ select: typeof reviewMentionSelect }>;

function toReviewMention(row: ReviewMentionRow): EditorReviewMention {
  const { type, name } = row.transcriptEntity.entity;
  return {
    id: row.id,
    segmentId: row.segmentId,
    entity: { id: row.transcriptEntityId, name, type: type.toLowerCase() as EditorReviewMention["entity"]["type"] },
    quote: { exact: row.exact ?? "", prefix: row.prefix ?? "", suffix: row.suffix ?? "" },
    reviewReason: row.reviewReason,
  };
}

/** Every mention of the transcript waiting for a person, in reading order. */
export async function listMentionsNeedingReview(client: Client, transcriptId: string): Promise<EditorReviewMention[]> {
  const rows = await client.mention.findMany({
    where: { status: "NEEDS_REVIEW", segment: { transcriptId } },
    orderBy: [{ segment: { position: "asc" } }, { start: "asc" }],
    select: reviewMentionSelect,
  });
  return rows.map(toReviewMention);
}

async function findReviewMention(client: Client, transcriptId: string, mentionId: string) {
  const row = await client.mention.findFirst({
    where: { id: mentionId, segment: { transcriptId } },
    select: reviewMentionSelect,
  });
  if (!row) throw new AppError("NOT_FOUND", "No such entity mention in this transcript.");
  return row;
}

/** GET /mentions/:mentionId/candidates */
export async function mentionCandidates(actor: Actor, transcriptId: string, mentionId: string) {
  await requireTranscriptFor(actor, transcriptId);
  const row = await findReviewMention(db, transcriptId, mentionId);
  const quote = row.exact === null ? null : toReviewMention(row).quote;
  if (!quote) return { candidates: [] };
  return { candidates: await candidatesFor(db, transcriptId, { segmentId: row.segmentId, start: row.start, quote }) };
}

async function entityOf(tx: Tx, linkId: string): Promise<EditorEntity> {
  return toEditorEntity(await tx.transcriptEntity.findUniqueOrThrow({ where: { id: linkId }, select: entitySelect }));
}

/** PATCH /mentions/:mentionId {segmentId, start, end}: a person puts a mention on the words they chose. */
export async function reattachMention(
  actor: Actor,
  transcriptId: string,
  mentionId: string,
  range: { segmentId: string; start: number; end: number },
) {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    const row = await findReviewMention(tx, transcriptId, mentionId);
    const segment = await tx.segment.findFirst({
      where: { id: range.segmentId, transcriptId, deletedAt: null },
      select: { text: true },
    });
    if (!segment) throw new AppError("NOT_FOUND", "No such paragraph in this transcript.");
    if (!isValidRange(segment.text, range)) {
      throw new AppError(
        "UNPROCESSABLE",
        `The range ${range.start}–${range.end} is outside the paragraph's text (0–${segment.text.length}) or empty.`,
        { start: "Outside the text." },
      );
    }
    await tx.mention.update({
      where: { id: row.id },
      data: {
        segmentId: range.segmentId,
        start: range.start,
        end: range.end,
        status: "ANCHORED",
        reviewReason: null,
        exact: null,
        prefix: null,
        suffix: null,
      },
    });
    await recountMentions(tx, [row.transcriptEntityId]);
    const exact = quoteSelector(segment.text, range).exact;
    return {
      mention: { id: row.id, segmentId: range.segmentId, start: range.start, end: range.end, exact },
      entity: await entityOf(tx, row.transcriptEntityId),
    };
  });
}

/** DELETE /mentions/:mentionId: the words are not a mention of the entity after all. */
export async function deleteMention(actor: Actor, transcriptId: string, mentionId: string) {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    const row = await findReviewMention(tx, transcriptId, mentionId);
    await tx.mention.delete({ where: { id: row.id } });
    await recountMentions(tx, [row.transcriptEntityId]);
    return { deleted: row.id, entity: await entityOf(tx, row.transcriptEntityId) };
  });
}
