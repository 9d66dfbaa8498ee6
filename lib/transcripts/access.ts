// The one way editor code reaches a transcript: by id, for an acting user, through lib/permissions.ts's rule.
// A transcript the actor may not see answers exactly as a missing one does, so ids reveal nothing.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canEditTranscript, canViewTranscript, type Actor } from "@/lib/permissions";

export type Client = Prisma.TransactionClient | typeof db;

export interface TranscriptHandle {
  id: string;
  createdById: string;
  sharedWith: string[];
  revision: number;
  version: number;
  status: string;
  /** Taking captions from a live feed (lib/live/feed.ts). */
  live: boolean;
}

export const NOT_FOUND_MESSAGE = "No such transcript, or it is not shared with you.";

/** The transcript if it exists, is not deleted and `actor` may see it (or edit it, with `edit`); else null. */
export async function findTranscriptFor(
  actor: Actor,
  id: string,
  { edit = false, client = db }: { edit?: boolean; client?: Client } = {},
): Promise<TranscriptHandle | null> {
  const row = await client.transcript.findFirst({
    where: { id, deletedAt: null },
    select: {
      id: true,
      createdById: true,
      revision: true,
      version: true,
      status: true,
      liveSince: true,
      shares: { select: { userId: true } },
    },
  });
  if (!row) return null;
  const { shares, liveSince, ...fields } = row;
  const handle = { ...fields, live: liveSince !== null, sharedWith: shares.map((share) => share.userId) };
  const allowed = edit ? canEditTranscript(actor, handle) : canViewTranscript(actor, handle);
  return allowed ? handle : null;
}

/** As findTranscriptFor, but a refusal is a 404 AppError. */
export async function requireTranscriptFor(
  actor: Actor,
  id: string,
  options: { edit?: boolean; client?: Client } = {},
): Promise<TranscriptHandle> {
  const transcript = await findTranscriptFor(actor, id, options);
  if (!transcript) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return transcript;
}

/** The where-clause that limits a transcript list to what `actor` may see. */
export function visibleTranscriptsWhere(actor: Actor): Prisma.TranscriptWhereInput {
  if (!actor.active) return { id: { in: [] } };
  if (actor.role === "ADMIN" || actor.role === "EDITOR") return { deletedAt: null };
  return { deletedAt: null, OR: [{ createdById: actor.id }, { shares: { some: { userId: actor.id } } }] };
}

/**
 * Runs `work` in one transaction on a transcript the actor may see (`view`) or edit (`edit`), the permission checked
 * inside that transaction, so a share revoked or a role changed a moment earlier cannot slip between the check and
 * the write. A refusal is the 404 a missing transcript gets.
 */
export async function withTranscript<T>(
  actor: Actor,
  transcriptId: string,
  mode: "view" | "edit",
  work: (tx: Prisma.TransactionClient, transcript: TranscriptHandle) => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      const transcript = await requireTranscriptFor(actor, transcriptId, { edit: mode === "edit", client: tx });
      return work(tx, transcript);
    },
    // Prisma's default (5 s) unless the work is known to be long (one operation across a whole transcript).
    options.timeoutMs ? { timeout: options.timeoutMs } : undefined,
  );
}
