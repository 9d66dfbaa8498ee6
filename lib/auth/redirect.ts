// Where to send someone after signing in (or out). Framework-free: the sign-in form runs it in the browser too.

/** Where a refused or missing target goes instead. */
export const DEFAULT_REDIRECT_PATH = "/desk";

/** Stands in for the site's origin when none is given: only the relative form of a target is then accepted. */
const PLACEHOLDER_ORIGIN = "http://verbatim.invalid";

const MAX_TARGET_LENGTH = 2048;

// Browsers drop tabs and newlines inside URLs and read a backslash as a slash, so "/\t/evil.test" and "/\evil.test"
// become "//evil.test": another site. Any control character or backslash, raw or percent-encoded, is refused.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

/**
 * The path (with query and fragment) that `raw` names on this site, or null when it leaves the site or only looks
 * like it stays: control characters, backslashes, protocol-relative (`//host`), encoded slashes that decode to one
 * (`/%2F%2Fhost`), and absolute URLs of another origin. An absolute URL of `origin` itself is accepted.
 */
export function resolveRedirectPath(raw: unknown, { origin }: { origin?: string } = {}): string | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_TARGET_LENGTH) return null;
  const siteOrigin = originOf(origin) ?? PLACEHOLDER_ORIGIN;
  let candidate = raw;
  if (!candidate.startsWith("/")) {
    // Only an absolute URL of this very site may be written out in full.
    if (originOf(candidate) !== siteOrigin) return null;
    const url = new URL(candidate);
    candidate = `${url.pathname}${url.search}${url.hash}`;
  }
  if (!isPlainPath(candidate)) return null;
  let resolved: URL;
  try {
    resolved = new URL(candidate, siteOrigin);
  } catch {
    return null;
  }
  if (resolved.origin !== siteOrigin) return null;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/** `resolveRedirectPath`, falling back to the desk. */
export function safeRedirectPath(raw: unknown, options: { origin?: string } = {}): string {
  return resolveRedirectPath(raw, options) ?? DEFAULT_REDIRECT_PATH;
}

/** A single leading slash and nothing a browser would rewrite into another host, checked before and after decoding. */
function isPlainPath(path: string): boolean {
  let current = path;
  // Decoding up to three times catches double and triple encoding ("%252F").
  for (let round = 0; round < 4; round++) {
    if (UNSAFE_CHARACTERS.test(current)) return false;
    if (!current.startsWith("/") || current.startsWith("//")) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return false;
    }
    if (decoded === current) return true;
    current = decoded;
  }
  return false;
}

function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}
