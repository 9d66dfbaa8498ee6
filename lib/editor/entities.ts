// Entities as one transcript uses them: accept or reject suggestions, tag a selection, merge duplicates. The
// Entity rows themselves are shared by every transcript, so "NATO" here is "NATO" everywhere.
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { withTranscript } from "@/lib/transcripts/access";
import { recountMentions } from "@/lib/editor/mentions";
import { change, entitySnapshot, recordRevision } from "@/lib/editor/revisions";
import { entitySelect, toEditorEntity } from "@/lib/editor/serialize";
import type { EditorEntity, EntityTypeName } from "@/lib/editor/types";
import { mentionMatcher } from "@/lib/transcripts/mentions";

type Tx = Prisma.TransactionClient;

const TYPE = { person: "PERSON", org: "ORG", place: "PLACE", topic: "TOPIC" } as const;
const STATUS = { suggested: "SUGGESTED", accepted: "ACCEPTED", rejected: "REJECTED" } as const;

async function findLink(tx: Tx, transcriptId: string, id: string) {
  const link = await tx.transcriptEntity.findFirst({ where: { id, transcriptId }, select: entitySelect });
  if (!link) throw new AppError("NOT_FOUND", "No such entity in this transcript.");
  return link;
}

/** Finds every whole-word occurrence of the entity's name in the transcript's live paragraphs and stores them. */
export async function matchEverywhere(tx: Tx, transcriptId: string, linkId: string, name: string) {
  const match = mentionMatcher([name]);
  const segments = await tx.segment.findMany({
    where: { transcriptId, deletedAt: null, text: { contains: name } },
    select: { id: true, text: true },
  });
  const existing = await tx.mention.findMany({
    where: { transcriptEntityId: linkId },
    select: { segmentId: true, start: true },
  });
  const seen = new Set(existing.map((mention) => `${mention.segmentId}:${mention.start}`));
  for (const segment of segments) {
    for (const found of match(segment.text)) {
      if (seen.has(`${segment.id}:${found.start}`)) continue;
      await tx.mention.create({
        data: { transcriptEntityId: linkId, segmentId: segment.id, start: found.start, end: found.end },
      });
    }
  }
  await recountMentions(tx, [linkId]);
}

/**
 * POST /entities: tags a name (usually a selection) as a person, organisation, place or topic. Reuses the shared
 * entity of that type and name, accepts it for this transcript and finds its mentions.
 */
export async function tagEntity(
  actor: Actor,
  transcriptId: string,
  input: { type: EntityTypeName; name: string; segmentId?: string; start?: number; end?: number },
): Promise<{ entity: EditorEntity }> {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    let name = input.name.trim();
    if (input.segmentId !== undefined && input.start !== undefined && input.end !== undefined) {
      const segment = await tx.segment.findFirst({
        where: { id: input.segmentId, transcriptId, deletedAt: null },
        select: { text: true },
      });
      if (!segment) throw new AppError("NOT_FOUND", "No such paragraph in this transcript.");
      const selected = segment.text.slice(input.start, input.end).trim();
      if (!selected) throw new AppError("UNPROCESSABLE", "Select the words to tag first.");
      name ||= selected;
    }
    if (!name) throw new AppError("BAD_REQUEST", "Give the entity a name.", { name: "Required." });
    if (name.length > 200) throw new AppError("BAD_REQUEST", "That name is too long (200 characters at most).");
    const type = TYPE[input.type];
    const entity = await tx.entity.upsert({
      where: { type_name: { type, name } },
      create: { type, name },
      update: {},
      select: { id: true },
    });
    const before = await tx.transcriptEntity.findUnique({
      where: { transcriptId_entityId: { transcriptId, entityId: entity.id } },
      select: { id: true, entityId: true, status: true },
    });
    const link = await tx.transcriptEntity.upsert({
      where: { transcriptId_entityId: { transcriptId, entityId: entity.id } },
      create: { transcriptId, entityId: entity.id, status: "ACCEPTED" },
      update: { status: "ACCEPTED" },
      select: { id: true, entityId: true, status: true },
    });
    await matchEverywhere(tx, transcriptId, link.id, name);
    await recordRevision(tx, {
      transcriptId,
      actorId: actor.id,
      action: "entity.tag",
      summary: `Tagged ${name} as ${input.type}`,
      changes: [change("entity", link.id, before ? entitySnapshot(before) : null, entitySnapshot(link))],
    });
    return { entity: toEditorEntity(await findLink(tx, transcriptId, link.id)) };
  });
}

/** PATCH /entities/:id: accept, reject or return to suggested. */
export async function setEntityStatus(
  actor: Actor,
  transcriptId: string,
  linkId: string,
  status: EditorEntity["status"],
): Promise<{ entity: EditorEntity }> {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    const link = await findLink(tx, transcriptId, linkId);
    const next = await tx.transcriptEntity.update({
      where: { id: linkId },
      data: { status: STATUS[status] },
      select: entitySelect,
    });
    await recordRevision(tx, {
      transcriptId,
      actorId: actor.id,
      action: "entity.status",
      summary: `${status === "accepted" ? "Accepted" : status === "rejected" ? "Rejected" : "Reopened"} ${link.entity.name}`,
      changes: [change("entity", linkId, entitySnapshot(link), entitySnapshot(next))],
    });
    return { entity: toEditorEntity(next) };
  });
}

/** POST /entities/:id/merge: this entity's mentions go to `intoId` (e.g. "Stoltenberg" into "Jens Stoltenberg"). */
export async function mergeEntity(
  actor: Actor,
  transcriptId: string,
  linkId: string,
  intoId: string,
): Promise<{ entities: EditorEntity[] }> {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    if (linkId === intoId) throw new AppError("UNPROCESSABLE", "Pick another entity to merge into.");
    const link = await findLink(tx, transcriptId, linkId);
    const into = await findLink(tx, transcriptId, intoId);
    // A mention on words `intoId` already has ("Stoltenberg" inside "Jens Stoltenberg") would count them twice.
    const kept = await tx.mention.findMany({
      where: { transcriptEntityId: intoId },
      select: { segmentId: true, start: true, end: true },
    });
    const moving = await tx.mention.findMany({
      where: { transcriptEntityId: linkId },
      select: { id: true, segmentId: true, start: true, end: true },
    });
    const doubled = moving.filter((mention) =>
      kept.some(
        (other) => other.segmentId === mention.segmentId && other.start < mention.end && mention.start < other.end,
      ),
    );
    await tx.mention.deleteMany({ where: { id: { in: doubled.map((mention) => mention.id) } } });
    await tx.mention.updateMany({ where: { transcriptEntityId: linkId }, data: { transcriptEntityId: intoId } });
    const rejected = await tx.transcriptEntity.update({
      where: { id: linkId },
      data: { status: "REJECTED" },
      select: entitySelect,
    });
    await recountMentions(tx, [linkId, intoId]);
    await recordRevision(tx, {
      transcriptId,
      actorId: actor.id,
      action: "entity.merge",
      summary: `Merged ${link.entity.name} into ${into.entity.name}`,
      changes: [change("entity", linkId, entitySnapshot(link), entitySnapshot(rejected))],
    });
    const rows = await tx.transcriptEntity.findMany({
      where: { transcriptId },
      orderBy: [{ mentionCount: "desc" }],
      select: entitySelect,
    });
    return { entities: rows.map(toEditorEntity) };
  });
}
