// Hearing transcripts as captioning services and committee video pages export them: "[01:02:03] Chairman Peters:"
// on its own line, the words on the next, indented line(s); the committee and date above the first speaker are the
// transcript's heading.
import type { SourceLine } from "../source";
import { headingAboveFirstTurn } from "./headings";
import { labelledSpeaker } from "./names";
import { clockMs } from "./timestamps";
import type { SpeakerConvention, TurnLabel } from "./types";

const TIMED_LABEL = /^\[(\d{1,2}:\d{2}(?::\d{2})?)\]\s*([^:\]]{1,60}?)\s*:\s*(.*)$/su;

function readHearingLabel(line: SourceLine): TurnLabel | null {
  const match = TIMED_LABEL.exec(line.text);
  if (!match) return null;
  const startMs = clockMs(match[1] ?? "");
  const speaker = labelledSpeaker(match[2] ?? "", true);
  return startMs !== null && speaker ? { speaker, startMs, rest: match[3] ?? "" } : null;
}

export const hearing: SpeakerConvention = {
  id: "hearing",
  name: "Hearing transcript",
  readLabel: readHearingLabel,
  furniture: headingAboveFirstTurn,
};
