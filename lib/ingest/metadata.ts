// What the transcript says about itself: its title, the date and place of the event, and its language.
import * as chrono from "chrono-node";
import { classifyBoilerplate } from "./boilerplate";
import { isKnownPlace } from "./gazetteer";
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
export function findTitleLines(source: ParsedSource): TitleLines {
  const none: TitleLines = { title: null, dateline: null };
  if (source.timed || source.format === "json") return none;
  const [first, second] = source.lines;
  if (!first || !second) return none;
  const title = source.headingIndex ?? (isTitleLike(first.text, second.text) ? 0 : null);
  if (title === null) return none;
  const next = source.lines[title + 1];
  return { title, dateline: next && source.lines.length > title + 2 && isDateline(next.text) ? title + 1 : null };
}

/** A short line that is a date, or a place and a date: "14 February 2019", "TALLINN, 3 March 2021". */
function isDateline(text: string): boolean {
  if (countWords(text) > 8 || findDate(text) === null) return false;
  const withoutDate = text
    .replace(DATE_WORDS, "")
    .replace(/[\s,.–—-]+/g, " ")
    .trim();
  return withoutDate === "" || /^(?:\p{Lu}[\p{L}’'.-]*\s?){1,3}$/u.test(withoutDate);
}

/** The pieces a written date is made of, to see what else a line holds. */
const DATE_WORDS =
  /\b(?:\d{1,4}(?:st|nd|rd|th)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b\.?/gi;

function isTitleLike(text: string, nextLine: string): boolean {
  if (countWords(text) > 40 || text.length > 250) return false;
  if (parseSpeakerLabel(text) !== null || classifyBoilerplate(text, false) !== null) return false;
  // A line that runs on into the next is the start of a sentence, not a title.
  if (/[,;:–—-]$/.test(text) || /^\p{Ll}/u.test(nextLine)) return false;
  return !endsSentence(text) || findDate(text) !== null || isMostlyCapitalised(text);
}

/** Title Case: most words of four letters or more start with a capital. */
function isMostlyCapitalised(text: string): boolean {
  const long = text.split(/\s+/).filter((word) => /^\p{L}{4,}/u.test(word));
  const capitalised = long.filter((word) => /^\p{Lu}/u.test(word));
  return long.length >= 2 && capitalised.length / long.length >= 0.6;
}

/** Drops a trailing date (", 14 February 2019.") and a final full stop, which belong to the line, not the title. */
export function cleanTitle(text: string): string {
  let title = collapseWhitespace(text);
  const date = chrono.strict.parse(title).find((result) => isCompleteDate(result.start));
  if (date) {
    const after = title.slice(date.index + date.text.length);
    const before = title
      .slice(0, date.index)
      .replace(/[\s,;:–—-]+$/u, "")
      .replace(/\s+(?:on|of|dated)$/i, "");
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

function isCompleteDate(components: DateComponents): boolean {
  return components.isCertain("day") && components.isCertain("month") && components.isCertain("year");
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || year < 1900 || year > 2200) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The first complete date (day, month and year all written) in the text. chrono's strict mode ignores "today" and
 * "this morning", which in a transcript are relative to the event, not to the upload.
 */
export function findDate(text: string): string | null {
  for (const result of chrono.strict.parse(text)) {
    const start = result.start;
    if (!isCompleteDate(start)) continue;
    const date = isoDate(start.get("year") ?? 0, start.get("month") ?? 0, start.get("day") ?? 0);
    if (date) return date;
  }
  return null;
}

function startsWithDate(text: string): boolean {
  return chrono.strict.parse(text.slice(0, 40)).some((result) => result.index === 0 && isCompleteDate(result.start));
}

/** The event date: from the title line, then the opening lines, then a date in the file name. */
export function findEventDate(candidates: readonly string[], filename: string): string | null {
  for (const text of candidates) {
    const date = findDate(text);
    if (date) return date;
  }
  const match = FILENAME_DATE.exec(filename);
  return match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/**
 * The place, when stated: a dateline ("BRUSSELS, 14 February 2019") in the title or the opening lines; "… in
 * Brussels" in the title, or a known place between commas in it ("Press conference, Brussels, 14 February 2019").
 * Places merely mentioned in the speech are entities, not the event's place.
 */
export function findPlace(title: string | null, opening: readonly string[]): string | null {
  for (const text of title ? [title, ...opening] : opening) {
    const dateline = /^(\p{Lu}[\p{L}’'. -]{1,40}?)\s*[,–—(]\s*(.+)$/u.exec(text.trim());
    if (dateline && startsWithDate(dateline[2] ?? "")) {
      const place = displayName(dateline[1] ?? "");
      if (countWords(place) <= 4) return place;
    }
  }
  if (title === null) return null;
  for (const match of title.matchAll(/(?<!\p{L})in\s+((?:\p{Lu}[\p{L}’'-]+\s?){1,3})/gu)) {
    const place = knownPlacePrefix((match[1] ?? "").trim().split(" "));
    if (place) return place;
  }
  for (const part of title.split(",")) {
    const place = collapseWhitespace(part.replace(/[.:;]+$/, ""));
    if (isKnownPlace(place)) return place;
  }
  return null;
}

/** The longest run of leading words that is a known place: "Brussels Today" → "Brussels". */
function knownPlacePrefix(words: readonly string[]): string | null {
  for (let length = words.length; length > 0; length--) {
    const candidate = words
      .slice(0, length)
      .join(" ")
      .replace(/[’']s$/u, "");
    if (isKnownPlace(candidate)) return candidate;
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
