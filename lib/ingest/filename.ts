// Upload names come from the client and end up in titles, slugs, audit entries and pages: one cap for all of them.
import { toWellFormed } from "./unicode";

/** The longest name kept, in characters (Unicode code points): most file systems' own limit. */
export const MAX_FILENAME_LENGTH = 255;
/** Longer "extensions" are not extensions but part of the name. */
const EXTENSION = /\.[\p{L}\p{N}]{1,16}$/u;

/**
 * The name Verbatim keeps for an upload: its last path segment, valid Unicode, no control characters, and
 * truncated (not refused) to 255 characters with the extension kept, so "…long name….srt" is still read as SubRip.
 * An empty result becomes "upload".
 */
export function capFilename(filename: string): string {
  const base = toWellFormed(filename)
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, "")
    .split(/[/\\]/)
    .at(-1)
    ?.trim();
  if (!base) return "upload";
  if (Array.from(base).length <= MAX_FILENAME_LENGTH) return base;
  const extension = EXTENSION.exec(base)?.[0] ?? "";
  const stem = Array.from(base.slice(0, base.length - extension.length))
    .slice(0, MAX_FILENAME_LENGTH - Array.from(extension).length)
    .join("");
  return `${stem.trimEnd()}${extension}`;
}
