import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { visibleTranscriptsWhere } from "@/lib/editor/access";
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

/** Everything the draft page shows. Null when the transcript does not exist or was deleted. */
export async function findDeskTranscript(id: string) {
  return db.transcript.findFirst({
    where: { id, deletedAt: null },
    select: {
      ...transcriptSummary,
      place: true,
      language: true,
      durationMs: true,
      version: true,
      speakers: {
        orderBy: { position: "asc" },
        select: { id: true, name: true, title: true, role: true, outlet: true },
      },
      segments: {
        orderBy: { position: "asc" },
        select: { id: true, text: true, startMs: true, endMs: true, speakerId: true },
      },
      entities: {
        orderBy: [{ mentionCount: "desc" }, { entity: { name: "asc" } }],
        select: { id: true, status: true, mentionCount: true, entity: { select: { type: true, name: true } } },
      },
      sourceFiles: {
        orderBy: { uploadedAt: "asc" },
        select: {
          id: true,
          filename: true,
          mediaType: true,
          size: true,
          sha256: true,
          encoding: true,
          format: true,
          cleanupReport: true,
          warnings: true,
          uploadedAt: true,
          uploadedBy: { select: { name: true } },
        },
      },
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
