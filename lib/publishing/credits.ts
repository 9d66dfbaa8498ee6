// Bylines: who is credited on a published transcript. A publication records user ids only (PublishedCredits, chosen
// here when an editor publishes); names, bios, author pages and the opt-out are read live from User when a page
// renders, so a rename or an opt-out changes every public page at once (the account page expires the public cache).
// Someone who asked not to be credited, or whose account is deactivated, is never named: the newsroom is.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { firstFreeSlug } from "@/lib/transcripts/slugs";
import { nameSlug } from "@/lib/publishing/slugs";
import type { PublishedCredits, PublishedSnapshot } from "@/lib/publishing/types";

type Client = Prisma.TransactionClient | typeof db;

export const CREDIT_ROLES = ["AUTHOR", "EDITOR"] as const;
export type CreditRole = (typeof CREDIT_ROLES)[number];

// ─── Who is credited ──────────────────────────────────────────────────────────────────────────────────────────

export interface CreditInput {
  /** Who uploaded it. */
  creatorId: string | null;
  /** The actors of its revisions up to the published one, oldest first. */
  revisionActorIds: readonly (string | null)[];
  /** The authors of the annotations readers see, in reading order. */
  annotationAuthorIds: readonly string[];
  /** The editor publishing it. */
  editorId: string;
}

/**
 * Authors are everyone who changed the published working copy (its creator, its revisions' actors, the authors of
 * its public annotations), in the order they first worked on it; the editor who publishes it is credited as editor,
 * and as an author too only when nobody else worked on it.
 */
export function chooseCredits({
  creatorId,
  revisionActorIds,
  annotationAuthorIds,
  editorId,
}: CreditInput): PublishedCredits {
  const workers = [
    ...new Set([creatorId, ...revisionActorIds, ...annotationAuthorIds].filter((id): id is string => Boolean(id))),
  ];
  const others = workers.filter((id) => id !== editorId);
  return { authors: others.length > 0 ? others : workers, editor: editorId };
}

/**
 * The credits of the publication being made now, from the working copy at `revision`, and an author page address
 * for everyone credited who has none yet. Call it inside the publishing transaction.
 */
export async function creditPublication(
  tx: Client,
  {
    transcriptId,
    revision,
    editorId,
    annotationIds,
  }: { transcriptId: string; revision: number; editorId: string; annotationIds: readonly string[] },
): Promise<PublishedCredits> {
  const [transcript, revisions, annotations] = await Promise.all([
    tx.transcript.findUniqueOrThrow({
      where: { id: transcriptId },
      select: { createdById: true, fidelityConfirmedById: true },
    }),
    // One row a person, in the order they first worked on it: a long-edited hearing has thousands of revisions.
    tx.revision.groupBy({
      by: ["actorId"],
      where: { transcriptId, number: { lte: revision }, actorId: { not: null } },
      _min: { number: true },
      orderBy: { _min: { number: "asc" } },
    }),
    tx.annotation.findMany({ where: { id: { in: [...annotationIds] } }, select: { id: true, authorId: true } }),
  ]);
  const authorOf = new Map(annotations.map((annotation) => [annotation.id, annotation.authorId]));
  const credits = chooseCredits({
    creatorId: transcript.createdById,
    revisionActorIds: revisions.map((row) => row.actorId),
    annotationAuthorIds: annotationIds.flatMap((id) => authorOf.get(id) ?? []),
    editorId,
  });
  await assignAuthorSlugs(tx, [...credits.authors, editorId]);
  return { ...credits, checker: transcript.fidelityConfirmedById };
}

/** The public index's credit rows of one publication: the authors in byline order, then the editor. */
export function creditRows(transcriptId: string, credits: PublishedCredits): Prisma.PublicCreditUncheckedCreateInput[] {
  return [
    ...credits.authors.map((userId, position) => ({ transcriptId, userId, role: "AUTHOR", position })),
    ...(credits.editor ? [{ transcriptId, userId: credits.editor, role: "EDITOR", position: 0 }] : []),
  ];
}

// ─── Author page addresses ────────────────────────────────────────────────────────────────────────────────────

/** A slug from the name, made unique among `taken` with a numeric suffix: "rita-reporter", "rita-reporter-2". */
export function uniqueAuthorSlug(name: string, taken: ReadonlySet<string>): string {
  return firstFreeSlug(authorSlugBase(name), taken);
}

function authorSlugBase(name: string): string {
  return nameSlug(name).slice(0, 70) || "author";
}

/**
 * Gives each user without one an author page address from their name. Stable afterwards: a later rename keeps the
 * address, so links to it keep working.
 */
export async function assignAuthorSlugs(tx: Client, userIds: readonly string[]): Promise<void> {
  const users = await tx.user.findMany({
    where: { id: { in: [...new Set(userIds)] }, authorSlug: null },
    select: { id: true, name: true },
  });
  for (const user of users) {
    const taken = await tx.user.findMany({
      where: { authorSlug: { startsWith: authorSlugBase(user.name) } },
      select: { authorSlug: true },
    });
    const slug = uniqueAuthorSlug(user.name, new Set(taken.flatMap((row) => row.authorSlug ?? [])));
    await tx.user.update({ where: { id: user.id }, data: { authorSlug: slug } });
  }
}

