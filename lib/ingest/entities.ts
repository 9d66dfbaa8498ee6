// People, organisations and places named in the transcript, with how often each is mentioned. compromise (offline)
// does the recognition; three general aids cover what its lexicon misses: names introduced by a title ("Vice
// President Federica Mogherini"), acronyms (organisations, in newsroom text), and a gazetteer of countries and cities.
import nlp from "compromise";
import { isKnownPlace, PLACE_NAMES } from "./gazetteer";
import { collapseWhitespace, splitSentences } from "./prose";
import { isPersonName, splitTitleAndName } from "./speakers";
import type { EntityType, ParsedEntity } from "./types";

type Votes = Map<string, Map<EntityType, number>>;

export function extractEntities(text: string): ParsedEntity[] {
  const votes: Votes = new Map();
  const vote = (name: string | null, type: EntityType, weight = 1): void => {
    if (!name) return;
    const byType = votes.get(name) ?? new Map<EntityType, number>();
    byType.set(type, (byType.get(type) ?? 0) + weight);
    votes.set(name, byType);
  };

  const { windows, acronyms } = scanCapitalisedWords(text);
  // compromise's time and memory grow with the text it tags, so it gets only the words around capitalised ones,
  // each distinct window once, in bounded batches.
  for (let start = 0; start < windows.length; start += WINDOWS_PER_BATCH) {
    const document = nlp(windows.slice(start, start + WINDOWS_PER_BATCH).join("\n"));
    for (const match of document.people().out("array") as string[]) vote(personName(match), "person");
    for (const match of document.places().out("array") as string[]) vote(placeName(match), "place");
    for (const match of document.organizations().out("array") as string[]) {
      for (const name of organisationNames(match)) vote(name, "org");
    }
  }
  // A name after a job title is a person even when compromise does not know the first name.
  for (const name of titledNames(text)) vote(name, "person", 2);
  for (const acronym of acronyms) vote(acronym, "org");

  const typed = new Map<string, EntityType>();
  for (const [name, byType] of votes) typed.set(name, isKnownPlace(name) ? "place" : strongestVote(byType));
  // Every gazetteer place is counted too; those never mentioned drop out below.
  for (const place of PLACE_NAMES) if (!typed.has(place)) typed.set(place, "place");

  const surnames = surnameAliases(typed);
  for (const alias of surnames.keys()) typed.delete(alias);
  const counts = countMentions(text, [...typed.keys(), ...surnames.keys()]);

  const mentions = new Map<string, number>();
  for (const [name] of typed) mentions.set(name, counts.get(name) ?? 0);
  for (const [alias, fullName] of surnames) {
    mentions.set(fullName, (mentions.get(fullName) ?? 0) + (counts.get(alias) ?? 0));
  }

  // A name with no mention of its own only ever appeared inside a longer one ("UN" in "UN Security Council").
  const entities: ParsedEntity[] = [];
  for (const [name, type] of typed) {
    const count = mentions.get(name) ?? 0;
    if (count > 0) entities.push({ type, name, mentions: count });
  }
  return entities.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

const TYPE_PRIORITY: EntityType[] = ["person", "org", "place"];

function strongestVote(byType: Map<EntityType, number>): EntityType {
  let best: EntityType = "person";
  let bestVotes = -1;
  for (const type of TYPE_PRIORITY) {
    const count = byType.get(type) ?? 0;
    if (count > bestVotes) {
      best = type;
      bestVotes = count;
    }
  }
  return best;
}

const WINDOWS_PER_BATCH = 400;
/** Words of context kept before a capitalised run (for titles: "the Ukrainian defence minister …") and after it. */
const CONTEXT_BEFORE = 3;
const CONTEXT_AFTER = 1;

/** All-capital words that are not organisations. */
const COMMON_ACRONYMS = new Set(
  (
    "OK TV AM PM CEO CFO GDP AI ID PDF FAQ DNA USD EUR GBP HQ COVID PPE IT PR HR VIP LGBT ASAP FYI PS NB RSVP ETA IQ " +
    "MP MEP TBC TBD"
  ).split(" "),
);

/**
 * The distinct windows of words around capitalised runs, sentence by sentence, for compromise; and the acronyms,
 * which in newsroom text are organisations (only in sentences in mixed case: in all-capital captions every word
 * would look like one). A capital that only opens a sentence is skipped, as is the pronoun "I".
 */
function scanCapitalisedWords(text: string): { windows: string[]; acronyms: string[] } {
  const windows = new Set<string>();
  const acronyms: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    for (const sentence of splitSentences(paragraph)) {
      const words = sentence.split(/\s+/);
      const mixedCase = /\p{Ll}/u.test(sentence);
      for (let index = 0; index < words.length; index++) {
        if (!isCapitalised(words[index])) continue;
        let end = index;
        while (isCapitalised(words[end + 1])) end++;
        if (index > 0 || end > index) {
          windows.add(words.slice(Math.max(0, index - CONTEXT_BEFORE), end + 1 + CONTEXT_AFTER).join(" "));
        }
        for (const word of mixedCase ? words.slice(index, end + 1) : []) {
          const acronym = /^\p{Lu}{2,6}(?=$|[^\p{L}\p{N}])/u.exec(word)?.[0];
          if (acronym && !COMMON_ACRONYMS.has(acronym) && !/^[IVXLC]+$/.test(acronym) && !isKnownPlace(acronym)) {
            acronyms.push(acronym);
          }
        }
        index = end;
      }
    }
  }
  return { windows: [...windows], acronyms };
}

