// People, organisations and places named in the transcript, with how often each is mentioned. compromise (offline)
// does the recognition; general aids cover what its lexicon misses: names introduced by a title ("Vice President
// Federica Mogherini"), acronyms (organisations, in newsroom text), a gazetteer of countries and cities, names that
// recur inside sentences or are written like brands ("TikTok", "Airbus", "Nord Stream 2"), and runs of capitalised
// words ending in an institution's word ("Department of Justice", "New York University"). What only looks like a
// name is left out: a capital that opens a sentence ("But", "Але", "Mais"), generic acronyms ("API", "CEO") and
// the letters that mark questions and answers ("Q", "A").
import nlp from "compromise";
import { isCommonEnglishWord } from "./common-words";
import { isKnownPlace, PLACE_NAMES } from "./gazetteer";
import { collapseWhitespace, endsSentence, splitSentences } from "./prose";
import { isPersonName, splitTitleAndName } from "./speakers";
import type { EntityType, ParsedEntity } from "./types";

type Votes = Map<string, Map<EntityType, number>>;

/**
 * `text` is what the names are counted in (the paragraphs); `context` (the title) helps recognise them but is not
 * counted: a name only the title states has no mention in the text, so it is no suggestion.
 */
export function extractEntities(text: string, { context = "" }: { context?: string } = {}): ParsedEntity[] {
  const votes: Votes = new Map();
  const vote = (name: string | null, type: EntityType, weight = 1): void => {
    if (!name || COMMON_ACRONYMS.has(name) || NOT_NAMES.has(name) || SPEAKER_LETTERS.has(name)) return;
    const byType = votes.get(name) ?? new Map<EntityType, number>();
    byType.set(type, (byType.get(type) ?? 0) + weight);
    votes.set(name, byType);
  };

  const scanned = context ? `${context}\n\n${text}` : text;
  const { windows, acronyms, products, institutions, features, unknownNames } = scanCapitalisedWords(scanned);
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
  const titled = new Set(titledNames(scanned));
  for (const name of titled) vote(name, "person", 2);
  for (const acronym of acronyms) vote(acronym, "org");
  for (const name of products) vote(name, "org");
  for (const name of institutions) vote(name, "org", 2);
  for (const { name, type } of features) vote(name, type, 2);
  for (const name of unknownNames) vote(name, "person");
  // Institutions named in the words of their language ("Union européenne", "Європейська комісія"); those never
  // mentioned drop out below.
  for (const name of INSTITUTIONS) if (scanned.includes(name)) vote(name, "org", 2);

  const typed = new Map<string, EntityType>();
  for (const [name, byType] of votes) {
    // "Sea", "State", "Government", "Heads": one capitalised everyday word is no name on its own.
    if (isEverydayWord(name) && !titled.has(name)) continue;
    typed.set(name, isKnownPlace(name) ? "place" : strongestVote(byType));
  }
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

  // A name with no mention of its own only ever appeared inside a longer one ("UN" in "UN Security Council",
  // "Azov" in "Sea of Azov"), or only in the title.
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
    "OK TV AM PM CEO CFO CTO COO GDP GNP CPI AI ID PDF FAQ DNA USD EUR GBP HQ COVID PPE IT PR HR VIP LGBT ASAP FYI PS " +
    "NB RSVP ETA IQ MP MEP TBC TBD API CPU GPU RAM SSD USB URL SMS GPS ATM VPN IP OS PC UI UX SDK LLM EV SUV HTML " +
    "PhD MBA CV DJ ID TV AC DC FM AKA DIY IPO R&D VAT ERP CRM B2B"
  ).split(" "),
);

/** Letters that mark a question or an answer ("Q  Thank you", "A: No"), never names. */
const SPEAKER_LETTERS = new Set(["Q", "A", "P", "R", "В", "П", "О"]);

/**
 * Capitalised words that are not names in any sentence: openers of speech in the languages newsrooms transcribe,
 * forms of address, and words capitalised by convention (nationalities, "Allies").
 */
