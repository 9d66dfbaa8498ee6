// Transcription-tool exports that put the speaker and a time on a line of their own, the turn on the lines after:
// Otter ("Dana Whitfield  0:34", "Unknown Speaker  1:02:11", a "Transcribed by https://otter.ai" footer) and Rev /
// Descript ("Dana Whitfield (00:01:02):", alone or followed by the text, "Speaker 1 [00:01:02]", or
// "Dana Whitfield  00:01:02", under Rev's "Transcript by Rev.com" header). Both name unidentified voices "Speaker 1".
import type { Removal, SourceLine } from "../source";
import type { ParsedSpeaker } from "../types";
import { labelledSpeaker } from "./names";
import { clockMs, isPaddedClock, nameThenTime } from "./timestamps";
import type { SpeakerConvention, TurnLabel } from "./types";

const OTTER_FOOTER = /^transcribed by\s+(?:https?:\/\/)?(?:www\.)?otter\.ai\/?$/i;
const FOOTER_REMOVAL: Removal = { code: "tool-footer", reason: "Footer added by Otter.ai, not speech." };

/** "Dana Whitfield (00:01:02): text", "Speaker 1 (00:12):", "Speaker 1 [01:02:45]" (Rev's other layout). */
const NAME_TIME_IN_BRACKETS =
  /^(\S.{0,59}?)\s*(?:\((\d{1,2}:\d{2}(?::\d{2})?)\)\s*:|\[(\d{1,2}:\d{2}(?::\d{2})?)\]\s*(?::|$))\s*(.*)$/su;

/** The lines Rev puts above the first turn: "Transcript by Rev.com", "This transcript was exported on …". */
const REV_HEADER =
  /^(?:transcript by rev\.com|this transcript was exported on .{4,40}?(?:\s*[-–—]\s*view latest version here)?\.?)$/i;
const REV_HEADER_REMOVAL: Removal = { code: "tool-footer", reason: "Header added by Rev, not speech." };

/** A name as the tool prints it ("Dana Whitfield", "Speaker 1", "Unknown Speaker"), not words that end in a time. */
function toolSpeaker(name: string): ParsedSpeaker | null {
  return labelledSpeaker(name, true);
}

function readNameThenTime(line: SourceLine): TurnLabel | null {
  const label = nameThenTime(line.raw);
  const speaker = label ? toolSpeaker(label.name) : null;
  return label && speaker ? { speaker, startMs: label.startMs, rest: "" } : null;
}

function readNameTimeInBrackets(line: SourceLine): TurnLabel | null {
  const match = NAME_TIME_IN_BRACKETS.exec(line.text);
  const startMs = match ? clockMs(match[2] ?? match[3] ?? "") : null;
  const speaker = match && startMs !== null ? toolSpeaker(match[1] ?? "") : null;
  return match && speaker ? { speaker, startMs, rest: match[4] ?? "" } : null;
}

export const otter: SpeakerConvention = {
  id: "otter",
  name: "Otter.ai export",
  readLabel: readNameThenTime,
  evidence(line) {
    const label = nameThenTime(line.raw);
    if (label) return isPaddedClock(label.time) ? "shared" : "distinctive";
    return OTTER_FOOTER.test(line.text.trim()) ? "distinctive" : null;
  },
  furniture(line) {
    return OTTER_FOOTER.test(line.text.trim()) ? FOOTER_REMOVAL : null;
  },
};

export const revDescript: SpeakerConvention = {
  id: "rev",
  name: "Rev / Descript export",
  readLabel(line) {
    return readNameTimeInBrackets(line) ?? readNameThenTime(line);
  },
  evidence(line) {
    if (readNameTimeInBrackets(line)) return "distinctive";
    const label = nameThenTime(line.raw);
    if (label) return isPaddedClock(label.time) ? "distinctive" : "shared";
    return null;
  },
  furniture(line, index, firstTurn) {
    return index < firstTurn && REV_HEADER.test(line.text.trim()) ? REV_HEADER_REMOVAL : null;
  },
};
