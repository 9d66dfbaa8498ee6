// Database rows to the editor's JSON shapes (lib/editor/types.ts), and the row selections that feed them.
import type { Prisma } from "@/lib/generated/prisma/client";
import { readJson, sourcesSchema, tagsSchema } from "@/lib/json-columns";
import type {
  EditorAnnotation,
  EditorEntity,
  EditorSegment,
  EditorSpeaker,
  EditorTranscriptMeta,
  AnnotationKindName,
  EntityTypeName,
  FidelityName,
  SpeakerRoleName,
  VerdictName,
} from "@/lib/editor/types";

const lower = <T extends string>(value: string) => value.toLowerCase() as T;
const iso = (value: Date | null) => (value ? value.toISOString() : null);

export const segmentSelect = {
  id: true,
  position: true,
  speakerId: true,
  text: true,
  startMs: true,
  endMs: true,
  version: true,
  updatedAt: true,
  updatedBy: { select: { id: true, name: true } },
} satisfies Prisma.SegmentSelect;
export type SegmentRow = Prisma.SegmentGetPayload<{ select: typeof segmentSelect }>;

/** `index` is the paragraph's 0-based place among the live paragraphs (the row stores a sortable number). */
export function toEditorSegment(row: SegmentRow, index: number): EditorSegment {
  return {
    id: row.id,
    position: index,
    speakerId: row.speakerId,
    text: row.text,
    startMs: row.startMs,
    endMs: row.endMs,
    version: row.version,
    updatedAt: iso(row.updatedAt),
    updatedBy: row.updatedBy,
  };
}

/**
 * Paragraphs as JSON with their 0-based index among the live paragraphs. One paragraph costs one count; several
 * are numbered from one ordered read of the live positions, not a count each.
 */
export async function numberedSegments(
  client: Pick<Prisma.TransactionClient, "segment">,
  transcriptId: string,
  rows: SegmentRow[],
): Promise<EditorSegment[]> {
  const live = { transcriptId, deletedAt: null };
  if (rows.length === 1) {
    const [row] = rows as [SegmentRow];
    return [toEditorSegment(row, await client.segment.count({ where: { ...live, position: { lt: row.position } } }))];
  }
  if (rows.length === 0) return [];
  const positions = (
    await client.segment.findMany({ where: live, orderBy: { position: "asc" }, select: { position: true } })
  ).map((row) => row.position);
  const indexOf = (position: number) => {
    let low = 0;
    let high = positions.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (positions[middle]! < position) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return rows.map((row) => toEditorSegment(row, indexOf(row.position))).sort((a, b) => a.position - b.position);
}

export const speakerSelect = {
  id: true,
  name: true,
  title: true,
  role: true,
  outlet: true,
  personId: true,
  person: { select: { name: true } },
} satisfies Prisma.SpeakerSelect;
export type SpeakerRow = Prisma.SpeakerGetPayload<{ select: typeof speakerSelect }>;

export function toEditorSpeaker(row: SpeakerRow): EditorSpeaker {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    role: row.role ? lower<SpeakerRoleName>(row.role) : null,
    outlet: row.outlet,
    personId: row.personId,
    personName: row.person?.name ?? null,
  };
}

/** An annotation's own fields: where it is, what it says. */
export const annotationFieldsSelect = {
  id: true,
  segmentId: true,
  start: true,
  end: true,
  exact: true,
  prefix: true,
  suffix: true,
  status: true,
  reviewReason: true,
  kind: true,
  body: true,
  verdict: true,
  claim: true,
  sources: true,
  checker: true,
  resolvedAt: true,
} satisfies Prisma.AnnotationSelect;

export const annotationSelect = {
  ...annotationFieldsSelect,
  createdAt: true,
  updatedAt: true,
  version: true,
  awaitingApproval: true,
  author: { select: { id: true, name: true } },
  replies: {
    where: { deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } },
  },
} satisfies Prisma.AnnotationSelect;
export type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

export function toEditorAnnotation(row: AnnotationRow): EditorAnnotation {
  return {
    id: row.id,
    segmentId: row.segmentId,
    start: row.start,
    end: row.end,
    quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    status: row.status === "ANCHORED" ? "anchored" : "needs_review",
    reviewReason: row.reviewReason,
    kind: lower<AnnotationKindName>(row.kind),
    body: row.body,
    verdict: row.verdict ? lower<VerdictName>(row.verdict) : null,
    claim: row.claim,
    sources: readJson(sourcesSchema, row.sources, []),
    checker: row.checker,
    resolved: row.resolvedAt !== null,
    resolvedAt: iso(row.resolvedAt),
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    awaitingApproval: row.awaitingApproval,
    replies: row.replies.map((reply) => ({ ...reply, createdAt: reply.createdAt.toISOString() })),
  };
}

export const entitySelect = {
  id: true,
  entityId: true,
  status: true,
  mentionCount: true,
  entity: { select: { type: true, name: true } },
} satisfies Prisma.TranscriptEntitySelect;
export type EntityRow = Prisma.TranscriptEntityGetPayload<{ select: typeof entitySelect }>;

export function toEditorEntity(row: EntityRow): EditorEntity {
  return {
    id: row.id,
    entityId: row.entityId,
    type: lower<EntityTypeName>(row.entity.type),
    name: row.entity.name,
    status: lower<EditorEntity["status"]>(row.status),
    mentionCount: row.mentionCount,
  };
}

export const transcriptMetaSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  occurredAt: true,
  place: true,
  sourceUrl: true,
  mediaUrl: true,
  fidelity: true,
  tags: true,
  status: true,
  language: true,
  version: true,
  revision: true,
  createdById: true,
  fidelityConfirmedAt: true,
  fidelityConfirmedBy: { select: { name: true } },
  slugSetByHand: true,
  firstPublishedAt: true,
  liveSince: true,
} satisfies Prisma.TranscriptSelect;
export type TranscriptMetaRow = Prisma.TranscriptGetPayload<{ select: typeof transcriptMetaSelect }>;

export function toEditorTranscriptMeta(row: TranscriptMetaRow, segmentCount: number): EditorTranscriptMeta {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    occurredAt: row.occurredAt ? row.occurredAt.toISOString().slice(0, 10) : null,
    place: row.place,
    sourceUrl: row.sourceUrl,
    mediaUrl: row.mediaUrl,
    fidelity: lower<FidelityName>(row.fidelity),
    tags: readJson(tagsSchema, row.tags, []),
    status: lower<EditorTranscriptMeta["status"]>(row.status),
    language: row.language,
    version: row.version,
    revision: row.revision,
    segmentCount,
    ownerId: row.createdById,
    fidelityConfirmed: row.fidelityConfirmedAt
      ? { by: row.fidelityConfirmedBy?.name ?? null, at: row.fidelityConfirmedAt.toISOString() }
      : null,
    slugFollowsTitle: !row.slugSetByHand && !row.firstPublishedAt,
    live: row.liveSince !== null,
  };
}
