/**
 * Whether a request that may change something comes from this site's own pages. A foreign origin, an opaque one
 * ("null": sandboxed frames, some redirects) and one that does not parse are not. A request without an Origin
 * header passes: browsers send Origin on every cross-site request that could change something, and tools that
 * omit it (curl, automation) authenticate with API tokens, not the session cookie.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  return Boolean(host) && hostOf(origin) === host?.toLowerCase();
}

function hostOf(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host : null;
  } catch {
    return null;
  }
}
