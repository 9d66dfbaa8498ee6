// Who speaks: speaker labels at the start of a line ("JENS STOLTENBERG:", "Q:", ">> NAME:", "[NAME]",
// "Name (Outlet):", "SPEAKER 1:"), voices named by the format, the speaker a monologue's title names, and the
// directory that merges the spellings of one person.
import { isKnownPlace } from "./gazetteer";
import { collapseWhitespace } from "./prose";
import type { ParsedSpeaker, SpeakerRole } from "./types";
import { isStageDirection } from "./wrappers/stage-directions";

export type SpeakerLabel =
  | { kind: "named"; speaker: ParsedSpeaker; rest: string }
  /** "A:" in a Q&A: the person answering, usually the official the transcript is about. */
  | { kind: "answer"; rest: string }
  /** ">>" alone, the broadcast-caption mark for "someone else speaks now". */
  | { kind: "unnamed"; rest: string };

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** Words of a job title; in "NATO Secretary General Jens Stoltenberg" they separate the title from the name. */
const TITLE_WORDS = words(`
  secretary general secretary-general president vice vice-president prime minister ministers deputy foreign
  defence defense interior finance high representative ambassador chancellor spokesperson spokesman spokeswoman
  commissioner chair chairman chairwoman chairperson director chief executive governor mayor senator congressman
  congresswoman king queen prince princess pope commander admiral colonel captain lieutenant sergeant marshal envoy
  special head leader premier cardinal archbishop bishop judge attorney mr mr. mrs mrs. ms ms. dr dr. prof prof.
  professor sir dame lord lady officer ceo founder state first former acting assistant undersecretary counsellor
  adviser advisor coordinator rapporteur moderator host anchor correspondent editor reporter journalist sheikh emir
  sultan crown senior national security affairs
`);

/** Words that make a capitalised phrase an organisation or an event rather than a person. */
const ORGANISATION_WORDS = words(`
  mission council commission union force forces ministry agency organization organisation bank party court committee
  parliament alliance government office department assembly senate congress nations army navy police university
  institute association foundation group company corporation federation league authority service services bureau
  news times post press television radio
`);

const EVENT_WORDS = words(`
  conference briefing meeting meetings summit speech remarks statement interview session hearing debate transcript
  address update report doorstep questions answers ministerial event forum keynote panel opening closing joint media
  availability announcement visit talks programme program show episode podcast webinar lecture press
`);

/** Lower-case parts of names: "Ursula von der Leyen", "Charles de Gaulle". */
const NAME_PARTICLES = words("von van der den de del della di da das dos du la le al el bin ibn ben y ter ten zu af");

/** Capitalised words that open sentences, never names: "He said:", "Note:". */
const NOT_NAME_START = words(`
  the a an this that these those we i he she it they you our my his her their its and but or so if when then now here
  there what why how who where yes no well also today yesterday tomorrow thank thanks dear ladies good hello hi please
  let finally first second third last next in on at for from to by with as all every some many most one two
`);

/** Labels that introduce something other than a speaker. */
const NON_SPEAKER_LABELS = words(`
  note notes nb ps update updated source sources example warning caution important reminder transcript translation
  correction corrections date time location place venue subject topic topics agenda summary background context
  disclaimer caption photo video audio tags keywords category link links website web email e-mail phone tel fax url
  applause laughter laughs music inaudible crosstalk silence cheering cheers noise unintelligible indistinct pause
  break end start intro outro chapter part section step live breaking exclusive watch read listen see also follow
  subscribe visit find connect contact share more related recommended facebook twitter instagram youtube linkedin
  flickr tiktok telegram monday tuesday wednesday thursday friday saturday sunday january february march april may
  june july august september october november december tip hint ссылка lien enlace
`);
const NON_SPEAKER_PHRASES = new Set(["editor's note", "editor’s note", "foreign language", "end of transcript"]);

const QUESTIONER_LABELS = new Map([
  ["q", "Question"],
  ["question", "Question"],
  ["questioner", "Question"],
  ["journalist", "Journalist"],
  ["reporter", "Reporter"],
  ["interviewer", "Interviewer"],
  ["audience member", "Audience member"],
]);
const MODERATOR_LABELS = words("moderator host chair chairman chairwoman chairperson presenter anchor mc");

