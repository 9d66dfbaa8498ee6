// The speaker conventions Verbatim reads, in one ordered list: detection scores each on the opening lines and the
// best wins, a tie going to the earlier (more specific) one. A new convention is a new module added here.
import type { SourceLine } from "../source";
import type { RecognisedConvention } from "../types";
import { government } from "./government";
import { hearing } from "./hearing";
import { markdownBold } from "./markdown-bold";
import { plainLabels } from "./plain-labels";
import { nameQuestioners } from "./questioners";
import { timeAfterLabel } from "./timestamps";
import { otter, revDescript } from "./tool-exports";
import type { SpeakerConvention } from "./types";

export const SPEAKER_CONVENTIONS: readonly SpeakerConvention[] = [
  government,
  otter,
  revDescript,
  hearing,
  markdownBold,
  // Last: it reads what most others also read, and is the fallback when none fits.
  plainLabels,
];

/** How many kept lines from the top detection looks at. */
const OPENING_LINES = 40;

export interface ConventionReading {
  convention: RecognisedConvention | null;
  /** The lines, each label taken off its text and read into `turn`, the convention's furniture marked removed. */
  lines: SourceLine[];
}

/** The convention that best fits the opening lines; plain labels when none has a line only it reads. */
export function detectConvention(lines: readonly SourceLine[]): SpeakerConvention {
  const opening = lines.filter((line) => line.removal === null && !line.standalone).slice(0, OPENING_LINES);
  let best = plainLabels;
  let bestScore = 0;
  for (const convention of SPEAKER_CONVENTIONS) {
    let distinctive = 0;
    let score = 0;
    for (const line of opening) {
      const evidence = convention.evidence
        ? convention.evidence(line)
        : convention.readLabel(line)
          ? "distinctive"
          : null;
      if (evidence === "distinctive") distinctive++;
      if (evidence !== null) score++;
    }
    if (distinctive > 0 && score > bestScore) {
      best = convention;
      bestScore = score;
    }
  }
  return best;
}

export function readSpeakerConvention(lines: readonly SourceLine[]): ConventionReading {
  const convention = detectConvention(lines);
  let firstTurn = -1;
  const read = lines.map((line, index): SourceLine => {
    // A heading ("# City Desk: the budget") is nobody's turn.
    if (line.removal !== null || line.standalone) return line;
    const label = convention.readLabel(line);
    if (!label) return line;
    if (firstTurn < 0) firstTurn = index;
    const time = label.startMs === null ? timeAfterLabel(label.rest) : null;
    const startMs = time?.startMs ?? label.startMs;
    return { ...line, text: time?.rest ?? label.rest, turn: { speaker: label.speaker, startMs } };
  });
  if (firstTurn < 0) return { convention: null, lines: read };
  if (convention.furniture) {
    read.forEach((line, index) => {
      if (line.turn || line.removal !== null) return;
      const removal = convention.furniture?.(line, index, firstTurn) ?? null;
      if (removal) read[index] = { ...line, removal };
    });
  }
  nameQuestioners(read);
  return { convention: { id: convention.id, name: convention.name }, lines: read };
}
