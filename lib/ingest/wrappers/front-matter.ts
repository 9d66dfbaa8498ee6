// Front matter: the YAML ("---" … "---") or TOML ("+++" … "+++") block static-site generators (Hugo, Jekyll, Eleventy)
// and CMS exports put at the top of a Markdown or text file. It says what the page is (title, date, place, where it
// came from) and is never speech. Keys come in the language of the site, so each field has its names in several.
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { findEventDate } from "../metadata";
import { collapseWhitespace } from "../prose";

export interface FrontMatter {
  title: string | null;
  /** "YYYY-MM-DD". */
  date: string | null;
  place: string | null;
  /** An absolute http(s) address of the original: the page the transcript was published on. */
  sourceUrl: string | null;
}

export interface FrontMatterBlock {
  /** How many lines of the file, from the first, the block takes, delimiters included. */
  lineCount: number;
  syntax: "yaml" | "toml";
  /** Null when the block could not be read; its lines are still not speech. */
  fields: FrontMatter | null;
  warning: string | null;
}

/** Key names, compared lower case and without accents: "Título" and "titulo" are one key. */
const KEYS: Record<keyof FrontMatter, readonly string[]> = {
  title: ["title", "titre", "titel", "titulo", "titolo", "tytul", "название", "назва", "заголовок", "headline"],
  date: [
    "date",
    "datum",
    "fecha",
    "data",
    "дата",
    "publishdate",
    "publish_date",
    "published",
    "pubdate",
    "event_date",
    "recorded",
  ],
  place: [
    "place",
    "location",
    "lieu",
    "ort",
    "lugar",
    "luogo",
    "local",
    "miejsce",
    "место",
    "місце",
    "city",
    "ville",
    "stadt",
    "ciudad",
    "город",
    "місто",
    "venue",
    "dateline",
  ],
  sourceUrl: [
    "source_url",
    "sourceurl",
    "source",
    "url",
    "link",
    "original_url",
    "canonical_url",
    "canonical",
    "permalink",
    "quelle",
    "fuente",
    "источник",
    "джерело",
  ],
};

/** Front matter longer than this is not front matter but a document that happens to start with a rule. */
const MAX_LINES = 200;

function normaliseKey(key: string): string {
  return key
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .trim()
    .replace(/[\s-]+/g, "_");
}

/** The front matter at the top of `text`, or null when the file does not start with one. */
export function readFrontMatter(text: string): FrontMatterBlock | null {
  const lines = text.split("\n", MAX_LINES + 2);
  const opening = lines[0]?.replace(/^\uFEFF/, "").trimEnd();
  const syntax = opening === "---" ? "yaml" : opening === "+++" ? "toml" : null;
  if (syntax === null) return null;
  const closings = syntax === "yaml" ? ["---", "..."] : ["+++"];
  const end = lines.findIndex((line, index) => index > 0 && closings.includes(line.trimEnd()));
  if (end < 0) return null;
  const body = lines.slice(1, end).join("\n");
  // "---" around a paragraph or a speaker's turn ("MODERATOR: Good morning.") is two rules, not front matter:
  // front matter names at least one key static-site generators and CMSs write.
  if (!hasKnownKey(lines.slice(1, end))) return null;
  const lineCount = end + 1;
  let data: unknown;
  try {
    data = syntax === "yaml" ? parseYaml(body) : parseToml(body);
  } catch (error) {
    const detail = error instanceof Error ? collapseWhitespace(error.message.split("\n")[0] ?? "") : "";
    return {
      lineCount,
      syntax,
      fields: null,
      warning:
        `The ${syntax.toUpperCase()} front matter on lines 1–${lineCount} could not be read (${detail}); ` +
        "its lines were set aside as front matter, not speech. Set the title, date and place by hand.",
    };
  }
  return { lineCount, syntax, fields: fieldsOf(data), warning: null };
}

/** Keys of front matter besides the fields read: Hugo, Jekyll, Eleventy, WordPress and Ghost exports. */
const OTHER_KEYS = [
  "author",
  "authors",
  "categories",
  "category",
  "description",
  "draft",
  "layout",
  "lang",
  "language",
  "slug",
  "summary",
  "tags",
  "type",
  "weight",
  "aliases",
  "lastmod",
  "excerpt",
  "permalink",
  "params",
  "auteur",
  "autor",
  "автор",
];
const KNOWN_KEYS = new Set([...Object.values(KEYS).flat(), ...OTHER_KEYS]);

function hasKnownKey(lines: readonly string[]): boolean {
  return lines.some((line) => {
    const key = /^\s*\[?["']?([\p{L}_][\p{L}\p{N}_ -]{0,40}?)["']?\]?\s*(?:[:=]|$)/u.exec(line)?.[1];
    return key !== undefined && KNOWN_KEYS.has(normaliseKey(key));
  });
}

function fieldsOf(data: unknown): FrontMatter {
  const entries = flatEntries(data);
  // The first key, in the order of KEYS, whose value reads as the field: a `source: White House` does not hide a
  // `url:` with an address.
  const first = (field: keyof FrontMatter, read: (value: unknown) => string | null): string | null => {
    for (const name of KEYS[field]) {
      for (const [key, value] of entries) {
        const text = key === name ? read(value) : null;
        if (text !== null) return text;
      }
    }
    return null;
  };
  return {
    title: first("title", asText),
    date: first("date", asDate),
    place: first("place", asText),
    sourceUrl: first("sourceUrl", asUrl),
  };
}

/**
 * Top-level keys first, then one level down (Hugo's `params:`, an `event:` table), so `params.lieu` is found but a
 * top-level key wins over a nested one.
 */
function flatEntries(data: unknown): [string, unknown][] {
  if (!isRecord(data)) return [];
  const top = Object.entries(data).map(([key, value]): [string, unknown] => [normaliseKey(key), value]);
  const nested = top.flatMap(([, value]) =>
    isRecord(value) && !(value instanceof Date)
      ? Object.entries(value).map(([key, inner]): [string, unknown] => [normaliseKey(key), inner])
      : [],
  );
  return [...top, ...nested];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asText(value: unknown): string | null {
  if (typeof value === "string" || typeof value === "number") return collapseWhitespace(String(value)) || null;
  // A place given as a table ({ city: Kyiv, country: Ukraine }) or a list reads as its parts.
  if (Array.isArray(value))
    return collapseWhitespace(value.filter((part) => typeof part === "string").join(", ")) || null;
  if (isRecord(value)) {
    const parts = Object.values(value).filter((part): part is string => typeof part === "string");
    return collapseWhitespace(parts.join(", ")) || null;
  }
  return null;
}

function asDate(value: unknown): string | null {
  // A TOML date keeps the offset it was written with; its ISO form starts with the local date.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== "string") return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value.trim());
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  // "14 février 2024", "March 8, 2024": the pipeline's own date reader.
  return findEventDate([value], "");
}

function asUrl(value: unknown): string | null {
  const text = asText(value);
  if (text === null) return null;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    // A site-relative path ("/transcripts/briefing/") is where the page lives on the site, not the source.
    return null;
  }
}