const NOT_NAMES = new Set(
  (
    "But However And So Well Yes No Okay OK Thank Thanks Look Also Now Then Still Yet Meanwhile Moreover Indeed " +
    "Mais Cependant Donc Alors Oui Non Merci Ensuite Aber Jedoch Also Und Ja Nein Danke Pero Sin Embargo Sí Gracias " +
    "Але Однак Проте Тому Так Ні Дякую Но Однако Поэтому Да Нет Спасибо " +
    "Mr Mrs Ms Dr Sir Madam Madame Monsieur Herr Frau Señor Señora Пане Пані Господин Госпожа " +
    "American Americans German Germans Russian Russians Ukrainian Ukrainians French British European Europeans " +
    "Chinese Israeli Israelis Palestinian Palestinians Iranian Turkish Polish Swedish Finnish Baltic Western " +
    "Eastern Allied Allies Ally Arab African Asian Atlantic Soviet Nordic Transatlantic Euro-Atlantic " +
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August " +
    "September October November December God Internet Ranking Member Chair Vice Deputy Acting " +
    // French ministries capitalise their field: "ministre des Affaires étrangères", "ministre des Armées".
    "Affaires Armées Intérieur Défense Finances Outre-mer"
  ).split(" "),
);

/**
 * Words that end (or, before "of", open) an institution's name: "New York University", "Department of Justice",
 * "Financial Times", "European Commission", "Європейський Союз".
 */
const INSTITUTION_WORDS = new Set(
  (
    "University Institute Council Commission Committee Ministry Department Agency Bank Fund Party Times Post " +
    "Journal Corporation Company Group Organisation Organization Parliament Assembly Court Office Service Services " +
    "Foundation Association Federation Union Authority Board Bureau Senate Congress Forces Army Navy " +
    "Conseil Parlement Assemblée Rat Kommission Bundestag Союз Рада Комісія Комиссия Совет Міністерство Министерство"
  ).split(" "),
);

/** Institutions named by their building or town ("the Kremlin said"), which compromise reads as places. */
const INSTITUTIONS = new Set(
  (
    "White House|Kremlin|Pentagon|Congress|Senate|Élysée|Elysée|Downing Street|Bundestag|Verkhovna Rada|Knesset|" +
    "State Department|Capitol Hill|Quai d’Orsay|Quai d'Orsay|Кремль|Union européenne|Commission européenne|" +
    "Conseil européen|Parlement européen|Banque centrale européenne|Europäische Union|Europäische Kommission|" +
    "Unión Europea|Comisión Europea|Європейський Союз|Європейська комісія|Європейський парламент|" +
    "Европейский союз|Европейская комиссия|Верховна Рада|Государственная дума"
  ).split("|"),
);

/** Inside a sentence, a capitalised word compromise does not know is a name once it recurs. */
const MIN_RECURRING_MENTIONS = 2;
/** A sentence with two of these common English words is read as English. */
const READS_AS_ENGLISH =
  /(?<!\p{L})(?:the|and|of|to|is|that|with|we|for)(?!\p{L})(?:.*?(?<!\p{L})(?:the|and|of|to|is|that|with|we|for)(?!\p{L}))/u;
/** Above this share of capitalised words after a lower-case one, the language capitalises nouns (German). */
const NOUN_CAPITALISING_SHARE = 0.3;
const SAMPLE_CHARACTERS = 20_000;

/** Of the words that follow a lower-case word, the share that are capitalised: 0.05–0.15 in English, ~0.4 in German. */
function capitalisedShare(text: string): number {
  const words = text.slice(0, SAMPLE_CHARACTERS).split(/\s+/);
  let afterLowerCase = 0;
  let capitalised = 0;
  for (let index = 1; index < words.length; index++) {
    if (!/^\p{Ll}+$/u.test(words[index - 1] ?? "")) continue;
    afterLowerCase++;
    if (/^\p{Lu}\p{Ll}/u.test(words[index] ?? "")) capitalised++;
  }
  return afterLowerCase < 20 ? 0 : capitalised / afterLowerCase;
}

interface Scan {
  windows: string[];
  /** Names a feature's word makes whole: "Sea of Azov", "Black Sea" (places), "INF Treaty" (an agreement). */
  features: { name: string; type: EntityType }[];
  acronyms: string[];
  /** Names written like brands or products ("TikTok", "GPT-4", "Nord Stream 2") or recurring inside sentences. */
  products: string[];
  /** "Department of Justice", "the Kremlin". */
  institutions: string[];
  /** Two or three capitalised words inside a sentence that can be a person's name: "Dmytro Kouleba". */
  unknownNames: string[];
}

