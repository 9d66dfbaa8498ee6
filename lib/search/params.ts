// The search address, shared by /search and GET /api/public/transcripts: ?q=…&speaker=…&topic=…&outlet=…&from=…
// &to=…&page=N. Anything malformed becomes a message for the reader, never an exception.
import { parseQuery } from "@/lib/search/query";
import type { SearchRequest } from "@/lib/search/types";

export const SEARCH_PARAMS = ["q", "speaker", "topic", "outlet", "from", "to", "page"] as const;
export type SearchParamName = (typeof SEARCH_PARAMS)[number];
type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

export interface ParsedSearchParams {
  request: SearchRequest;
  /** The values as given (trimmed), for the form and for links that keep them. */
  values: Partial<Record<SearchParamName, string>>;
  /** Per parameter: what was wrong with it (the search runs without it). */
  errors: Partial<Record<SearchParamName, string>>;
}

/** At most this many pages: deep pages of a full-text search are for scrapers, not readers. */
export const MAX_SEARCH_PAGE = 50;

function read(source: ParamSource, name: SearchParamName): string | undefined {
  const value = source instanceof URLSearchParams ? source.get(name) : source[name];
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed.slice(0, 500) : undefined;
}

/** A calendar day, YYYY-MM-DD, as midnight UTC; null when it is not a real day. */
export function parseDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value ? date : null;
}

export function parseSearchParams(source: ParamSource): ParsedSearchParams {
  const values: ParsedSearchParams["values"] = {};
  for (const name of SEARCH_PARAMS) {
    const value = read(source, name);
    if (value !== undefined) values[name] = value;
  }
  const errors: ParsedSearchParams["errors"] = {};
  const day = (name: "from" | "to") => {
    const value = values[name];
    if (value === undefined) return null;
    const date = parseDay(value);
    if (!date) errors[name] = `“${value}” is not a date: use YYYY-MM-DD, e.g. 2019-02-14.`;
    return date;
  };
  let from = day("from");
  let to = day("to");
  if (from && to && from > to) {
    // Most likely typed the wrong way round: search the range the reader meant.
    [from, to] = [to, from];
  }
  let page = 1;
  if (values.page !== undefined) {
    const number = Number(values.page);
    if (!Number.isInteger(number) || number < 1) errors.page = "The page must be a whole number from 1.";
    else if (number > MAX_SEARCH_PAGE) errors.page = `Results go up to page ${MAX_SEARCH_PAGE}: narrow the search.`;
    else page = number;
  }
  return {
    request: {
      query: parseQuery(values.q),
      speaker: values.speaker ?? null,
      topic: values.topic ?? null,
      outlet: values.outlet ?? null,
      from,
      to,
      page,
    },
    values,
    errors,
  };
}

/** The query string for the same search with some parameters changed (undefined removes one). */
export function searchHref(
  base: string,
  values: Partial<Record<SearchParamName, string>>,
  changes: Partial<Record<SearchParamName, string | undefined>> = {},
): string {
  const params = new URLSearchParams();
  const merged = { ...values, ...changes };
  for (const name of SEARCH_PARAMS) {
    const value = merged[name];
    if (value !== undefined && !(name === "page" && value === "1")) params.set(name, value);
  }
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
