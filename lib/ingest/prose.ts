// Small helpers about running text shared by the stages: words, sentence ends and sentence splitting.
import { sentences as segmentSentences } from "sbd";

export { countWords } from "@/lib/format/text";

/** Terminal punctuation, possibly followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*$/u;

/**
 * Whether the text ends a sentence. A full stop after an abbreviation or an initial ("… met Gen.", "Jens S.") does
 * not: a caption or a hard-wrapped line that stops there goes on in the next one.
 */
export function endsSentence(text: string): boolean {
  const trimmed = text.trimEnd();
  if (!SENTENCE_END.test(trimmed)) return false;
  if (!trimmed.endsWith(".")) return true;
  return !isAbbreviation(trimmed.slice(trimmed.lastIndexOf(" ") + 1));
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Words written with a full stop that rarely ends a sentence: sbd's English list, titles and ranks of public life,
 * and the common ones of the other languages newsrooms transcribe (French, German, Spanish, Russian, Ukrainian).
 * Compared without the stop and case-sensitively, as sbd does.
 */
const ABBREVIATIONS =
  // sbd's own English list (passing a list replaces it), less "no": "The answer is no." ends a sentence, and "No. 10"
  // is told apart by the number that follows.
  (
    "al adj assn Ave BSc MSc Cell Ch Co cc Corp Dem Dept ed eg Eq Eqs est etc Ex ext Fig fig Figs figs i.e ie Inc inc " +
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec jr mi Miss Mrs Mr Ms Mol mt mts Nos PhD MD BA MA MM pl pop " +
    "pp Prof Dr pt Ref Refs Rep repr rev Sec Secs Sgt Col Gen Sen Gov Lt Maj Capt St Sr Jr Rev Sun Mon Tu Tue Tues " +
    "Wed Th Thu Thur Thurs Fri Sat trans Univ Viz Vol vs v " +
    // Public life: "Amb. Thomas-Greenfield", "Adm. Kirby", "Rt. Hon.", "Cmdr.", "Supt.", "approx. 40".
    "Adm Amb Hon Rt Cmdr Cdr Brig Pres Supt Det Insp Cpl Pvt Ft Mt Messrs Mmes Esq Ltd Bros Dist Govt approx ca cf " +
    "Nr nr Art Abs " +
    // French, German, Spanish: "Mme.", "Mlle.", "Bd.", "bzw.", "ggf.", "Hr.", "Fr.", "Sr.", "Sra.", "Dña.", "Uds.".
    "Mme Mlle Mgr Bd av Hr Fr bzw ggf usw vgl Sra Srta Dña Dn Uds Ud Vd Vds Excmo Excma Lic Ing " +
    // Russian and Ukrainian: "г.", "гг.", "р.", "рр.", "им.", "ім.", "ул.", "вул.", "проф.", "акад.", "т.", "тыс.".
    "г гг р рр им ім ул вул пр просп проф акад тыс тис млн млрд руб грн коп стр ст см"
  ).split(" ");

/** "U.S.", "e.g.", "i.e.", "a.m.": a letter and a stop, twice or more. */
const DOTTED_ABBREVIATION = /^(?:\p{L}\.){2,}$/u;

/** Whether a word written with its full stop ("Gen.", "U.S.", "S.") is an abbreviation or an initial. */
export function isAbbreviation(word: string): boolean {
  const bare = word.replace(/^["'“‘«(\[]+/u, "");
  if (!bare.endsWith(".")) return false;
  // An initial ("Jens S. Stoltenberg", "В. Зеленський").
  if (/^\p{L}\.$/u.test(bare)) return true;
  // "5 p.m." at the end of a line more often closes the sentence than not.
  if (DOTTED_ABBREVIATION.test(bare)) return !/^[ap]\.m\.$/i.test(bare);
  return ABBREVIATION_SET.has(bare.slice(0, -1));
}

const ABBREVIATION_SET: ReadonlySet<string> = new Set(ABBREVIATIONS);

/**
 * Splits running text at sentence ends, never after an abbreviation or an initial ("Mr.", "U.S.", "No. 10",
 * "Jens S. Stoltenberg"). sbd does the segmenting (rule-based, fast enough for a three-hour transcript); its
 * sentences are then cut from the original text so spacing (non-breaking spaces included) survives.
 */
export function splitSentences(text: string): string[] {
  if (!/[.!?…]/u.test(text)) {
    const whole = text.trim();
    return whole ? [whole] : [];
  }
  const segmented = segmentSentences(text, { abbreviations: ABBREVIATIONS });
  const sentences: string[] = [];
  let position = 0;
  for (const sentence of segmented) {
    // sbd rejoins words with single spaces; the sentence ends where as many non-space characters have passed.
    let remaining = sentence.replace(/\s+/g, "").length;
    const start = position;
    while (position < text.length && remaining > 0) {
      if (!/\s/.test(text.charAt(position))) remaining--;
      position++;
    }
    const piece = text.slice(start, position).trim();
    if (piece) sentences.push(piece);
  }
  const rest = text.slice(position).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
