// Name logic shared by every speaker convention: whether a label is a person, which part of "NATO Secretary General
// Jens Stoltenberg" is the title, how names written in capitals are shown, and who a monologue's title names.
import { isKnownPlace } from "../gazetteer";
import { collapseWhitespace } from "../prose";
import type { ParsedSpeaker, SpeakerRole } from "../types";
import {
  EVENT_WORDS,
  HONORIFICS,
  LABEL_ABBREVIATIONS,
  MODERATOR_LABELS,
  NAME_PARTICLES,
  NON_SPEAKER_LABELS,
  NON_SPEAKER_PHRASES,
  NOT_NAME_START,
  ORGANISATION_WORDS,
  QUESTIONER_LABELS,
  RUN_BREAKERS,
  TITLE_WORDS,
} from "./words";

const MAX_LABEL_LENGTH = 60;
const MAX_LABEL_WORDS = 6;

/** A speaker named by the format itself (a WebVTT voice, a JSON speaker field): trusted, only tidied. */
export function speakerFromVoice(voice: string): ParsedSpeaker {
  return labelledSpeaker(voice, false) ?? plainSpeaker(displayName(voice), null);
}

/**
 * The speaker behind a label's text, or null when `strict` and the text does not look like a speaker: a label is
 * short, and made of capitalised words that are not a common sentence opener or a heading word ("Note").
 */
export function labelledSpeaker(label: string, strict: boolean): ParsedSpeaker | null {
  const text = collapseWhitespace(label);
  if (text === "" || text.length > MAX_LABEL_LENGTH || text.split(" ").length > MAX_LABEL_WORDS) return null;
  if (strict && runsAcrossSentences(text)) return null;
  const lower = text.toLowerCase();

  const questioner = QUESTIONER_LABELS.get(lower);
  if (questioner) return { name: questioner, title: null, role: "questioner", outlet: null };
  if (MODERATOR_LABELS.has(lower)) return { name: displayName(text), title: null, role: "moderator", outlet: null };
  const numbered = /^(?:speaker|spk)[ _-]?(\d+|[A-Z])$/i.exec(text);
  if (numbered) {
    const id = numbered[1] ?? "";
    return {
      name: `Speaker ${/^\d+$/.test(id) ? Number(id) : id.toUpperCase()}`,
      title: null,
      role: "speaker",
      outlet: null,
    };
  }

  // "Anna Berg (Postimees)": an outlet, so a questioner; "Oana Lungescu (NATO Spokesperson)": a job title.
  // An outlet or title keeps its capitals ("NRC", "NATO") unless the whole label is in capitals.
  const tidy = /\p{Ll}/u.test(text) ? collapseWhitespace : displayName;
  const parenthesised = /^(.+?)\s*\(([^()]+)\)$/.exec(text);
  if (parenthesised) {
    const name = validName(parenthesised[1] ?? "", strict);
    if (!name) return null;
    const aside = tidy(parenthesised[2] ?? "");
    if (containsWordFrom(aside, MODERATOR_LABELS)) return { name, title: aside, role: "moderator", outlet: null };
    if (containsWordFrom(aside, TITLE_WORDS)) return { name, title: aside, role: "official", outlet: null };
    return { name, title: null, role: "questioner", outlet: aside };
  }

  // "JENS STOLTENBERG, NATO SECRETARY GENERAL"
  const withTitle = /^([^,]+),\s*(.+)$/.exec(text);
  if (withTitle) {
    const name = validName(withTitle[1] ?? "", strict);
    const title = tidy(withTitle[2] ?? "");
    if (name && containsWordFrom(title, TITLE_WORDS)) return { name, title, role: "official", outlet: null };
    if (strict) return null;
  }

  const phrase = displayName(text).split(" ");
  if (strict && !isNameLike(phrase)) return null;
  const { title, name } = splitTitleAndName(phrase);
  // "PRESS CONFERENCE:" is a heading in capitals, not a person.
  if (strict && name.some((word) => EVENT_WORDS.has(word.toLowerCase()))) return null;
  return plainSpeaker(name.join(" "), title.length > 0 ? title.join(" ") : null);
}

/**
 * "Kuleba. Tomas Novak" (the end of one sentence, then a name, as a caption line breaks) is not one label; "Dr. Ana
 * Lopes" and "J. R. Smith" are.
 */
function runsAcrossSentences(text: string): boolean {
  for (const match of text.matchAll(/(\S+?)([.!?])\s/gu)) {
    const word = (match[1] ?? "").toLowerCase();
    if (match[2] !== "." || !(/^\p{L}$/u.test(word) || LABEL_ABBREVIATIONS.has(word))) return true;
  }
  return false;
}

export function plainSpeaker(name: string, title: string | null): ParsedSpeaker {
  const official = title
    ?.toLowerCase()
    .split(" ")
    .some((word) => TITLE_WORDS.has(word) && !HONORIFICS.has(word));
  const role: SpeakerRole | null = official ? "official" : null;
  return { name, title, role, outlet: null };
}