/**
 * The distinct windows of words around capitalised runs, sentence by sentence, for compromise; and the names
 * compromise misses: acronyms, which in newsroom text are organisations (only in sentences in mixed case: in
 * all-capital captions every word would look like one), brand-like and recurring names, and institutions. A
 * capital that only opens a sentence is skipped, as is the pronoun "I" and a question's "Q".
 */
function scanCapitalisedWords(text: string): Scan {
  const windows = new Set<string>();
  const acronyms: string[] = [];
  const institutions: string[] = [];
  const unknownNames: string[] = [];
  const features: Scan["features"] = [];
  const products = new Set<string>();
  const insideSentence = new Map<string, number>();
  const capitalisesNouns = capitalisedShare(text) > NOUN_CAPITALISING_SHARE;
  for (const paragraph of text.split(/\n+/)) {
    for (const sentence of splitSentences(paragraph)) {
      const words = sentence.split(/\s+/);
      const mixedCase = /\p{Ll}/u.test(sentence);
      let windowEnd = -1;
      for (let index = 0; index < words.length; index++) {
        if (!isCapitalised(words[index])) continue;
        // compromise gets each whole capitalised run once, punctuation and all, as it always did.
        if (index > windowEnd) {
          windowEnd = index;
          while (isCapitalised(words[windowEnd + 1])) windowEnd++;
          if (index > 0 || windowEnd > index) {
            windows.add(words.slice(Math.max(0, index - CONTEXT_BEFORE), windowEnd + 1 + CONTEXT_AFTER).join(" "));
          }
        }
        let end = index;
        // For the names compromise misses, a run ends at punctuation: "Senator Hawley: Let me …", "TikTok. The …".
        while (end < windowEnd && !/[,;:.!?)\]…]$/u.test(words[end] ?? "")) end++;
        const opensSentence = isSentenceStart(words, index);
        const start = opensSentence && end > index ? index + 1 : index;
        const run = words.slice(start, end + 1);
        for (const word of mixedCase ? run : []) {
          const acronym = acronymOf(word);
          if (acronym) acronyms.push(acronym);
        }
        // A run is inside the sentence once the word opening the sentence is left out of it.
        const isInside = !opensSentence || start > index;
        const feature = mixedCase ? featureName(words, start, end) : null;
        if (feature) features.push(feature);
        if (mixedCase && isInside) {
          const institution = institutionName(words, start, end);
          if (institution) institutions.push(institution);
          const numbered = numberedName(words, start, end);
          if (numbered) products.add(numbered);
          const person = run.length >= 2 && run.length <= 3 ? personName(run.map(bareWord).join(" ")) : null;
          if (person && !institution && !numbered && !run.some((word) => isBrandLike(bareWord(word)))) {
            unknownNames.push(person);
          }
        }
        if (mixedCase && run.length === 1) {
          const name = bareWord(run[0] ?? "");
          if (numberedName(words, start, end) === null && isBrandLike(name)) products.add(name);
          else if (isInside && isCandidateName(name) && !isKnownPlace(name) && !capitalisesNouns) {
            // English capitalises little else inside a sentence, so one mention there is enough; French or
            // Ukrainian capitalise the first word of a ministry's or a title's name, so theirs must recur.
            const weight = READS_AS_ENGLISH.test(sentence) ? MIN_RECURRING_MENTIONS : 1;
            insideSentence.set(name, (insideSentence.get(name) ?? 0) + weight);
          }
        }
        index = end;
      }
    }
  }
  for (const [name, count] of insideSentence) if (count >= MIN_RECURRING_MENTIONS) products.add(name);
  return { windows: [...windows], acronyms, products: [...products], institutions, features, unknownNames };
}

/** The first word of a sentence, or the first after a question's "Q" or a dash that opens a turn. */
function isSentenceStart(words: readonly string[], index: number): boolean {
  if (index === 0) return true;
  const previous = words[index - 1] ?? "";
  if (SPEAKER_LETTERS.has(previous.replace(/[:.]$/, "")) && index === 1) return true;
  return /[:–—]$/.test(previous) || /^[-–—]$/.test(previous) || endsSentence(previous);
}

