// A plain 404 for routes that must not use notFound(): a share image that does not exist (yet). Returned after the
// route's tagged data lookup, the answer Next keeps carries that lookup's cache tags, so the publication that makes
// the image exist expires it; notFound()'s 404 was kept without them and outlived the publication.

/** Not found, not to be kept by browsers or shared caches (the edge keeps only what carries Surrogate-Key tags). */
export function notFoundImage(): Response {
  return new Response("Not found.\n", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
