// What each transcript-JSON reader returns: utterances in spoken order, each with its speaker and times.
import type { Removal } from "../../source";
import type { ParsedSpeaker } from "../../types";

export interface JsonUtterance {
  speaker: string | null;
  text: string;
  startMs: number | null;
  endMs: number | null;
  /** Set when the tool itself marks this text as superseded (a streaming partial result). */
  removal?: Removal | null;
  /** Text to look for in the file to give the utterance a line number (defaults to `text`). */
  anchor?: string;
  /**
   * A finished paragraph (Verbatim's own JSON): it stays one paragraph, of `speakerDetails` (null: nobody's), with
   * its own times, rather than being joined to the same speaker's next utterance or split at sentences.
   */
  isParagraph?: boolean;
  speakerDetails?: ParsedSpeaker | null;
}

export interface TranscriptJsonReader {
  /** "assemblyai", "deepgram", … */
  id: string;
  /**
   * How the shape is named in the message for a JSON file no reader accepts; null for Verbatim's own JSON, which names
   * itself and is not something to write by hand.
   */
  shape: string | null;
  /** The utterances, or null when the document is not this tool's shape. */
  read(document: unknown, warnings: string[]): JsonUtterance[] | null;
  /** The title the document itself states, when the shape has one. */
  title?(document: unknown): string | null;
}