function isCapitalised(word: string | undefined): boolean {
  return word !== undefined && /^["'“‘(]?\p{Lu}/u.test(word) && !/^I(?:$|[’'])/.test(word);
}

/** Trims punctuation, a possessive and a leading "the": "the European Union’s" → "European Union". */
function normaliseName(raw: string): string {
  return collapseWhitespace(raw)
    .replace(/^[^\p{L}\p{N}]+/u, "")
    .replace(/[^\p{L}\p{N}.]+$/u, "")
    .replace(/(?<=\p{L}{2})\.$/u, "") // a full stop after a word, not the one of "U.S."
    .replace(/[’']s?$/u, "")
    .replace(/^the\s+/i, "");
}

function personName(raw: string): string | null {
  const words = normaliseName(raw).split(" ");
  const { name } = splitTitleAndName(words);
  if (name.length === 0 || name.length > 4 || !isPersonName(name)) return null;
  return name.join(" ");
}

function placeName(raw: string): string | null {
  const name = normaliseName(raw);
  return /^\p{Lu}/u.test(name) && name.split(" ").length <= 5 ? name : null;
}

const CONNECTING_WORDS = new Set(["of", "and", "for", "the", "on", "de", "du", "des", "la", "le", "&"]);

/** "NATO-EU" names two organisations; "Press conference" names none (an organisation's words are capitalised). */
function organisationNames(raw: string): string[] {
  const name = normaliseName(raw);
  const parts = name.split("-");
  if (parts.length > 1 && parts.every((part) => /^\p{Lu}{2,}$/u.test(part))) return parts;
  const words = name.split(" ");
  const capitalised = words.every(
    (word, index) => /^[\p{Lu}\p{N}]/u.test(word) || (index > 0 && CONNECTING_WORDS.has(word)),
  );
  // "Kallas & I have just met": the pronoun shows compromise joined a name to the sentence around it.
  return capitalised && words.length <= 6 && !words.includes("I") ? [name] : [];
}

/** Job-title words that, written before a capitalised name, make it a person's: "minister Stepan Poltorak". */
const INTRODUCING_TITLES = (
  "President Minister Secretary General Ambassador Envoy Chancellor Spokesperson Spokesman Spokeswoman Commissioner " +
  "Representative Senator Governor Mayor King Queen Prince Princess Pope Chairman Chairwoman Director Admiral " +
  "Colonel Commander Premier Judge Mr Mrs Ms Dr Professor Sir Dame"
).split(" ");
const TITLED_NAME = new RegExp(
  `(?<!\\p{L})(?:${INTRODUCING_TITLES.map((title) => `[${title.charAt(0)}${title.charAt(0).toLowerCase()}]${title.slice(1)}`).join("|")})\\.?` +
    `\\s+((?:\\p{Lu}[\\p{L}’'-]*\\s+){0,3}\\p{Lu}[\\p{L}’'-]*)`,
  "gu",
);

function titledNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(TITLED_NAME)) {
    const name = personName(match[1] ?? "");
    if (name) names.push(name);
  }
  return names;
}

/**
 * "Stoltenberg" alone refers to "Jens Stoltenberg" when he is the only person of that surname. Returns
 * surname → full name for such surnames (a person found only by surname is merged into the full name).
 */
function surnameAliases(typed: ReadonlyMap<string, EntityType>): Map<string, string> {
  const bySurname = new Map<string, string[]>();
  for (const [name, type] of typed) {
    const words = name.split(" ");
    const surname = words.at(-1);
    if (type !== "person" || words.length < 2 || !surname || surname.length < 3) continue;
    bySurname.set(surname, [...(bySurname.get(surname) ?? []), name]);
  }
  const aliases = new Map<string, string>();
  for (const [surname, fullNames] of bySurname) {
    const fullName = fullNames[0];
    const other = typed.get(surname);
    if (fullNames.length === 1 && fullName && (other === undefined || other === "person"))
      aliases.set(surname, fullName);
  }
  return aliases;
}

/**
 * Counts each name's mentions in one pass: at every word start, the longest name that starts there wins, so
 * "Jens Stoltenberg" is one mention of the full name, not also one of "Stoltenberg".
 */
function countMentions(text: string, names: readonly string[]): Map<string, number> {
  const byFirstWord = new Map<string, string[]>();
  for (const name of names) {
    const firstWord = /^[\p{L}\p{N}]+/u.exec(name)?.[0];
    if (firstWord) byFirstWord.set(firstWord, [...(byFirstWord.get(firstWord) ?? []), name]);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.length - a.length);

  const counts = new Map<string, number>();
  const wordStart = /(?<![\p{L}\p{N}])[\p{L}\p{N}]+/gu;
  for (let match = wordStart.exec(text); match !== null; match = wordStart.exec(text)) {
    const position = match.index;
    const name = byFirstWord
      .get(match[0])
      ?.find(
        (candidate) =>
          text.startsWith(candidate, position) && !/[\p{L}\p{N}]/u.test(text.charAt(position + candidate.length)),
      );
    if (!name) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    wordStart.lastIndex = position + name.length;
  }
  return counts;
}
