// What each transcript-JSON reader returns: utterances in spoken order, each with its speaker and times.
import type { Removal } from "../../source";

export interface JsonUtterance {
  speaker: string | null;
  text: string;
  startMs: number | null;
  endMs: number | null;
  /** Set when the tool itself marks this text as superseded (a streaming partial result). */
  removal?: Removal | null;
  /** Text to look for in the file to give the utterance a line number (defaults to `text`). */
  anchor?: string;
}

export interface TranscriptJsonReader {
  /** "assemblyai", "deepgram", … */
  id: string;
  /** How the shape is named in the message for a JSON file no reader accepts. */
  shape: string;
  /** The utterances, or null when the document is not this tool's shape. */
  read(document: unknown, warnings: string[]): JsonUtterance[] | null;
}
