// Old addresses. When an editor republishes a transcript under a new slug, links already out in the world (shared
// posts, other outlets' stories, search engines) keep working: /t/<old slug> and everything under it answer a
// permanent redirect to the same place at the current address, for as long as the transcript is published.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * Records that the transcript leaves `previous` for `next` (inside the transaction that publishes it): `previous`
 * becomes an old address of this transcript, and `next`, if it was one, is its current address again.
 */
export async function rememberOldSlug(tx: Tx, transcriptId: string, previous: string | null, next: string) {
  if (previous && previous !== next) {
    await tx.slugRedirect.upsert({
      where: { slug: previous },
      create: { slug: previous, transcriptId },
      update: { transcriptId },
    });
  }
  await tx.slugRedirect.deleteMany({ where: { slug: next, transcriptId } });
}

/** The transcript's old addresses: their cached redirects expire with its page. */
export async function oldSlugsOf(tx: Tx, transcriptId: string): Promise<string[]> {
  const rows = await tx.slugRedirect.findMany({ where: { transcriptId }, select: { slug: true } });
  return rows.map((row) => row.slug);
}

/** Whether another transcript had this address once: it stays theirs, so their old links never change target. */
export async function oldSlugHolder(tx: Tx, slug: string, transcriptId: string) {
  const row = await tx.slugRedirect.findFirst({
    where: { slug, transcriptId: { not: transcriptId } },
    select: { transcript: { select: { title: true } } },
  });
  return row?.transcript ?? null;
}

/** The current address of the published transcript that once lived at `slug`, or null (then it is a 404). */
export async function loadMovedSlug(slug: string): Promise<string | null> {
  const row = await db.slugRedirect.findUnique({
    where: { slug },
    select: { transcript: { select: { deletedAt: true, listing: { select: { slug: true } } } } },
  });
  const current = row && !row.transcript.deletedAt ? row.transcript.listing?.slug : null;
  return current && current !== slug ? current : null;
}
