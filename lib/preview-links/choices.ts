// What the editor and the API share about preview links: the expiry bounds and choices, and the shapes answered.
// No server code here, so the editor (a client component) can import it.

/** Three days: long enough for a source to read and answer over a weekend, short enough to lapse on its own. */
export const DEFAULT_EXPIRY_HOURS = 72;
export const MIN_EXPIRY_HOURS = 1;
/** Thirty days: a link that must live longer should be made again, so that someone looks at it. */
export const MAX_EXPIRY_HOURS = 720;

/** The choices the editor offers; the API takes any whole number of hours from 1 to 720. */
export const EXPIRY_CHOICES = [
  { hours: 24, label: "24 hours" },
  { hours: 72, label: "3 days" },
  { hours: 168, label: "7 days" },
  { hours: 720, label: "30 days" },
] as const;

export type PreviewLinkStatus = "active" | "expired" | "revoked";

/** The 201 answer: the only time the url (with its token) is ever shown. */
export interface CreatedPreviewLink {
  id: string;
  url: string;
  expiresAt: string;
}

/** One row of the editor's list: never the token, which is not kept. */
export interface PreviewLinkEntry {
  id: string;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  status: PreviewLinkStatus;
}