function acronymOf(word: string): string | null {
  const acronym = /^\p{Lu}{2,6}(?=$|[^\p{L}\p{N}])/u.exec(word)?.[0];
  if (!acronym || COMMON_ACRONYMS.has(acronym) || /^[IVXLC]+$/.test(acronym) || isKnownPlace(acronym)) return null;
  // "GPT-4" is a product, read whole by numberedName.
  if (/^\p{Lu}+-\d/u.test(word)) return null;
  return acronym;
}

/** A word without the punctuation around it and a possessive: "TikTok’s," → "TikTok". */
function bareWord(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+/u, "").replace(/(?:[’']s)?[^\p{L}\p{N}]*$/u, "");
}

/** "TikTok", "OpenAI", "ChatGPT", "iPhone": a capital inside a word is how brands are written, not English words. */
function isBrandLike(word: string): boolean {
  return /^\p{L}\p{Ll}+\p{Lu}[\p{L}]*$/u.test(word) && isCandidateName(word);
}

function isCandidateName(word: string): boolean {
  return (
    /^\p{Lu}\p{Ll}/u.test(word) &&
    word.length > 2 &&
    !NOT_NAMES.has(word) &&
    !SPEAKER_LETTERS.has(word) &&
    !INTRODUCING_TITLES.includes(word) &&
    !INTRODUCING_TITLES.includes(word.replace(/s$/, ""))
  );
}

/** "GPT-4", "Nord Stream 2", "F-16": a name and the number of its model, which together name a product. */
function numberedName(words: readonly string[], start: number, end: number): string | null {
  const last = words[end] ?? "";
  const hyphenated = /^(\p{Lu}[\p{L}]*-\d{1,4}[\p{L}]?)(?:[^\p{L}\p{N}]|$)/u.exec(last)?.[1];
  if (hyphenated && start === end) return hyphenated;
  const next = /^(\d{1,2})(?:[,.;:!?)]?)$/.exec(words[end + 1] ?? "")?.[1];
  if (!next || end === start || /[,.;:!?]$/.test(last)) return null;
  const name = words.slice(start, end + 1).map(bareWord);
  if (!name.every((word) => isCandidateName(word) && !isKnownPlace(word))) return null;
  return `${name.join(" ")} ${next}`;
}

/** A capitalised run that ends with an institution's word, or opens with one before "of": "Department of Justice". */
function institutionName(words: readonly string[], start: number, end: number): string | null {
  const run = words.slice(start, end + 1).map(bareWord);
  const joined = run.join(" ");
  for (const institution of INSTITUTIONS) if (joined.includes(institution)) return institution;
  const last = run.at(-1) ?? "";
  if (run.length >= 2 && INSTITUTION_WORDS.has(last) && !/[,;:]$/.test(words[end - 1] ?? "")) {
    const name = run.filter((word, index) => index > 0 || !NOT_NAMES.has(word) || word === "European");
    return name.length >= 2 ? name.join(" ") : null;
  }
  // "Department of Justice", "Ministry of Defence", "University of Oxford".
  const after = words.slice(end + 1, end + 4);
  if (INSTITUTION_WORDS.has(last) && after[0] === "of" && after[1] && isCapitalised(after[1])) {
    return `${joined} of ${bareWord(after[1])}`;
  }
  return null;
}

/** Words that, before "of" or after other capitalised words, make a place's name: "Sea of Azov", "Black Sea". */
const PLACE_FEATURE_WORDS = new Set(
  (
    "Sea Seas Ocean Gulf Bay Strait Straits Channel Isle Island Islands Lake River Cape Mount Mountains Peninsula " +
    "Desert Valley Basin Canal Coast Heights Plateau Republic Kingdom"
  ).split(" "),
);
/** Words that end (or, before "of", open) the name of an agreement: "INF Treaty", "Treaty of Lisbon". */
const AGREEMENT_WORDS = new Set(
  "Treaty Agreement Agreements Accord Accords Convention Conventions Protocol Pact Charter".split(" "),
);

/**
 * A place or an agreement named by a capitalised run and its feature's word, kept whole: "the Sea of Azov",
 * "the Strait of Hormuz", "the Black Sea", "the INF Treaty", "the Treaty of Lisbon".
 */
function featureName(words: readonly string[], start: number, end: number): { name: string; type: EntityType } | null {
  const run = words.slice(start, end + 1).map(bareWord);
  const last = run.at(-1) ?? "";
  const typeOf = (word: string): EntityType | null =>
    PLACE_FEATURE_WORDS.has(word) ? "place" : AGREEMENT_WORDS.has(word) ? "org" : null;
  const type = typeOf(last);
  if (!type) return null;
  // "Sea of Azov", "Isle of Man", "Treaty of Lisbon": the capitalised words after "of", up to punctuation.
  const endsRun = /[,;:.!?)\]…]$/u.test(words[end] ?? "");
  if (!endsRun && words[end + 1] === "of" && isCapitalised(words[end + 2])) {
    const tail: string[] = [];
    for (let index = end + 2; index < words.length && isCapitalised(words[index]); index++) {
      tail.push(bareWord(words[index] ?? ""));
      if (/[^\p{L}\p{N}]$/u.test(words[index] ?? "")) break;
    }
    if (tail.every((word) => word.length > 0)) return { name: `${run.join(" ")} of ${tail.join(" ")}`, type };
  }
  // "Black Sea", "Korean Peninsula", "INF Treaty": a feature's word after at least one other capitalised word.
  if (run.length >= 2 && run.every((word) => word.length > 0)) return { name: run.join(" "), type };
  return null;
}

