// Government transcripts (White House, State Department, Pentagon): officials labelled by office or honorific in
// capitals ("MS. JEAN-PIERRE:", "THE PRESIDENT:", "SECRETARY BLINKEN:"), questions by a bare "Q" and two spaces or
// a non-breaking space ("Q    Thank you, Karine."), or "Q:" / "Q.". The lines above the first speaker (venue, clock
// time, release line) and the closing "END  2:14 P.M. EDT" are the transcript's furniture, not speech.
import type { Removal, SourceLine } from "../source";
import type { ParsedSpeaker } from "../types";
import { headingAboveFirstTurn } from "./headings";
import { displayName } from "./names";
import { parseSpeakerLabel, QUESTION, turnFromLabel } from "./plain-labels";
import type { SpeakerConvention, TurnLabel } from "./types";

const OFFICES = [
  "VICE PRESIDENT",
  "PRESIDENT",
  "FIRST LADY",
  "SECOND GENTLEMAN",
  "DEPUTY SECRETARY",
  "UNDER SECRETARY",
  "ASSISTANT SECRETARY",
  "SECRETARY",
  "PRIME MINISTER",
  "CHANCELLOR",
  "AMBASSADOR",
  "ADMIRAL",
  "GENERAL",
  "SENATOR",
  "GOVERNOR",
  "ADMINISTRATOR",
  "DIRECTOR",
  "SPEAKER",
  "LEADER",
  "MAYOR",
  "MR.",
  "MS.",
  "MRS.",
  "DR.",
];
/** Anonymous officials of background calls: "SENIOR ADMINISTRATION OFFICIAL:". */
const ANONYMOUS_OFFICIAL = /^(?:SENIOR |A )?(?:ADMINISTRATION|STATE DEPARTMENT|DEFENSE|WHITE HOUSE|U\.S\.) OFFICIAL$/;
const ANONYMOUS_LABEL =
  /^((?:SENIOR |A )?(?:ADMINISTRATION|STATE DEPARTMENT|DEFENSE|WHITE HOUSE|U\.S\.) OFFICIAL)\s*:\s*(.*)$/su;

const escaped = OFFICES.map((office) => office.replace(/[.]/g, "\\.").replace(/ /g, "\\s+")).join("|");
const OFFICIAL_LABEL = new RegExp(
  `^((?:THE\\s+)?(?:${escaped})(?:\\s+[\\p{Lu}][\\p{Lu}'’.\\-]*){0,3})\\s*:\\s*(.*)$`,
  "su",
);
/** "Q" and at least two spaces, a tab or a non-breaking space: how these transcripts mark a question. */
const BARE_Q = /^Q(?:[ \t]{2,}|[ \t]*\u00A0[\s\u00A0]*|\t\s*)(?=\S)/u;
const END_LINE = /^END(?:[\s\u00A0]+\d{1,2}:\d{2}[\s\u00A0]*[AP]\.?M\.?(?:[\s\u00A0]+[A-Z]{2,4})?)?$/u;
const END_REMOVAL: Removal = { code: "dateline", reason: "Closing time line of the transcript, not speech." };

export function officialFromLabel(label: string): ParsedSpeaker | null {
  const words = label.trim().split(/\s+/);
  const withoutThe = words[0] === "THE" ? words.slice(1) : words;
  if (ANONYMOUS_OFFICIAL.test(withoutThe.join(" "))) {
    return { name: displayName(withoutThe.join(" ")), title: null, role: "official", outlet: null };
  }
  // The office is the longest known office at the start: "VICE PRESIDENT HARRIS" is not "VICE" + "PRESIDENT HARRIS".
  const office = OFFICES.find((candidate) => withoutThe.join(" ").startsWith(candidate)) ?? "";
  const officeWords = office.split(" ").length;
  const surname = withoutThe.slice(officeWords);
  const title = displayName(office);
  // "THE PRESIDENT:" names the office alone: the speaker is the office.
  if (surname.length === 0) return { name: displayName(words.join(" ")), title, role: "official", outlet: null };
  return { name: displayName(surname.join(" ")), title, role: "official", outlet: null };
}

function readGovernmentLabel(line: SourceLine): TurnLabel | null {
  if (BARE_Q.test(line.raw.trimStart())) {
    return { speaker: { ...QUESTION }, startMs: null, rest: line.text.replace(/^Q[\s\u00A0]+/u, "") };
  }
  const official = OFFICIAL_LABEL.exec(line.text) ?? ANONYMOUS_LABEL.exec(line.text);
  if (official) {
    const speaker = officialFromLabel(official[1] ?? "");
    if (speaker) return { speaker, startMs: null, rest: official[2] ?? "" };
  }
  const label = parseSpeakerLabel(line.text);
  return label ? turnFromLabel(label) : null;
}

export const government: SpeakerConvention = {
  id: "government",
  name: "Government transcript (MR. NAME: / Q)",
  readLabel: readGovernmentLabel,
  evidence(line) {
    if (BARE_Q.test(line.raw.trimStart()) || OFFICIAL_LABEL.test(line.text) || ANONYMOUS_LABEL.test(line.text)) {
      return "distinctive";
    }
    return /^Q[.:]/.test(line.text) ? "shared" : null;
  },
  furniture(line, index, firstTurn) {
    if (END_LINE.test(line.text.trim())) return END_REMOVAL;
    return headingAboveFirstTurn(line, index, firstTurn);
  },
};