// ─── What readers see ─────────────────────────────────────────────────────────────────────────────────────────

/** What a public page may know of a staff member. */
export interface CreditedUser {
  id: string;
  name: string;
  authorSlug: string | null;
  active: boolean;
  creditOptOut: boolean;
}

export const creditedUserSelect = {
  id: true,
  name: true,
  authorSlug: true,
  active: true,
  creditOptOut: true,
} satisfies Prisma.UserSelect;

/** Named in public: an active account that has not asked to stay out of bylines. */
export function isPubliclyCredited(user: Pick<CreditedUser, "active" | "creditOptOut" | "name">): boolean {
  return user.active && !user.creditOptOut && user.name.trim().length > 0;
}

export function authorPath(slug: string): string {
  return `/authors/${slug}`;
}

export interface PublicPerson {
  name: string;
  /** Their author page, "/authors/<slug>". */
  path: string | null;
}

/** A byline as readers see it: only people who may be named; the newsroom stands in for the others. */
export interface PublicByline {
  authors: PublicPerson[];
  /** Someone credited as an author is not named (opted out, deactivated), or nobody is credited: name the newsroom. */
  newsroomAuthors: boolean;
  editor: PublicPerson | null;
  /** The editor is credited but not named. */
  newsroomEditor: boolean;
}

function personOf(user: CreditedUser | undefined): PublicPerson | null {
  if (!user || !isPubliclyCredited(user)) return null;
  return { name: user.name.trim(), path: user.authorSlug ? authorPath(user.authorSlug) : null };
}

/** The byline of `credits`, given the credited users as they are now. */
export function resolveByline(credits: PublishedCredits, users: readonly CreditedUser[]): PublicByline {
  const byId = new Map(users.map((user) => [user.id, user]));
  const authors = credits.authors.map((id) => personOf(byId.get(id)));
  const named = authors.filter((person): person is PublicPerson => person !== null);
  const editor = credits.editor ? personOf(byId.get(credits.editor)) : null;
  return {
    authors: named,
    newsroomAuthors: named.length < authors.length || authors.length === 0,
    editor,
    newsroomEditor: credits.editor !== null && editor === null,
  };
}

/** The byline of a publication, with names read now. Cached by its callers (lib/publishing/public-queries.ts). */
export async function loadPublicByline(credits: PublishedCredits): Promise<PublicByline> {
  const ids = [...new Set([...credits.authors, ...(credits.editor ? [credits.editor] : [])])];
  const users =
    ids.length > 0 ? await db.user.findMany({ where: { id: { in: ids } }, select: creditedUserSelect }) : [];
  return resolveByline(credits, users);
}

/**
 * The name in "Machine transcript, checked by …": the checker's name now, or null ("checked by a person") when they
 * may not be named. A snapshot from before this was recorded keeps the name it was published with.
 */
export async function loadFidelityCheckerName(
  snapshot: Pick<PublishedSnapshot, "credits" | "fidelity" | "fidelityCheckedBy">,
): Promise<string | null> {
  const checkerId = snapshot.credits.checker;
  if (!checkerId || snapshot.fidelity !== "HUMAN_VERIFIED") return snapshot.fidelityCheckedBy;
  const user = await db.user.findUnique({ where: { id: checkerId }, select: creditedUserSelect });
  return user && isPubliclyCredited(user) ? user.name.trim() : null;
}

/** One piece of a byline's sentence: words, or a person (linked to their author page when they have one). */
export type BylinePart = { text: string } | { person: PublicPerson };

function newsroom(siteName: string): string {
  return `the ${siteName} newsroom`;
}

/** "A", "A and B", "A, B and C", with the newsroom last when it stands in for someone. */
function listed(people: PublicPerson[], withNewsroom: boolean, siteName: string): BylinePart[] {
  const items: BylinePart[] = [
    ...people.map((person) => ({ person })),
    ...(withNewsroom ? [{ text: newsroom(siteName) }] : []),
  ];
  return items.flatMap((item, index) => {
    const separator = index === 0 ? [] : [{ text: index === items.length - 1 ? " and " : ", " }];
    return [...separator, item];
  });
}

/**
 * The byline as a sentence: "Transcribed and annotated by A and B · Published by C". When nobody may be named, the
 * newsroom is: "Transcribed by the Daily Record newsroom".
 */
export function bylineParts(
  byline: PublicByline,
  { siteName, hasAnnotations }: { siteName: string; hasAnnotations: boolean },
): BylinePart[] {
  const verb = hasAnnotations ? "Transcribed and annotated by " : "Transcribed by ";
  const parts: BylinePart[] = [{ text: verb }, ...listed(byline.authors, byline.newsroomAuthors, siteName)];
  const onlyNewsroom = byline.authors.length === 0;
  if (byline.editor) parts.push({ text: " · Published by " }, { person: byline.editor });
  // "Published by the newsroom" says nothing new after "Transcribed by the newsroom".
  else if (byline.newsroomEditor && !onlyNewsroom) parts.push({ text: ` · Published by ${newsroom(siteName)}` });
  return parts;
}

/** The byline as plain text, for tests and metadata. */
export function bylineText(parts: readonly BylinePart[]): string {
  return parts.map((part) => ("text" in part ? part.text : part.person.name)).join("");
}
