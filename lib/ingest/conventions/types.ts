// What a speaker convention is: how to recognise it on a file's opening lines, and how to read its turns.
import type { Removal, SourceLine, Turn } from "../source";

/** A label read at the start of a line: who speaks, from when, and the words after the label. */
export interface TurnLabel extends Turn {
  /** The rest of the line, label and timestamp taken off ("" when the label stands alone). */
  rest: string;
}

export type Evidence = "distinctive" | "shared" | null;

export interface SpeakerConvention {
  /** Stable, for the code: "government", "otter". */
  id: string;
  /** For the reporter, as the preview shows it: "Otter.ai export". */
  name: string;
  /** The turn this line opens, or null. */
  readLabel(line: SourceLine): TurnLabel | null;
  /**
   * What this line says about the file being in this convention: "distinctive" when only this convention reads it
   * so, "shared" when others read it alike ("Q:"), null when it says nothing. Detection counts both over the
   * opening lines; a convention needs one distinctive line to be chosen. Default: every label read is distinctive.
   */
  evidence?(line: SourceLine): Evidence;
  /**
   * A line that is the convention's own furniture, not speech (a tool's footer, a transcript's "END 2:14 P.M. EDT"),
   * given all lines and the index of the first turn.
   */
  furniture?(line: SourceLine, index: number, firstTurn: number): Removal | null;
}
