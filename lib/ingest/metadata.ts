// What the transcript says about itself: its title, the date and place of the event, and its language.
import * as chrono from "chrono-node";
import { classifyBoilerplate } from "./boilerplate";
import { knownPlaceName } from "./gazetteer";
import { collapseWhitespace, countWords, endsSentence } from "./prose";
import type { ParsedSource } from "./source";
import { displayName, parseSpeakerLabel } from "./speakers";

export interface TitleLines {
  /** Index in the source lines of the title line. */
  title: number | null;
  /** Index of a date line right under the title ("BRUSSELS, 14 February 2019"), which is not speech either. */
  dateline: number | null;
}

/**
 * The title line is the format's own heading, else the first line of a typed document when it reads like a title
 * rather than speech. Subtitles and JSON have none.
 */
export function findTitleLines(source: ParsedSource, language: string | null = null): TitleLines {
  const none: TitleLines = { title: null, dateline: null };
  if (source.timed || source.format === "json") return none;
  const [first, second] = source.lines;
  if (!first || !second) return none;
  const title = source.headingIndex ?? (isTitleLike(first.text, second.text, language) ? 0 : null);
  if (title === null) return none;
  const next = source.lines[title + 1];
  return {
    title,
    dateline: next && source.lines.length > title + 2 && isDateline(next.text, language) ? title + 1 : null,
  };
}

/**
 * A short line that is a date, or a place and a date, in any language: "14 February 2019", "TALLINN, 3 March
 * 2021", "Bruxelles, le 14 février 2019", "Київ, 24 лютого 2023 року".
 */