const MAX_LABEL_LENGTH = 60;
const MAX_LABEL_WORDS = 6;

export function parseSpeakerLabel(line: string): SpeakerLabel | null {
  let text = line.trim();
  const chevrons = /^>>+\s*/.exec(text);
  if (chevrons) text = text.slice(chevrons[0].length);

  const questionOrAnswer = /^([QA])[.:](?:\s+(.*))?$/s.exec(text);
  if (questionOrAnswer) {
    const rest = questionOrAnswer[2] ?? "";
    if (questionOrAnswer[1] === "A") return { kind: "answer", rest };
    return { kind: "named", speaker: { name: "Question", title: null, role: "questioner", outlet: null }, rest };
  }

  const bracketed = /^\[([^\]]{1,60})\]\s*:?\s*(.*)$/s.exec(text);
  // "[Música]", "[Beifall]" are stage directions, not speakers (lib/ingest/wrappers/stage-directions.ts).
  if (bracketed && isStageDirection(`[${bracketed[1] ?? ""}]`))
    return chevrons ? { kind: "unnamed", rest: text } : null;
  const colon = bracketed ? null : /^([^:]{1,60}?)\s*:(?:\s+(.*))?$/s.exec(text);
  const candidate = bracketed?.[1] ?? colon?.[1];
  const rest = bracketed?.[2] ?? colon?.[2] ?? "";
  if (candidate !== undefined) {
    if (/^answer$/i.test(candidate.trim())) return { kind: "answer", rest };
    const speaker = labelledSpeaker(candidate, true);
    if (speaker) return { kind: "named", speaker, rest };
  }
  return chevrons ? { kind: "unnamed", rest: text } : null;
}

/** A speaker named by the format itself (a WebVTT voice, a JSON speaker field): trusted, only tidied. */
export function speakerFromVoice(voice: string): ParsedSpeaker {
  return labelledSpeaker(voice, false) ?? plainSpeaker(displayName(voice), null);
}

/**
 * The speaker behind a label's text, or null when `strict` and the text does not look like a speaker: a label is
 * short, and made of capitalised words that are not a common sentence opener or a heading word ("Note").
 */
function labelledSpeaker(label: string, strict: boolean): ParsedSpeaker | null {
  const text = collapseWhitespace(label);
  if (text === "" || text.length > MAX_LABEL_LENGTH || text.split(" ").length > MAX_LABEL_WORDS) return null;
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

/** Forms of address: part of a title, but they do not make someone an official. */
const HONORIFICS = words("mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir dame lord lady");

function plainSpeaker(name: string, title: string | null): ParsedSpeaker {
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

function containsWordFrom(text: string, list: ReadonlySet<string>): boolean {
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

/** Capitalised words that join the parts of a title rather than belong to a name ("… By NATO …"). */
const RUN_BREAKERS = words("by with of the following and at in on for from to after before during about between ahead");

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

function speakerKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Every speaker of one transcript, once, whatever the spelling or capitals of each mention. */
export class SpeakerDirectory {
  private readonly byKey = new Map<string, ParsedSpeaker>();

  /** Adds a speaker, or completes the one already known under the same name; returns the key to refer to it. */
  add(speaker: ParsedSpeaker): string {
    const key = speakerKey(speaker.name);
    const known = this.byKey.get(key);
    if (!known) {
      this.byKey.set(key, { ...speaker });
      return key;
    }
    known.title ??= speaker.title;
    known.role ??= speaker.role;
    known.outlet ??= speaker.outlet;
    return key;
  }

  /**
   * The final speaker for each key. A surname alone ("STOLTENBERG:") joins the one full name known that ends with
   * it; with two candidates it stays as it is rather than guess.
   */
  resolve(): Map<string, ParsedSpeaker> {
    const resolved = new Map(this.byKey);
    for (const [key, speaker] of this.byKey) {
      if (key.includes(" ")) continue;
      const fullNames = [...this.byKey].filter(([other]) => other.endsWith(` ${key}`));
      const only = fullNames.length === 1 ? fullNames[0] : undefined;
      if (!only) continue;
      const full = only[1];
      full.title ??= speaker.title;
      full.role ??= speaker.role;
      full.outlet ??= speaker.outlet;
      resolved.set(key, full);
    }
    return resolved;
  }
}
