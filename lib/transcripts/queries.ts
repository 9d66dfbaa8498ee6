import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { visibleTranscriptsWhere } from "@/lib/transcripts/access";
import type { Actor } from "@/lib/permissions";

/** What every desk view of a transcript shows about it. */
const transcriptSummary = {
  id: true,
  slug: true,
  title: true,
  status: true,
  fidelity: true,
  occurredAt: true,
  wordCount: true,
  createdAt: true,
  createdBy: { select: { name: true } },
} satisfies Prisma.TranscriptSelect;

/** The desk's list of the transcripts `actor` may see, newest first, without the heavy parts. */
export async function listDeskTranscripts(actor: Actor, { take = 100 }: { take?: number } = {}) {
  return db.transcript.findMany({
    where: visibleTranscriptsWhere(actor),
    orderBy: { createdAt: "desc" },
    take,
    select: {
      ...transcriptSummary,
      sourceFiles: { select: { format: true }, take: 1, orderBy: { uploadedAt: "asc" } },
    },
  });
}

/** The original bytes of an upload, for staff who may see its transcript, exactly as received. */
export async function findSourceFileContent(actor: Actor, id: string) {
  return db.sourceFile.findFirst({
    where: { id, transcript: visibleTranscriptsWhere(actor) },
    select: { filename: true, mediaType: true, content: true, sha256: true },
  });
}