function isDateline(text: string, language: string | null): boolean {
  if (countWords(text) > 10) return false;
  const date = findCompleteDate(text, language);
  if (date === null) return false;
  const withoutDate = (text.slice(0, date.index) + " " + text.slice(date.index + date.text.length))
    .replace(DATE_WORDS, "")
    .replace(DATELINE_LINKS, " ")
    .replace(/[\s,.–—-]+/g, " ")
    .trim();
  return withoutDate === "" || /^(?:\p{Lu}[\p{L}’'.-]*\s?){1,3}$/u.test(withoutDate);
}

/** The little words between a place and its date: "Bruxelles, le …", "Berlin, den …", "Київ, 24 лютого 2023 року". */
const DATELINE_LINKS = /(?<![\p{L}])(?:le|den|am|el|the|on|dated|року|года|г|р)(?![\p{L}])/giu;

/** The pieces a written date is made of, to see what else a line holds. */
const DATE_WORDS =
  /\b(?:\d{1,4}(?:st|nd|rd|th)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b\.?/gi;

function isTitleLike(text: string, nextLine: string, language: string | null): boolean {
  if (countWords(text) > 40 || text.length > 250) return false;
  if (parseSpeakerLabel(text) !== null || classifyBoilerplate(text, false) !== null) return false;
  // A line that runs on into the next is the start of a sentence, not a title.
  if (/[,;:–—-]$/.test(text) || /^\p{Ll}/u.test(nextLine)) return false;
  return !endsSentence(text) || findDate(text, language) !== null || isMostlyCapitalised(text);
}

/** Title Case: most words of four letters or more start with a capital. */
function isMostlyCapitalised(text: string): boolean {
  const long = text.split(/\s+/).filter((word) => /^\p{L}{4,}/u.test(word));
  const capitalised = long.filter((word) => /^\p{Lu}/u.test(word));
  return long.length >= 2 && capitalised.length / long.length >= 0.6;
}

/** Drops a trailing date (", 14 February 2019.") and a final full stop, which belong to the line, not the title. */
export function cleanTitle(text: string, language: string | null = null): string {
  let title = collapseWhitespace(text);
  const date = findCompleteDate(title, language);
  if (date) {
    const after = title.slice(date.index + date.text.length);
    const before = title
      .slice(0, date.index)
      .replace(/[\s,;:–—-]+$/u, "")
      .replace(/\s+(?:on|of|dated|le|du|den|am|vom|el|del|de|от|від)$/iu, "")
      .replace(/[\s,;:–—-]+$/u, "");
    if (/^[\s.)\]]*$/.test(after) && countWords(before) >= 2) title = before;
  }
  // A final stop goes, but not the one of an abbreviation ("… talks with the U.S.").
  if (/[^.]\.$/.test(title) && !/\S*\.\S*\.$/.test(title.split(" ").at(-1) ?? "")) title = title.slice(0, -1);
  return title;
}

/** "nato-press-conference_2019-02-14.srt" → "Nato press conference". Pasted text has no meaningful name. */
export function titleFromFilename(filename: string): string | null {
  const stem = filename.replace(/\.[A-Za-z0-9]+$/, "");
  if (stem.toLowerCase() === "pasted") return null;
  const words = collapseWhitespace(stem.replace(FILENAME_DATE, " ").replace(/[_\-.]+/g, " "));
  if (words === "") return null;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const FILENAME_DATE = /(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)/;

type DateComponents = chrono.ParsedResult["start"];

/** chrono's strict parsers (no "today", no "this morning") for the languages it reads, by ISO 639-1 code. */
const DATE_PARSERS: ReadonlyMap<string, chrono.Chrono> = new Map([
  ["en", chrono.strict],
  ["fr", chrono.fr.strict],
  ["de", chrono.de.strict],
  ["es", chrono.es.strict],
  ["ru", chrono.ru.strict],
  ["uk", chrono.uk.strict],
  ["pt", chrono.pt.strict],
  ["it", chrono.it.strict],
  ["nl", chrono.nl.strict],
  ["sv", chrono.sv.strict],
]);

/** Dates are looked for in the opening of a line; a whole speech pasted on one line is not worth ten parsers. */
const DATE_SEARCH_CHARACTERS = 1000;

/**
 * The parsers to try, best first: the transcript's language when chrono reads it; else, or when it finds nothing,
 * the others, those of the text's script first (Cyrillic: Ukrainian if its own letters show, else Russian).
 * Order matters for numeric dates, "03/04/2024" being 4 March in English and 3 April in French.
 */
function dateParsers(text: string, language: string | null): chrono.Chrono[] {
  const preferred: string[] = language && DATE_PARSERS.has(language) ? [language] : [];
  if (/\p{Script=Cyrillic}/u.test(text)) preferred.push(/[іїєґІЇЄҐ]/u.test(text) ? "uk" : "ru", "uk", "ru");
  preferred.push("en", ...DATE_PARSERS.keys());
  return [...new Set(preferred)].flatMap((code) => DATE_PARSERS.get(code) ?? []);
}

function isCompleteDate(components: DateComponents): boolean {
  return components.isCertain("day") && components.isCertain("month") && components.isCertain("year");
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || year < 1900 || year > 2200) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

interface DateMatch {
  /** ISO date. */
  date: string;
  /** Where the date is written in the text, without the spaces chrono sometimes takes in front of it. */
  index: number;
  text: string;
}

/** The first complete date (day, month and year all written) in the text, in the first language that finds one. */
function findCompleteDate(text: string, language: string | null): DateMatch | null {
  const opening = text.slice(0, DATE_SEARCH_CHARACTERS);
  for (const parser of dateParsers(opening, language)) {
    for (const result of parser.parse(opening)) {
      const start = result.start;
      if (!isCompleteDate(start)) continue;
      const date = isoDate(start.get("year") ?? 0, start.get("month") ?? 0, start.get("day") ?? 0);
      const leadingSpace = /^\s*/.exec(result.text)?.[0].length ?? 0;
      if (date) return { date, index: result.index + leadingSpace, text: result.text.slice(leadingSpace) };
    }
  }
  return null;
}

/**
 * The first complete date in the text, in English, French, German, Spanish, Russian, Ukrainian and the other
 * languages chrono reads. Strict parsing ignores "today" and "this morning", which in a transcript are relative to
 * the event, not to the upload.
 */
export function findDate(text: string, language: string | null = null): string | null {
  return findCompleteDate(text, language)?.date ?? null;
}

/** A date at the start of the text, after at most a linking word ("le 14 février 2019", "den 3. März 2024"). */
function startsWithDate(text: string, language: string | null): boolean {
  const date = findCompleteDate(text.slice(0, 60), language);
  if (date === null) return false;
  return text.slice(0, date.index).replace(DATELINE_LINKS, "").trim() === "";
}

/** The event date: from the title line, then the opening lines, then a date in the file name. */
export function findEventDate(
  candidates: readonly string[],
  filename: string,
  language: string | null = null,
): string | null {
  for (const text of candidates) {
    const date = findDate(text, language);
    if (date) return date;
  }
  const match = FILENAME_DATE.exec(filename);
  return match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/**
 * The place, when stated: a dateline in the title or the opening lines, in any language ("BRUSSELS, 14 February
 * 2019", "Bruxelles, le 14 février 2019", "Москва, 5 марта 2024 года", or the date first: "24 лютого 2023 року,
 * Київ"); "… in Brussels" in the title ("à Bruxelles", "en Madrid", "у Києві"), or a known place between commas in
 * it ("Press conference, Brussels, 14 February 2019"). Places merely mentioned in the speech are entities, not the
 * event's place.
 */
export function findPlace(
  title: string | null,
  opening: readonly string[],
  language: string | null = null,
): string | null {
  for (const text of title ? [title, ...opening] : opening) {
    const place = datelinePlace(text.trim(), language);
    if (place) return place;
  }
  if (title === null) return null;
  for (const match of title.matchAll(PLACE_AFTER_IN)) {
    const place = knownPlacePrefix((match[1] ?? "").trim().split(" "));
    if (place) return place;
  }
  for (const part of title.split(",")) {
    const place = knownPlaceName(collapseWhitespace(part.replace(/[.:;]+$/, "")));
    if (place) return place;
  }
  return null;
}

/** "in" before a place, in the languages of DATE_PARSERS: "in Vilnius", "à Bruxelles", "en Madrid", "у Києві". */
const PLACE_AFTER_IN = /(?<!\p{L})(?:in|at|à|au|en|a|em|im|в|во|у)\s+((?:\p{Lu}[\p{L}’'-]+\s?){1,3})/gu;

function datelinePlace(text: string, language: string | null): string | null {
  const placeFirst = /^(\p{Lu}[\p{L}’'. -]{1,40}?)\s*[,–—(]\s*(.+)$/u.exec(text);
  if (placeFirst && startsWithDate(placeFirst[2] ?? "", language)) {
    const place = displayName(placeFirst[1] ?? "");
    if (countWords(place) <= 4) return place;
  }
  // "5 марта 2024 года, Москва", "24 лютого 2023 року, Київ": only a short line, and only a known place.
  if (countWords(text) > 10) return null;
  const date = findCompleteDate(text, language);
  if (date === null || text.slice(0, date.index).trim() !== "") return null;
  const after = text
    .slice(date.index + date.text.length)
    .replace(DATELINE_LINKS, "")
    .replace(/^[\s,.–—-]+/u, "");
  const firstPart = collapseWhitespace(after.split(/[,–—(]/u)[0] ?? "").replace(/[.:;]+$/, "");
  return knownPlaceName(displayName(firstPart));
}

/** The longest run of leading words that is a known place: "Brussels Today" → "Brussels", "Києві" → "Київ". */
function knownPlacePrefix(words: readonly string[]): string | null {
  for (let length = words.length; length > 0; length--) {
    const candidate = words
      .slice(0, length)
      .join(" ")
      .replace(/[’']s$/u, "");
    const place = knownPlaceName(candidate);
    if (place) return place;
  }
  return null;
}

/** franc-min answers in ISO 639-3; the desk stores ISO 639-1 where one exists. */
const ISO_639_1: Record<string, string> = {
  amh: "am",
  arb: "ar",
  azj: "az",
  bel: "be",
  ben: "bn",
  bos: "bs",
  bul: "bg",
  ces: "cs",
  ckb: "ku",
  cmn: "zh",
  deu: "de",
  ell: "el",
  eng: "en",
  fra: "fr",
  fuv: "ff",
  guj: "gu",
  hau: "ha",
  hin: "hi",
  hrv: "hr",
  hun: "hu",
  ibo: "ig",
  ind: "id",
  ita: "it",
  jav: "jv",
  jpn: "ja",
  kan: "kn",
  kaz: "kk",
  kin: "rw",
  kor: "ko",
  lin: "ln",
  mal: "ml",
  mar: "mr",
  mya: "my",
  nld: "nl",
  npi: "ne",
  nya: "ny",
  pan: "pa",
  pbu: "ps",
  pes: "fa",
  plt: "mg",
  pol: "pl",
  por: "pt",
  ron: "ro",
  run: "rn",
  rus: "ru",
  sin: "si",
  som: "so",
  spa: "es",
  srp: "sr",
  sun: "su",
  swe: "sv",
  swh: "sw",
  tam: "ta",
  tel: "te",
  tgl: "tl",
  tha: "th",
  tur: "tr",
  ukr: "uk",
  urd: "ur",
  uzn: "uz",
  vie: "vi",
  yor: "yo",
  zlm: "ms",
  zul: "zu",
};

/** Below this, trigram statistics guess rather than detect. */
const MIN_LANGUAGE_SAMPLE = 40;
const LANGUAGE_SAMPLE = 6000;

export async function detectLanguage(text: string): Promise<string | null> {
  const sample = text.slice(0, LANGUAGE_SAMPLE);
  if (sample.replace(/\s+/g, "").length < MIN_LANGUAGE_SAMPLE) return null;
  const { franc } = await import("franc-min");
  const code = franc(sample, { minLength: MIN_LANGUAGE_SAMPLE });
  if (code === "und") return null;
  return ISO_639_1[code] ?? code;
}
