// Sharing a transcript with named colleagues: they may then view and edit it as its owner does.
import { recordAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canShareTranscript, type Actor } from "@/lib/permissions";
import { requireTranscriptFor } from "@/lib/editor/access";

export interface ShareEntry {
  userId: string;
  name: string;
  email: string;
}

export async function listShares(actor: Actor, transcriptId: string): Promise<ShareEntry[]> {
  await requireTranscriptFor(actor, transcriptId);
  const rows = await db.transcriptShare.findMany({
    where: { transcriptId },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map(({ user }) => ({ userId: user.id, name: user.name, email: user.email }));
}

async function assertMayShare(actor: Actor, transcriptId: string) {
  const transcript = await requireTranscriptFor(actor, transcriptId);
  const decision = canShareTranscript(actor, transcript);
  if (!decision.allowed) throw new AppError("FORBIDDEN", decision.reason);
  return transcript;
}

export async function shareWith(actor: Actor, transcriptId: string, email: string): Promise<ShareEntry[]> {
  const transcript = await assertMayShare(actor, transcriptId);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, active: true, name: true } });
  if (!user || !user.active) {
    throw new AppError("NOT_FOUND", "No active colleague has that email address.", {
      email: "No active account with this email.",
    });
  }
  if (user.id === transcript.createdById) {
    throw new AppError("UNPROCESSABLE", `${user.name} owns this transcript already.`, { email: "This is the owner." });
  }
  await db.$transaction(async (tx) => {
    await tx.transcriptShare.upsert({
      where: { transcriptId_userId: { transcriptId, userId: user.id } },
      create: { transcriptId, userId: user.id, createdById: actor.id },
      update: {},
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "transcript.shared",
      targetType: "transcript",
      targetId: transcriptId,
      details: { userId: user.id, email },
    });
  });
  return listShares(actor, transcriptId);
}

export async function unshare(actor: Actor, transcriptId: string, userId: string): Promise<ShareEntry[]> {
  await assertMayShare(actor, transcriptId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.transcriptShare.deleteMany({ where: { transcriptId, userId } });
    if (count === 0) throw new AppError("NOT_FOUND", "It was not shared with that person.");
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "transcript.unshared",
      targetType: "transcript",
      targetId: transcriptId,
      details: { userId },
    });
  });
  return listShares(actor, transcriptId);
}
