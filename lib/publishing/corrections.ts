// Public corrections. An editor changes one paragraph of a published transcript and says why; readers see the
// change at the passage and in the corrections lists. The correction publishes the previous snapshot with only
// that paragraph changed (private edits to the working copy stay private), and writes the same words into the
// working copy so the next republication keeps them.
import { recordAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";
import { lockTranscript } from "@/lib/db/coordination";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { editSegmentIn } from "@/lib/editor/segments";
import { AppError } from "@/lib/errors";
import { canCorrectTranscript, type Actor } from "@/lib/permissions";
import { expirePublicCache } from "@/lib/publishing/cache";
import { transcriptTags } from "@/lib/publishing/cache-tags";
import { correctSnapshot, writeSnapshot } from "@/lib/publishing/snapshot";
import { latestPublication } from "@/lib/publishing/workflow";
import { failpoint } from "@/lib/failpoints";
import { syncPublicIndex } from "@/lib/publishing/public-index";
import { SLICED_TRANSACTION_TIMEOUT_MS } from "@/lib/ops/slices";

export interface CorrectionInput {
  segmentId: string;
  text: string;
  reason: string;
}

export interface RecordedCorrection {
  id: string;
  segmentId: string;
  before: string;
  after: string;
  reason: string;
  at: string;
  publicationNumber: number;
  /** The working copy's paragraph said something else (unpublished edits): those words are in its history. */
  replacedUnpublishedEdit: boolean;
}

/** POST /api/transcripts/:id/corrections */
export async function recordCorrection(
  actor: Actor,
  transcriptId: string,
  input: CorrectionInput,
  now = new Date(),
): Promise<RecordedCorrection> {
  const text = input.text.trim();
  const reason = input.reason.trim();
  const { correction, staleTags } = await db.$transaction(
    async (tx) => {
      await lockTranscript(tx, transcriptId);
      await requireTranscriptFor(actor, transcriptId, { client: tx });
      const decision = canCorrectTranscript(actor);
      if (!decision.allowed) throw new AppError("FORBIDDEN", decision.reason);
      const state = await tx.transcript.findUniqueOrThrow({
        where: { id: transcriptId },
        select: { status: true, publicSlug: true },
      });
      if (state.status !== "PUBLISHED") {
        throw new AppError(
          "CONFLICT",
          "Only a published transcript takes public corrections: edit the working copy instead.",
        );
      }
      const current = await latestPublication(tx, transcriptId);
      if (!current) throw new AppError("CONFLICT", "This transcript has no published version to correct.");
      const published = current.snapshot.segments.find((segment) => segment.id === input.segmentId);
      if (!published) {
        throw new AppError("BAD_REQUEST", "That paragraph is not in the published transcript.", {
          segmentId: "Choose a paragraph readers can see.",
        });
      }
      if (!text) throw new AppError("BAD_REQUEST", "Write the corrected paragraph.", { text: "Required." });
      if (!reason) {
        throw new AppError("BAD_REQUEST", "Say why the passage was corrected: readers see the reason.", {
          reason: "Required.",
        });
      }
      if (text === published.text) {
        throw new AppError("BAD_REQUEST", "The corrected text is the same as the published text.", {
          text: "Change the words you are correcting.",
        });
      }

      const number = current.number + 1;
      const snapshot = correctSnapshot(current.snapshot, published.id, text);
      await tx.publication.create({
        data: {
          transcriptId,
          number,
          kind: "correction",
          content: writeSnapshot(snapshot),
          revision: (await tx.transcript.findUniqueOrThrow({ where: { id: transcriptId }, select: { revision: true } }))
            .revision,
          actorId: actor.id,
          createdAt: now,
          publishedAt: now,
        },
      });
      const row = await tx.correction.create({
        data: {
          transcriptId,
          segmentId: published.id,
          before: published.text,
          after: text,
          reason,
          publicationNumber: number,
          actorId: actor.id,
          at: now,
        },
      });
      const working = await tx.segment.findUnique({
        where: { id: published.id },
        select: { text: true, version: true, deletedAt: true },
      });
      let replacedUnpublishedEdit = false;
      if (working && !working.deletedAt && working.text !== text) {
        replacedUnpublishedEdit = working.text !== published.text;
        await editSegmentIn(
          tx,
          actor,
          transcriptId,
          published.id,
          { text, baseVersion: working.version },
          { revisionAction: "segment.correction", summary: `Public correction: ${reason}` },
        );
      }
      await syncPublicIndex(tx, transcriptId, now);
      await tx.workflowEvent.create({
        data: {
          transcriptId,
          action: "corrected",
          from: "PUBLISHED",
          to: "PUBLISHED",
          note: reason,
          actorId: actor.id,
        },
      });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "transcript.corrected",
        targetType: "transcript",
        targetId: transcriptId,
        details: { correctionId: row.id, segmentId: published.id, reason },
      });
      // e2e/durability.spec.ts kills the server here, with everything written and nothing committed.
      failpoint("correction.after-index");
      const quotes = snapshot.annotations.filter((annotation) => annotation.kind === "QUOTE").map((a) => a.id);
      return {
        correction: { ...row, at: row.at.toISOString(), replacedUnpublishedEdit },
        staleTags: transcriptTags(transcriptId, state.publicSlug ? [state.publicSlug] : [], quotes),
      };
    },
    { timeout: SLICED_TRANSACTION_TIMEOUT_MS },
  );
  expirePublicCache(staleTags);
  return {
    id: correction.id,
    segmentId: correction.segmentId,
    before: correction.before,
    after: correction.after,
    reason: correction.reason,
    at: correction.at,
    publicationNumber: correction.publicationNumber,
    replacedUnpublishedEdit: correction.replacedUnpublishedEdit,
  };
}
