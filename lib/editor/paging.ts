// How much of a big transcript one request carries. Plain numbers with no database behind them, so the editor's
// browser code pages with the same limits the routes enforce.

/** The editor page starts with this many paragraphs; the rest load as the reporter scrolls (GET ?from=&take=). */
export const FIRST_PAGE = 1_000;
/** The most paragraphs one GET ?from=&take= answers. */
export const MAX_PAGE = 5_000;
/** A find-and-replace preview lists at most this many matches; replacing all of them reaches the rest too. */
export const REPLACE_PREVIEW_LIMIT = 2_000;
/** The split-speaker dialog lists a speaker's paragraphs this many at a time (and a request at most MAX_LIST). */
export const SPEAKER_PARAGRAPHS_PAGE = 100;
export const MAX_LIST = 500;
/** The history page lists this many revisions, and shows this many changed paragraphs of a comparison, at a time. */
export const REVISIONS_PAGE = 50;
export const CHANGED_PARAGRAPHS_PAGE = 100;

/** Pages needed for `total` items, at least one. */
export function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
