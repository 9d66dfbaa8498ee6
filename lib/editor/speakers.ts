// Speakers of one transcript: add, rename everywhere (paragraphs point at the speaker, so a rename is one row),
// describe (title, role, outlet, person), merge two, and split one into several.
import { db } from "@/lib/db";
import { speakerRow } from "@/lib/transcripts/rows";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RevisionChange } from "@/lib/json-columns";
import type { Actor } from "@/lib/permissions";
import { requireTranscriptFor, withTranscript } from "@/lib/transcripts/access";
import { liveSegments } from "@/lib/transcripts/working-copy";
import { change, recordRevision, segmentSnapshot, speakerSnapshot } from "@/lib/editor/revisions";
import { numberedSegments, segmentSelect, speakerSelect, toEditorSpeaker } from "@/lib/editor/serialize";
import type { EditorSegment, EditorSpeaker, SpeakerRoleName } from "@/lib/editor/types";

type Tx = Prisma.TransactionClient;

export interface SpeakerFields {
  name?: string;
  title?: string | null;
  role?: SpeakerRoleName | null;
  outlet?: string | null;
  personId?: string | null;
}

const fullSpeakerSelect = { ...speakerSelect, position: true } satisfies Prisma.SpeakerSelect;

async function findSpeaker(tx: Pick<Tx, "speaker">, transcriptId: string, speakerId: string) {
  const speaker = await tx.speaker.findFirst({ where: { id: speakerId, transcriptId }, select: fullSpeakerSelect });
  if (!speaker) throw new AppError("NOT_FOUND", "No such speaker in this transcript.");
  return speaker;
}

async function assertFreeName(tx: Tx, transcriptId: string, name: string, exceptId?: string) {
  const taken = await tx.speaker.findFirst({
    where: { transcriptId, name, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) {
    throw new AppError(
      "CONFLICT",
      `Another speaker in this transcript is already called “${name}”. Merge the two speakers instead.`,
      { name: "Already used in this transcript." },
      { existingSpeakerId: taken.id },
    );
  }
}

async function assertPerson(tx: Tx, personId: string | null | undefined) {
  if (!personId) return;
  const person = await tx.entity.findFirst({ where: { id: personId, type: "PERSON" }, select: { id: true } });
  if (!person) throw new AppError("BAD_REQUEST", "That is not a known person.", { personId: "Unknown person." });
}

function roleValue(role: SpeakerRoleName | null | undefined) {
  if (role === undefined) return undefined;
  return role === null ? null : (role.toUpperCase() as "MODERATOR" | "QUESTIONER" | "OFFICIAL" | "SPEAKER");
}

function dataOf(fields: SpeakerFields) {
  return {
    ...(fields.name !== undefined ? { name: fields.name.trim() } : {}),
    ...(fields.title !== undefined ? { title: fields.title?.trim() || null } : {}),
    ...(fields.role !== undefined ? { role: roleValue(fields.role) } : {}),
    ...(fields.outlet !== undefined ? { outlet: fields.outlet?.trim() || null } : {}),
    ...(fields.personId !== undefined ? { personId: fields.personId } : {}),
  };
}

async function createSpeaker(tx: Tx, transcriptId: string, fields: SpeakerFields & { name: string }) {
  const name = fields.name.trim();
  if (!name) throw new AppError("BAD_REQUEST", "A speaker needs a name.", { name: "Required." });
  await assertFreeName(tx, transcriptId, name);
  await assertPerson(tx, fields.personId);
  const last = await tx.speaker.findFirst({
    where: { transcriptId },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  return tx.speaker.create({
    data: {
      ...speakerRow({
        transcriptId,
        name,
        title: fields.title ?? null,
        role: roleValue(fields.role) ?? null,
        outlet: fields.outlet ?? null,
        position: (last?.position ?? -1) + 1,
      }),
      personId: fields.personId ?? null,
    },
    select: fullSpeakerSelect,
  });
}

/** POST /speakers */
export async function addSpeaker(actor: Actor, transcriptId: string, fields: SpeakerFields & { name: string }) {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    const row = await createSpeaker(tx, transcriptId, fields);
    const revision = await recordRevision(tx, {
      transcriptId,
      actorId: actor.id,
      action: "speaker.add",
      summary: `Added the speaker ${row.name}`,
      changes: [change("speaker", row.id, null, speakerSnapshot(row))],
    });
    return { speaker: toEditorSpeaker(row), revision };
  });
}

/** PATCH /speakers/:id: rename (everywhere at once) and describe. */
export async function updateSpeaker(actor: Actor, transcriptId: string, speakerId: string, fields: SpeakerFields) {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    const speaker = await findSpeaker(tx, transcriptId, speakerId);
    if (fields.name !== undefined) {
      if (!fields.name.trim()) throw new AppError("BAD_REQUEST", "A speaker needs a name.", { name: "Required." });
      await assertFreeName(tx, transcriptId, fields.name.trim(), speakerId);
    }
    await assertPerson(tx, fields.personId);
    const row = await tx.speaker.update({ where: { id: speakerId }, data: dataOf(fields), select: fullSpeakerSelect });
    const summary =
      fields.name !== undefined && fields.name.trim() !== speaker.name
        ? `Renamed ${speaker.name} to ${row.name}`
        : `Edited the speaker ${row.name}`;
    const revision = await recordRevision(tx, {
      transcriptId,
      actorId: actor.id,
      action: "speaker.edit",
      summary,
      changes: [change("speaker", speakerId, speakerSnapshot(speaker), speakerSnapshot(row))],
    });
    return { speaker: toEditorSpeaker(row), revision };
  });
}

