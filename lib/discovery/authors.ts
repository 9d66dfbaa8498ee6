// The author pages' reads (/authors/[slug]): a staff member credited on published transcripts, with what they
// worked on. Credits come from the public index (PublicCredit rows, which exist for published transcripts alone);
// the name, bio and opt-out are read from User now, so an opt-out or a deactivation turns the page into a 404 once
// the public cache is expired. The get… functions are cached and tagged like every other public read.
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { LISTINGS_TAG, PUBLIC_TAG } from "@/lib/publishing/cache-tags";
import { isPubliclyCredited, type CreditRole } from "@/lib/publishing/credits";
import type { Paged } from "@/lib/publishing/public-queries";

export const AUTHOR_PAGE_SIZE = 20;

export interface AuthorSummary {
  /** Internal: the credits' user id. Not shown to readers. */
  userId: string;
  slug: string;
  name: string;
  bio: string | null;
  transcriptCount: number;
}

export interface AuthorTranscript {
  id: string;
  title: string;
  path: string;
  /** When it first went public (ISO). */
  publishedAt: string;
  occurredAt: string | null;
  /** What they did on it, byline order: AUTHOR before EDITOR. */
  roles: CreditRole[];
}

/** A person readers may see an author page for: credited on a published transcript, named, not opted out. */
export async function loadAuthor(slug: string): Promise<AuthorSummary | null> {
  const user = await db.user.findUnique({
    where: { authorSlug: slug },
    select: { id: true, name: true, bio: true, active: true, creditOptOut: true },
  });
  if (!user || !isPubliclyCredited(user)) return null;
  const transcriptCount = await db.publicListing.count({ where: creditedTo(user.id) });
  if (transcriptCount === 0) return null;
  return { userId: user.id, slug, name: user.name.trim(), bio: user.bio?.trim() || null, transcriptCount };
}

function creditedTo(userId: string): Prisma.PublicListingWhereInput {
  return { credits: { some: { userId } } };
}

/** The published transcripts they are credited on, newest publication first. */
export async function loadAuthorTranscripts(userId: string, page: number): Promise<Paged<AuthorTranscript>> {
  const where = creditedTo(userId);
  const [total, rows] = await Promise.all([
    db.publicListing.count({ where }),
    db.publicListing.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { transcriptId: "asc" }],
      skip: (page - 1) * AUTHOR_PAGE_SIZE,
      take: AUTHOR_PAGE_SIZE,
      select: {
        transcriptId: true,
        slug: true,
        title: true,
        publishedAt: true,
        occurredAt: true,
        credits: { where: { userId }, select: { role: true } },
      },
    }),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.transcriptId,
      title: row.title,
      path: `/t/${row.slug}`,
      publishedAt: row.publishedAt.toISOString(),
      occurredAt: row.occurredAt?.toISOString() ?? null,
      roles: (["AUTHOR", "EDITOR"] as const).filter((role) => row.credits.some((credit) => credit.role === role)),
    })),
    page,
    pageCount: Math.max(1, Math.ceil(total / AUTHOR_PAGE_SIZE)),
    total,
  };
}

// ─── Cached reads for the pages ───────────────────────────────────────────────────────────────────────────────

const TAGS = { tags: [PUBLIC_TAG, LISTINGS_TAG] };

export function getAuthor(slug: string): Promise<AuthorSummary | null> {
  return unstable_cache(loadAuthor, ["author", slug], TAGS)(slug);
}

export function getAuthorTranscripts(userId: string, page: number): Promise<Paged<AuthorTranscript>> {
  return unstable_cache(loadAuthorTranscripts, ["author-transcripts", userId, String(page)], TAGS)(userId, page);
}
