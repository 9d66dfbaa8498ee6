// The lines above the first speaker of a formal transcript (a committee's name, the venue, "1:05 P.M. EDT", the
// release line) are its heading: read for the date and place, never anyone's words.
import { countWords } from "../prose";
import type { Removal, SourceLine } from "../source";

/** A heading line is short; a longer line above the first label may be an unlabelled opening statement. */
const MAX_HEADING_WORDS = 15;

const HEADING_REMOVAL: Removal = {
  code: "dateline",
  reason: "Heading above the first speaker (venue, time or release line), not speech.",
};

export function headingAboveFirstTurn(line: SourceLine, index: number, firstTurn: number): Removal | null {
  return index < firstTurn && countWords(line.text) <= MAX_HEADING_WORDS ? HEADING_REMOVAL : null;
}