/** Points paragraphs at another speaker, recording each. */
async function reassign(tx: Tx, actor: Actor, segmentIds: string[], speakerId: string, changes: RevisionChange[]) {
  const updated: { id: string }[] = [];
  for (const id of segmentIds) {
    const before = await tx.segment.findUniqueOrThrow({ where: { id }, select: { ...segmentSelect, deletedAt: true } });
    if (before.speakerId === speakerId) continue;
    const after = await tx.segment.update({
      where: { id },
      data: { speakerId, version: { increment: 1 }, updatedAt: new Date(), updatedById: actor.id },
      select: { ...segmentSelect, deletedAt: true },
    });
    changes.push(change("segment", id, segmentSnapshot(before), segmentSnapshot(after)));
    updated.push(after);
  }
  return updated;
}

/** POST /speakers/:id/merge: every paragraph of this speaker goes to `intoSpeakerId`, and this speaker goes. */
export async function mergeSpeaker(actor: Actor, transcriptId: string, speakerId: string, intoSpeakerId: string) {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    if (speakerId === intoSpeakerId) throw new AppError("UNPROCESSABLE", "Pick another speaker to merge into.");
    const speaker = await findSpeaker(tx, transcriptId, speakerId);
    const into = await findSpeaker(tx, transcriptId, intoSpeakerId);
    const changes: RevisionChange[] = [];
    const segments = await tx.segment.findMany({ where: { speakerId }, select: { id: true } });
    const moved = await reassign(
      tx,
      actor,
      segments.map((segment) => segment.id),
      intoSpeakerId,
      changes,
    );
    await tx.speaker.delete({ where: { id: speakerId } });
    changes.push(change("speaker", speakerId, speakerSnapshot(speaker), null));
    const revision = await recordRevision(tx, {
      transcriptId,
      actorId: actor.id,
      action: "speaker.merge",
      summary: `Merged ${speaker.name} into ${into.name}`,
      changes,
    });
    return { speaker: toEditorSpeaker(into), moved: moved.length, revision };
  });
}

/**
 * GET /speakers/:id/segments: the speaker's live paragraphs in reading order, a page at a time, from the whole
 * transcript (the editor may hold only its first pages), each with its index among all live paragraphs.
 */
export async function listSpeakerParagraphs(
  actor: Actor,
  transcriptId: string,
  speakerId: string,
  { from, take }: { from: number; take: number },
): Promise<{ speaker: EditorSpeaker; total: number; from: number; segments: EditorSegment[] }> {
  await requireTranscriptFor(actor, transcriptId);
  const speaker = await findSpeaker(db, transcriptId, speakerId);
  const where = { ...liveSegments(transcriptId), speakerId };
  const [total, rows] = await Promise.all([
    db.segment.count({ where }),
    db.segment.findMany({ where, orderBy: { position: "asc" }, skip: from, take, select: segmentSelect }),
  ]);
  return { speaker: toEditorSpeaker(speaker), total, from, segments: await numberedSegments(db, transcriptId, rows) };
}

export type SplitAssignment = {
  segmentId: string;
  speaker: { id: string } | (SpeakerFields & { name: string });
};

/**
 * POST /speakers/:id/split: gives each listed paragraph of this speaker to an existing speaker or a new one (a
 * generic "Question" into the journalists who asked, each with a name and outlet). New speakers with the same
 * name in one request are one speaker.
 */
export async function splitSpeaker(
  actor: Actor,
  transcriptId: string,
  speakerId: string,
  assignments: SplitAssignment[],
): Promise<{ speakers: EditorSpeaker[]; segments: EditorSegment[]; revision: number }> {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    const speaker = await findSpeaker(tx, transcriptId, speakerId);
    if (assignments.length === 0) throw new AppError("BAD_REQUEST", "Assign at least one paragraph.");
    const ids = assignments.map((entry) => entry.segmentId);
    const owned = await tx.segment.count({ where: { id: { in: ids }, transcriptId, speakerId, deletedAt: null } });
    if (owned !== new Set(ids).size) {
      throw new AppError("UNPROCESSABLE", `Only paragraphs spoken by ${speaker.name} can be split from them.`);
    }
    const changes: RevisionChange[] = [];
    const created = new Map<string, string>();
    const targets: string[] = [];
    for (const entry of assignments) {
      if ("id" in entry.speaker) {
        await findSpeaker(tx, transcriptId, entry.speaker.id);
        targets.push(entry.speaker.id);
        continue;
      }
      const name = entry.speaker.name.trim();
      let id = created.get(name);
      if (!id) {
        const existing = await tx.speaker.findFirst({ where: { transcriptId, name }, select: { id: true } });
        if (existing) id = existing.id;
        else {
          const row = await createSpeaker(tx, transcriptId, {
            ...entry.speaker,
            role: entry.speaker.role ?? "questioner",
          });
          changes.push(change("speaker", row.id, null, speakerSnapshot(row)));
          id = row.id;
        }
        created.set(name, id);
      }
      targets.push(id);
    }
    const updated: { id: string }[] = [];
    for (const [index, entry] of assignments.entries()) {
      updated.push(...(await reassign(tx, actor, [entry.segmentId], targets[index]!, changes)));
    }
    const revision = await recordRevision(tx, {
      transcriptId,
      actorId: actor.id,
      action: "speaker.split",
      summary: `Split ${speaker.name} into ${new Set(targets).size} speakers`,
      changes,
    });
    const speakers = await tx.speaker.findMany({
      where: { transcriptId },
      orderBy: { position: "asc" },
      select: speakerSelect,
    });
    const rows = await tx.segment.findMany({
      where: { id: { in: updated.map((row) => row.id) } },
      select: segmentSelect,
    });
    const segments = await numberedSegments(tx, transcriptId, rows);
    return { speakers: speakers.map(toEditorSpeaker), segments, revision };
  });
}
