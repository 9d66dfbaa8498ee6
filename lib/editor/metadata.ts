// The transcript's own fields: title, slug, summary, event date, place, source and media links, fidelity, tags.
// Versioned as a whole: a save based on an older version is refused, naming who saved in between.
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { firstFreeSlug, slugFromTitle } from "@/lib/transcripts/slugs";
import { tagsSchema, writeJson } from "@/lib/json-columns";
import type { Actor } from "@/lib/permissions";
import { withTranscript } from "@/lib/transcripts/access";
import { change, recordRevision, transcriptSnapshot } from "@/lib/editor/revisions";
import { toEditorTranscriptMeta, transcriptMetaSelect } from "@/lib/editor/serialize";
import type { EditorTranscriptMeta, FidelityName } from "@/lib/editor/types";

export interface MetadataInput {
  baseVersion: number;
  title?: string;
  slug?: string;
  summary?: string | null;
  occurredAt?: string | null;
  place?: string | null;
  sourceUrl?: string | null;
  mediaUrl?: string | null;
  fidelity?: FidelityName;
  /** The person saving confirms (true) or withdraws (false) the fidelity label; choosing a new label confirms it. */
  fidelityConfirmed?: boolean;
  tags?: string[];
}

const snapshotSelect = { ...transcriptMetaSelect, tags: true } as const;

/** PATCH /api/transcripts/:id */
export async function updateMetadata(
  actor: Actor,
  transcriptId: string,
  input: MetadataInput,
): Promise<{ transcript: EditorTranscriptMeta; revision: number }> {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    const row = await tx.transcript.findUniqueOrThrow({ where: { id: transcriptId }, select: snapshotSelect });
    const segmentCount = await tx.segment.count({ where: { transcriptId, deletedAt: null } });
    if (row.version !== input.baseVersion) {
      const last = await tx.revision.findFirst({
        where: { transcriptId, action: "transcript.edit" },
        orderBy: { number: "desc" },
        select: { at: true, actor: { select: { id: true, name: true } } },
      });
      throw new AppError(
        "CONFLICT",
        `${last?.actor?.name ?? "Someone"} changed these details after you opened them. Your changes are still in the form: check theirs and save again.`,
        {},
        {
          current: {
            transcript: toEditorTranscriptMeta(row, segmentCount),
            by: last?.actor ?? null,
            at: last?.at.toISOString() ?? null,
          },
        },
      );
    }
    const slugTyped = input.slug !== undefined && input.slug !== row.slug;
    if (input.slug !== undefined && input.slug !== row.slug) {
      const taken =
        (await tx.transcript.findFirst({
          where: { OR: [{ slug: input.slug }, { publicSlug: input.slug }], id: { not: transcriptId } },
          select: { id: true },
        })) ?? (await tx.slugRedirect.findFirst({ where: { slug: input.slug, transcriptId: { not: transcriptId } } }));
      if (taken) {
        throw new AppError("BAD_REQUEST", "Another transcript already uses that address.", {
          slug: "Already used by another transcript.",
        });
      }
    }
    // Before the first publication, and until someone types one, the address follows the title; not while readers
    // follow it live at the address it went live with.
    const followed =
      !slugTyped &&
      row.status !== "LIVE" &&
      input.title !== undefined &&
      input.title !== row.title &&
      !row.slugSetByHand &&
      !row.firstPublishedAt
        ? await slugForTitle(tx, transcriptId, input.title)
        : null;
    const next = await tx.transcript.update({
      where: { id: transcriptId },
      data: {
        version: { increment: 1 },
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(slugTyped ? { slug: input.slug, slugSetByHand: true } : followed ? { slug: followed } : {}),
        ...(input.summary !== undefined ? { summary: input.summary?.trim() || null } : {}),
        ...(input.occurredAt !== undefined
          ? { occurredAt: input.occurredAt ? new Date(`${input.occurredAt}T00:00:00Z`) : null }
          : {}),
        ...(input.place !== undefined ? { place: input.place?.trim() || null } : {}),
        ...(input.sourceUrl !== undefined ? { sourceUrl: input.sourceUrl || null } : {}),
        ...(input.mediaUrl !== undefined ? { mediaUrl: input.mediaUrl || null } : {}),
        ...(input.fidelity !== undefined
          ? { fidelity: input.fidelity.toUpperCase() as "VERBATIM" | "CLEAN_READ" | "MACHINE" | "HUMAN_VERIFIED" }
          : {}),
        ...(input.tags !== undefined ? { tags: writeJson(tagsSchema, [...new Set(input.tags)]) } : {}),
        ...fidelityConfirmation(actor, row.fidelity, input),
      },
      select: snapshotSelect,
    });
    const revision = await recordRevision(tx, {
      transcriptId,
      actorId: actor.id,
      action: "transcript.edit",
      summary: "Edited the transcript's details",
      changes: [change("transcript", transcriptId, transcriptSnapshot(row), transcriptSnapshot(next))],
    });
    return { transcript: toEditorTranscriptMeta({ ...next, revision }, segmentCount), revision };
  });
}

/**
 * The first free slug for a new title, counting every address in use or kept for old links. `transcriptId` is the
 * transcript being renamed (its own addresses do not count), or null for a new one.
 */
export async function slugForTitle(
  tx: Prisma.TransactionClient,
  transcriptId: string | null,
  title: string,
): Promise<string> {
  const base = slugFromTitle(title);
  const like = (field: "slug" | "publicSlug") => [{ [field]: base }, { [field]: { startsWith: `${base}-` } }];
  const [transcripts, redirects] = await Promise.all([
    tx.transcript.findMany({
      where: { ...(transcriptId ? { id: { not: transcriptId } } : {}), OR: [...like("slug"), ...like("publicSlug")] },
      select: { slug: true, publicSlug: true },
    }),
    tx.slugRedirect.findMany({ where: { OR: like("slug") }, select: { slug: true } }),
  ]);
  const taken = new Set<string>([
    ...transcripts.flatMap((row) => [row.slug, ...(row.publicSlug ? [row.publicSlug] : [])]),
    ...redirects.map((row) => row.slug),
  ]);
  return firstFreeSlug(base, taken);
}

/** A person choosing a different label, or ticking "checked", confirms it; unticking withdraws the confirmation. */
function fidelityConfirmation(actor: Actor, current: string, input: MetadataInput) {
  const chosen = input.fidelity !== undefined && input.fidelity.toUpperCase() !== current;
  if (input.fidelityConfirmed === false && !chosen) return { fidelityConfirmedAt: null, fidelityConfirmedById: null };
  if (input.fidelityConfirmed === true || chosen)
    return { fidelityConfirmedAt: new Date(), fidelityConfirmedById: actor.id };
  return {};
}
