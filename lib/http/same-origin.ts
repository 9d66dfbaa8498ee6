/**
 * Whether a request that may change something comes from this site's own pages. A foreign origin, an opaque one
 * ("null": sandboxed frames, some redirects) and one that does not parse are not. A request without an Origin
 * header passes: browsers send Origin on every cross-site request that could change something, and tools that
 * omit it (curl, automation) authenticate with API tokens, not the session cookie.
 */
export function isSameOriginRequest(headers: Headers, siteUrl: string | undefined = process.env.SITE_URL): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  // The site's configured address is the one origin its pages have, whatever Host a request names.
  if (siteUrl) return originOf(origin) === originOf(siteUrl);
  // Otherwise the host the request was sent to: X-Forwarded-Host only reaches here from a trusted proxy
  // (scripts/serve.ts removes it from anyone else's requests, lib/http/client-address.ts).
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  return Boolean(host) && hostOf(origin) === host?.toLowerCase();
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

function hostOf(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host : null;
  } catch {
    return null;
  }
}
