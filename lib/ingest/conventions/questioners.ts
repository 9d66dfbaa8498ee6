// Named questioners. A reporter who introduces themself at the start of a question ("Ana Ribeiro, Público.",
// "Marta Kowalczyk from Polish Radio, thank you.", "Hi, Tom Jones with Reuters.") is that question's speaker: their
// name, role questioner, their outlet. The introduction stays in the text, because it was said.
//
// Follow-ups: an unintroduced question goes to the last named questioner when it comes straight after their
// question (no answer between: they kept the floor), or right after the one answer to them and it reads as a
// follow-up ("And…", "But…", "So…", "Just to follow up…", "What about…", "Is that…"). Any other unintroduced
// question stays "Question": a briefing moves on to a new reporter far more often than it says so.
import type { SourceLine } from "../source";
import type { ParsedSpeaker } from "../types";
import { isPersonName } from "./names";
import { QUESTION } from "./plain-labels";

const GREETING =
  "(?:(?:[Hh]i|[Hh]ello|[Hh]ey|[Yy]es|[Yy]eah|[Ss]ure|[Tt]hanks|[Tt]hank you(?: very much| so much)?|[Gg]ood (?:morning|afternoon|evening))(?:,? (?:everyone|everybody|sir|ma[’']am))?[,.!]?\\s+)*";
/** An optional form of address after the greeting: "Thanks, Karine. Ana Ribeiro, Público." */
const VOCATIVE = "(?:\\p{Lu}[\\p{Ll}’'-]+[,.!]\\s+)?";
const NAME = "(\\p{Lu}[\\p{L}’'.-]+(?:\\s+(?:\\p{Lu}[\\p{L}’'.-]+|von|van|der|de|da|del|di|du|la|le|bin|al)){1,3})";
const OUTLET_WORD = "[\\p{Lu}\\p{N}][\\p{L}\\p{N}’'&.\\-]*";
const OUTLET = `((?:The\\s+)?${OUTLET_WORD}(?:\\s+(?:${OUTLET_WORD}|of|de|du|des|la|le|di|für|and|&|am|in)){0,5})`;
/** The outlet ends at punctuation (", thank you.", ". My question…") or with the line. */
const OUTLET_END = "(?=[.,;:!?—–]|$)";
const CONNECTOR = "\\s+(?:from|with|of|at|for)\\s+(?:the\\s+)?";
const OPENING = `^${GREETING}${VOCATIVE}`;
const INTRODUCTIONS = [
  new RegExp(
    `${OPENING}(?:I[’']m|I am|[Tt]his is|[Mm]y name is)\\s+${NAME}(?:,\\s*|${CONNECTOR})${OUTLET}${OUTLET_END}`,
    "u",
  ),
  new RegExp(`${OPENING}${NAME}${CONNECTOR}${OUTLET}${OUTLET_END}`, "u"),
  new RegExp(`${OPENING}${NAME},\\s*${OUTLET}${OUTLET_END}`, "u"),
];

const FOLLOW_UP =
  /^(?:(?:and|but|so|also|just|then|okay|ok|sorry|one more|follow[- ]?up|a follow[- ]?up|a quick follow|quick follow|to follow up|can i follow|could i follow|if i could|on that|on the same|what about|how about|does that mean|is that|are you saying|to be clear)\b|.{0,40}\bfollow[- ]?up\b)/i;

/** The questioner a question's opening words introduce, or null. */
export function introducedQuestioner(text: string): ParsedSpeaker | null {
  for (const pattern of INTRODUCTIONS) {
    const match = pattern.exec(text.trim());
    const name = match?.[1];
    const outlet = match?.[2]?.trim();
    if (!name || !outlet || !isPersonName(name.split(/\s+/))) continue;
    return { name, title: null, role: "questioner", outlet };
  }
  return null;
}

export function readsAsFollowUp(text: string): boolean {
  return FOLLOW_UP.test(text.trim());
}

function isAnonymousQuestion(speaker: ParsedSpeaker | "answer" | null): boolean {
  return typeof speaker === "object" && speaker?.name === QUESTION.name && speaker.role === "questioner";
}

/** The first words of the turn opened at `index`: on its line, or on the next lines when the label stands alone. */
function openingWords(lines: readonly SourceLine[], index: number): string {
  for (let next = index; next < lines.length && next < index + 4; next++) {
    const line = lines[next];
    if (!line || (next > index && line.turn)) break;
    if (line.text.trim() !== "" && line.removal === null) return line.text;
  }
  return "";
}

/** Credits introduced questions and their follow-ups to the questioner; `lines` are the reader's own copies. */
export function nameQuestioners(lines: SourceLine[]): void {
  let lastNamed: ParsedSpeaker | null = null;
  /** Turns by anyone else since the last named question. */
  let answersSince = 0;
  lines.forEach((line, index) => {
    const turn = line.turn;
    if (!turn) return;
    if (!isAnonymousQuestion(turn.speaker)) {
      answersSince++;
      return;
    }
    const words = openingWords(lines, index);
    const introduced = introducedQuestioner(words);
    const followsUp = lastNamed && (answersSince === 0 || (answersSince === 1 && readsAsFollowUp(words)));
    const speaker = introduced ?? (followsUp ? lastNamed : null);
    if (speaker) {
      line.turn = { ...turn, speaker };
      lastNamed = speaker;
      answersSince = 0;
    } else {
      lastNamed = null;
    }
  });
}
