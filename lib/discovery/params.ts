// The index pages' query strings and addresses, checked before any lookup: a malformed page number is a 404, a
// malformed date is a sentence the reader can act on, never a crash.
import type { EntityType } from "@/lib/generated/prisma/enums";

const PAGE = /^[1-9]\d{0,5}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `?page=` value: 1 when absent, null when it is not a page number (the page answers 404). */
export function parsePageParam(value: string | string[] | undefined): number | null {
  if (value === undefined || value === "") return 1;
  if (typeof value !== "string" || !PAGE.test(value)) return null;
  return Number(value);
}

/** A real calendar day written YYYY-MM-DD, as midnight UTC; null for anything else ("2024-02-30", "yesterday"). */
export function parseIsoDate(value: string): Date | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value ? date : null;
}

export interface DateRange {
  /** YYYY-MM-DD, inclusive. */
  from: string | null;
  /** YYYY-MM-DD, inclusive. */
  to: string | null;
}

export type DateRangeResult = { ok: true; range: DateRange } | { ok: false; message: string; range: DateRange };

function single(value: string | string[] | undefined): string {
  return typeof value === "string" ? value.trim() : "";
}

/**
 * The archive's `from` and `to`. An invalid one is reported (and the list shown unfiltered), so a hand-edited
 * address gets an explanation rather than an error page.
 */
export function parseDateRange(fromValue: string | string[] | undefined, toValue: string | string[] | undefined) {
  const from = single(fromValue);
  const to = single(toValue);
  const problems: string[] = [];
  if (from && !parseIsoDate(from)) problems.push(`“${from.slice(0, 40)}” is not a date`);
  if (to && !parseIsoDate(to)) problems.push(`“${to.slice(0, 40)}” is not a date`);
  if (problems.length > 0) {
    return {
      ok: false,
      message: `${problems.join(" and ")}. Pick dates with the date fields, or write them as YYYY-MM-DD.`,
      range: { from: null, to: null },
    } satisfies DateRangeResult;
  }
  if (from && to && from > to) {
    return {
      ok: false,
      message: "The start date is after the end date. Swap them, or clear one of them.",
      range: { from: null, to: null },
    } satisfies DateRangeResult;
  }
  return { ok: true, range: { from: from || null, to: to || null } } satisfies DateRangeResult;
}

/** The archive's address for a page and range: page 1 and empty dates are left out. */
export function archiveHref(page: number, range: DateRange): string {
  const query = new URLSearchParams();
  if (range.from) query.set("from", range.from);
  if (range.to) query.set("to", range.to);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/transcripts?${text}` : "/transcripts";
}

/** Adds `?page=N` to a list's own address (nothing for page 1). */
export function pagedHref(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}

/** The URL folder of each entity type's pages. */
export const ENTITY_FOLDERS = {
  TOPIC: "topics",
  PERSON: "people",
  ORG: "organisations",
  PLACE: "places",
} as const satisfies Record<EntityType, string>;

export function entityPath(type: EntityType, slug: string): string {
  return `/${ENTITY_FOLDERS[type]}/${slug}`;
}

export function speakerPath(slug: string): string {
  return `/speakers/${slug}`;
}

/** The letter a name is filed under in the speaker index: its first letter without accents, or "#". */
export function indexLetter(name: string): string {
  const first = name.trim().normalize("NFD").replace(/\p{M}/gu, "").charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : "#";
}

/** "14 February 2019" for a YYYY-MM-DD or ISO date, in UTC as the dates are stored. */
export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/**
 * A speaker's or entity's slug from the address: lowercase letters of any script, digits and single hyphens, as
 * nameSlug() makes them (lib/publishing/public-index.ts). Anything else is a 404 without a lookup.
 */
export function parseIndexSlug(value: string): string | null {
  let slug = value;
  if (slug.includes("%")) {
    try {
      slug = decodeURIComponent(slug);
    } catch {
      return null;
    }
  }
  slug = slug.normalize("NFC");
  if (slug.length > 200 || slug !== slug.toLowerCase()) return null;
  return /^[\p{L}\p{N}\p{M}]+(?:-[\p{L}\p{N}\p{M}]+)*$/u.test(slug) ? slug : null;
}
