// Answers of the public read API: JSON that shared caches may keep briefly and clients revalidate with an ETag, so
// a poll that finds nothing new costs a 304 and no body.
import { createHash } from "node:crypto";

/** Browsers revalidate every time (cheap, with the ETag); shared caches keep an answer at most a minute. */
export const PUBLIC_API_CACHE_CONTROL = "public, max-age=0, s-maxage=60, must-revalidate";

export function publicJson(request: Request, body: unknown, headers: Record<string, string> = {}): Response {
  const json = JSON.stringify(body);
  const etag = `"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"`;
  const common = {
    ...headers,
    "Cache-Control": PUBLIC_API_CACHE_CONTROL,
    ETag: etag,
    // Any site may read the public API from a browser: it is public data, with no credentials.
    "Access-Control-Allow-Origin": "*",
  };
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((value) => value.trim() === etag || value.trim() === "*")) {
    return new Response(null, { status: 304, headers: common });
  }
  return new Response(json, { status: 200, headers: { ...common, "Content-Type": "application/json; charset=utf-8" } });
}
