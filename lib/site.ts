/** The newsroom's name as readers see it. */
export function getSiteName(): string {
  return process.env.SITE_NAME?.trim() || "Verbatim";
}

/** Absolute origin used in links Verbatim hands out (setup, invitations, password resets). */
export function getSiteUrl(): string {
  const configured = process.env.SITE_URL || process.env.NEXTAUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  return `http://localhost:${process.env.PORT || 3000}`;
}

export function absoluteUrl(pathname: string): string {
  return `${getSiteUrl()}${pathname.startsWith("/") ? "" : "/"}${pathname}`;
}
