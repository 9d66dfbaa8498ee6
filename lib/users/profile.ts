// The public profile staff keep on their account page: the name bylines show, a short bio for their author page, and
// whether to be credited publicly at all. Public pages read these live (lib/publishing/credits.ts), so a change
// expires every cached public page here, at the edge and on the cluster's other servers.
import { recordAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";
import { expirePublicCache } from "@/lib/publishing/cache";
import { PUBLIC_TAG } from "@/lib/publishing/cache-tags";
import { assignAuthorSlugs } from "@/lib/publishing/credits";
import type { PublicProfileInput } from "@/lib/validations/profile";

export interface PublicProfile {
  name: string;
  bio: string | null;
  creditOptOut: boolean;
  authorSlug: string | null;
  /** Credited on at least one published transcript: their author page exists (unless they opted out). */
  isCredited: boolean;
}

export async function findPublicProfile(userId: string): Promise<PublicProfile> {
  const [user, credit] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { name: true, bio: true, creditOptOut: true, authorSlug: true },
    }),
    db.publicCredit.findFirst({ where: { userId }, select: { transcriptId: true } }),
  ]);
  return { ...user, isCredited: credit !== null };
}

/** Saves the profile, audited; gives the person an author page address on their first save. */
export async function updateOwnProfile({
  userId,
  profile,
}: {
  userId: string;
  profile: PublicProfileInput;
}): Promise<PublicProfile> {
  const changed = await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { name: true, bio: true, creditOptOut: true },
    });
    const changes = {
      ...(before.name !== profile.name ? { name: { from: before.name, to: profile.name } } : {}),
      ...(before.bio !== profile.bio ? { bio: { from: before.bio, to: profile.bio } } : {}),
      ...(before.creditOptOut !== profile.creditOptOut
        ? { creditOptOut: { from: before.creditOptOut, to: profile.creditOptOut } }
        : {}),
    };
    await assignAuthorSlugs(tx, [userId]);
    if (Object.keys(changes).length === 0) return false;
    await tx.user.update({
      where: { id: userId },
      data: { name: profile.name, bio: profile.bio, creditOptOut: profile.creditOptOut },
    });
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "account.profile_changed",
      targetType: "account",
      targetId: userId,
      details: changes,
    });
    return true;
  });
  // Bylines, author pages, their feeds and the sitemap all read the profile: every public page may show it.
  if (changed) expirePublicCache([PUBLIC_TAG]);
  return findPublicProfile(userId);
}
