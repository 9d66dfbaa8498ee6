// Datelines and clock lines of official transcripts: where the event happened ("Rose Garden", "Aboard Air Force One",
// "En route to Joint Base Andrews") and the wall-clock times it began and ended ("2:14 P.M. EDT", "END  2:47 P.M.
// EDT"). They are the transcript's place and time, not anybody's words.
import { countWords, endsSentence } from "../prose";

/**
 * "2:14 P.M. EDT", "10:32 A.M. CET", "END  2:47 P.M. EDT", "11:05 a.m.", "14:02 CET", "14.02 Uhr MEZ". A time
 * of day needs a.m./p.m. or a time zone, so a bare "12:03" stays a recording timestamp.
 */
const CLOCK_LINE =
  /^(END\s+)?(\d{1,2}[:.h]\d{2})\s*(?:([AaPp])\.?\s?[Mm]\.?(?:\s+([A-Z]{2,5}))?|(?:Uhr\s+)?([A-Z]{2,5}|UTC[+−-]\d{1,2}|GMT[+−-]\d{1,2}))\s*\.?$/u;

/** Openings that make a short line a dateline wherever it stands in the opening lines. */
const PLACE_OPENING =
  /^(?:aboard|on board|onboard|en route|enroute|on the way to|à bord|en route vers|an bord|a bordo|en ruta|на борту|на борті|по дорозі)(?!\p{L})/iu;

/**
 * A short line giving the date and the clock time together, as government sites print them under the title
 * ("24 лютого 2024 року - 15:20", "14 février 2024 - 10h32"): a year, a time, and nothing that reads as a sentence.
 */
const DATE_AND_TIME_LINE =
  /^(?=.*(?<!\d)(?:19|20)\d{2}(?!\d))(?=.*(?<!\d)\d{1,2}[:h]\d{2}(?!\d))[\p{L}\d\s.,:–—-]{8,60}$/u;

export function isDateAndTimeLine(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > 60) return false;
  return DATE_AND_TIME_LINE.test(trimmed) && countWords(trimmed) <= 7 && !/[.!?]$/.test(trimmed);
}

export interface ClockLine {
  /** "2:14 P.M. EDT" as written, without "END". */
  time: string;
  isEnd: boolean;
}

/** Longer than any clock line, even with the run of spaces whitehouse.gov puts after "END". */
const MAX_CLOCK_LINE = 60;

export function readClockLine(text: string): ClockLine | null {
  if (text.length > MAX_CLOCK_LINE * 2) return null;
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (trimmed.length > MAX_CLOCK_LINE) return null;
  const match = CLOCK_LINE.exec(trimmed);
  if (!match) return null;
  return { time: trimmed.slice(match[1]?.length ?? 0).trim(), isEnd: match[1] !== undefined };
}

/**
 * A line that could be a place line: short, capitalised, not a sentence, not a label, not bracketed. Only its
 * position (just before the opening clock line) or its opening ("Aboard …") makes it one.
 */
export function looksLikePlaceLine(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > 90 || countWords(trimmed) > 10 || countWords(trimmed) === 0) return false;
  if (!/^\p{Lu}/u.test(trimmed) || trimmed.includes(":") || /^[[(]/.test(trimmed)) return false;
  return !endsSentence(trimmed) || /\p{Lu}\.$/u.test(trimmed); // "Washington, D.C." ends with an initial
}

export function startsLikeDateline(text: string): boolean {
  return PLACE_OPENING.test(text.trim()) && looksLikePlaceLine(text.charAt(0).toUpperCase() + text.trim().slice(1));
}