/**
 * One capitalised everyday English word ("Sea", "State", "Government", "Heads", "Alliance") or a nationality
 * ("Afghan"), which newsroom text capitalises by convention, is no name on its own; a place of the gazetteer
 * ("Turkey", "Chad"), a named institution ("Congress") or a name compromise's lexicon knows ("Smith", "Google") is.
 */
function isEverydayWord(name: string): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(name) || isKnownPlace(name) || INSTITUTIONS.has(name)) return false;
  const word = name.toLowerCase();
  const lexicon = nlp(word);
  if (lexicon.has("#Demonym")) return true;
  return isCommonEnglishWord(word) && !lexicon.has("#ProperNoun");
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
  // "Will ChatGPT be used …": compromise reads the opening "Will" as a first name.
  if (name.some(isBrandLike) || name.some((word) => NOT_NAMES.has(word))) return null;
  if (name.length === 0 || name.length > 4 || !isPersonName(name)) return null;
  return name.join(" ");
}

function placeName(raw: string): string | null {
  const words = normaliseName(raw).split(" ");
  // "Allied territory": an adjective capitalised by convention is not the start of a place's name.
  while (words.length > 1 && NOT_NAMES.has(words[0] ?? "")) words.shift();
  const name = words.join(" ");
  return /^\p{Lu}/u.test(name) && words.length <= 5 ? name : null;
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
  "Colonel Commander Premier Judge Mr Mrs Ms Dr Professor Sir Dame Chair Member Leader Speaker Justice Gen Sen Rep " +
  "Gov Adm Col Lt Sgt Capt Maj Amb"
).split(" ");
const NAME_PARTICLE_PATTERN = "von|van|der|den|de|da|di|du|al|bin";
const TITLED_NAME = new RegExp(
  `(?<!\\p{L})(?:${INTRODUCING_TITLES.map((title) => `[${title.charAt(0)}${title.charAt(0).toLowerCase()}]${title.slice(1)}`).join("|")})\\.?` +
    `\\s+((?:(?:\\p{Lu}[\\p{L}’'-]*|${NAME_PARTICLE_PATTERN})\\s+){0,3}\\p{Lu}[\\p{L}’'-]*)`,
  "gu",
);

function titledNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(TITLED_NAME)) {
    const raw = match[1] ?? "";
    // "President von der Leyen": the particles belong to the surname.
    const particles = new RegExp(`^(?:(?:${NAME_PARTICLE_PATTERN})\\s+)+`, "u").exec(raw)?.[0] ?? "";
    const name = personName(raw.slice(particles.length));
    if (name) names.push(particles && !name.includes(" ") ? `${particles}${name}` : name);
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
