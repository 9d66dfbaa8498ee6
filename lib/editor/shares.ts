// Sharing a transcript with named colleagues: they may then view and edit it as its owner does.
import { recordAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canShareTranscript, type Actor } from "@/lib/permissions";
import { requireTranscriptFor, withTranscript, type TranscriptHandle } from "@/lib/transcripts/access";

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

function assertMayShare(actor: Actor, transcript: TranscriptHandle) {
  const decision = canShareTranscript(actor, transcript);
  if (!decision.allowed) throw new AppError("FORBIDDEN", decision.reason);
}

/** POST /shares: the check, the share and its audit row in one transaction. */
export async function shareWith(actor: Actor, transcriptId: string, email: string): Promise<ShareEntry[]> {
  await withTranscript(actor, transcriptId, "view", async (tx, transcript) => {
    assertMayShare(actor, transcript);
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, active: true, name: true } });
    if (!user || !user.active) {
      throw new AppError("NOT_FOUND", "No active colleague has that email address.", {
        email: "No active account with this email.",
      });
    }
    if (user.id === transcript.createdById) {
      throw new AppError("UNPROCESSABLE", `${user.name} owns this transcript already.`, {
        email: "This is the owner.",
      });
    }
    const key = { transcriptId_userId: { transcriptId, userId: user.id } };
    // A find and a create, not an upsert with an empty update: that one races into a duplicate key on PostgreSQL.
    if (!(await tx.transcriptShare.findUnique({ where: key, select: { id: true } }))) {
      await tx.transcriptShare.create({ data: { transcriptId, userId: user.id, createdById: actor.id } });
    }
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

/** DELETE /shares/:userId */
export async function unshare(actor: Actor, transcriptId: string, userId: string): Promise<ShareEntry[]> {
  await withTranscript(actor, transcriptId, "view", async (tx, transcript) => {
    assertMayShare(actor, transcript);
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