function validName(text: string, strict: boolean): string | null {
  const name = displayName(text);
  if (strict && !isNameLike(name.split(" "))) return null;
  return name;
}

export function containsWordFrom(text: string, list: ReadonlySet<string>): boolean {
  return text
    .toLowerCase()
    .split(/[\s/]+/)
    .some((word) => list.has(word));
}

function isNameLike(phrase: readonly string[]): boolean {
  const first = phrase[0];
  if (first === undefined) return false;
  const lower = phrase.join(" ").toLowerCase();
  if (NON_SPEAKER_LABELS.has(lower) || NON_SPEAKER_PHRASES.has(lower)) return false;
  if (NOT_NAME_START.has(first.toLowerCase())) return false;
  if (phrase.length === 1 && isKnownPlace(first)) return false;
  return phrase.every((word, index) => (index > 0 && NAME_PARTICLES.has(word)) || /^\p{Lu}[\p{L}’'.-]*$/u.test(word));
}

function isAcronym(word: string): boolean {
  return /^\p{Lu}{2,}$/u.test(word);
}

function isTitleOrOrganisationWord(word: string): boolean {
  const lower = word.toLowerCase();
  return TITLE_WORDS.has(lower) || ORGANISATION_WORDS.has(lower) || isAcronym(word);
}

/**
 * "NATO Secretary General Jens Stoltenberg" → title "NATO Secretary General", name "Jens Stoltenberg": the name is
 * what follows the last title word. A title word at the very end is part of the name ("Martin Luther King").
 */
export function splitTitleAndName(phrase: readonly string[]): { title: string[]; name: string[] } {
  let last = -1;
  for (let index = 0; index < phrase.length - 1; index++) {
    if (isTitleOrOrganisationWord(phrase[index] ?? "")) last = index;
  }
  return { title: phrase.slice(0, last + 1), name: phrase.slice(last + 1) };
}

/** Whether a capitalised phrase can be a person's name: no title, organisation, event or place word in it. */
export function isPersonName(name: readonly string[]): boolean {
  const first = name[0];
  if (first === undefined || NOT_NAME_START.has(first.toLowerCase())) return false;
  return name.every((word, index) => {
    const lower = word.toLowerCase();
    if (index > 0 && NAME_PARTICLES.has(word)) return true;
    return (
      /^\p{Lu}[\p{Ll}’'][\p{L}’'-]*$|^\p{Lu}\.?$/u.test(word) &&
      !isTitleOrOrganisationWord(word) &&
      !EVENT_WORDS.has(lower) &&
      !isKnownPlace(word)
    );
  });
}

/** Runs of capitalised words in a title, split at lower-case words, punctuation and connecting words. */
function capitalisedRuns(text: string): string[][] {
  const runs: string[][] = [[]];
  for (const token of text.split(/\s+/)) {
    const word = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "").replace(/[’']s$/u, "");
    const capitalised = /^\p{Lu}/u.test(word) && !RUN_BREAKERS.has(word.toLowerCase());
    const current = runs[runs.length - 1] as string[];
    if (capitalised || (current.length > 0 && NAME_PARTICLES.has(word))) current.push(word);
    else if (current.length > 0) runs.push([]);
    // Punctuation after a word ("Stoltenberg," or "Brussels:") ends the run after it.
    if (/[,;:–—]$/.test(token) && current.length > 0) runs.push([]);
  }
  return runs.filter((run) => run.length > 0);
}

/**
 * The speaker a monologue's title names: "Press conference by NATO Secretary General Jens Stoltenberg following …"
 * → Jens Stoltenberg, "NATO Secretary General", an official. Only full names (two to four words) count.
 */
export function speakerFromTitle(title: string): ParsedSpeaker | null {
  for (const run of capitalisedRuns(title)) {
    const { title: jobTitle, name } = splitTitleAndName(run);
    if (name.length < 2 || name.length > 4 || !isPersonName(name)) continue;
    return {
      name: name.join(" "),
      title: jobTitle.length > 0 ? jobTitle.join(" ") : null,
      role: jobTitle.length > 0 ? "official" : "speaker",
      outlet: null,
    };
  }
  return null;
}

/** "JENS STOLTENBERG" → "Jens Stoltenberg", "URSULA VON DER LEYEN" → "Ursula von der Leyen"; mixed case is kept. */
export function displayName(text: string): string {
  const collapsed = collapseWhitespace(text);
  if (/\p{Ll}/u.test(collapsed)) return collapsed;
  return collapsed
    .toLowerCase()
    .split(" ")
    .map((word, index) =>
      index > 0 && NAME_PARTICLES.has(word)
        ? word
        : word.replace(
            /(^|[-’'.])(\p{L})/gu,
            (_match, separator: string, letter: string) => separator + letter.toUpperCase(),
          ),
    )
    .join(" ");
}

/** The form two spellings of one name share: "JENS  STOLTENBERG" and "Jens Stoltenberg". */
export function speakerKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
