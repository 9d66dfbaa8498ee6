// The cached "where did this address go?" lookup behind the redirects from a transcript's old addresses
// (lib/publishing/old-slugs.ts). Tagged with the old slug: publishing and unpublishing the transcript expire the
// tags of all its old slugs, so a redirect never outlives the publication it points to.
import { unstable_cache } from "next/cache";
import { permanentRedirect } from "next/navigation";
import { PUBLIC_TAG, slugTag } from "@/lib/publishing/cache-tags";
import { loadMovedSlug } from "@/lib/publishing/old-slugs";

export function getMovedSlug(slug: string): Promise<string | null> {
  return unstable_cache(loadMovedSlug, ["moved-slug", slug], { tags: [PUBLIC_TAG, slugTag(slug)] })(slug);
}

/**
 * In a page under /t/<slug>: when no published transcript lives at `slug` but one used to, answers a permanent
 * redirect to the same page at its current address (`rest` is the part after the slug, e.g. "/changes").
 * scripts/serve.ts sends Next's 308 for a GET or HEAD as a 301.
 */
export async function redirectIfMoved(slug: string, rest = ""): Promise<void> {
  const current = await getMovedSlug(slug);
  if (current) permanentRedirect(`/t/${current}${rest}`);
}

/** For a route handler: the 301 itself, kept by browsers and the edge as long as the page (until expired). */
export function movedPermanently(path: string): Response {
  return new Response(null, {
    status: 301,
    headers: { location: path, "cache-control": "public, max-age=0, s-maxage=300" },
  });
}
