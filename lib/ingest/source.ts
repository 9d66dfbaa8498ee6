// The shape every format parser hands to the later stages: the file as a list of lines, each knowing where it came
// from, which block (cue, segment, paragraph run) it belongs to and what the format itself says about it.
import type { ParsedSpeaker, RemovalReasonCode, SourceFormat } from "./types";
import type { Dateline, FrontMatter } from "./wrappers";

export interface Removal {
  code: RemovalReasonCode;
  reason: string;
}

/** A change of speaker the file's speaker convention reads at the start of a line (see lib/ingest/conventions). */
export interface Turn {
  /** Who speaks from here; "answer" for "A:" (the person the transcript is about); null for an unnamed ">>". */
  speaker: ParsedSpeaker | "answer" | null;
  /** The time the label gives ("Dana Whitfield  0:34"), when it gives one. */
  startMs: number | null;
}

export interface SourceLine {
  /** 1-based line in the decoded text; for a Word file, the paragraph number. */
  line: number;
  /** The line as it appears in the file, for the removal report. */
  raw: string;
  /** The words of the line, with the format's own markup (subtitle tags, Markdown emphasis) removed. */
  text: string;
  /** Lines of one cue, one JSON segment, or one run of plain-text lines between blank lines share a block. */
  block: number;
  /** The speaker the format itself names: a WebVTT voice or a JSON speaker field. */
  voice: string | null;
  startMs: number | null;
  endMs: number | null;
  /** A line that is its own paragraph whatever surrounds it, such as a Markdown section heading. */
  standalone: boolean;
  /** Set by the format parser when it already knows the line is not speech (markup only, a caption repeat). */
  removal: Removal | null;
  /** Set when the line opens a speaker's turn; `text` then no longer holds the label. */
  turn?: Turn;
}

export interface ParsedSource {
  format: SourceFormat;
  lines: SourceLine[];
  /** Index in `lines` of the line the format marks as the title (a Markdown "# heading", a Word heading). */
  headingIndex: number | null;
  /** True for subtitles and for JSON with times. */
  timed: boolean;
  warnings: string[];
  /** Title, date, place and source URL from a YAML or TOML front matter block (Markdown and text only). */
  frontMatter?: FrontMatter | null;
  /** Place and clock times from the transcript's own dateline and clock lines (Markdown and text only). */
  dateline?: Dateline | null;
  /** A title the file itself states, such as a WebVTT header's "WEBVTT - Press briefing". */
  title?: string | null;
}

/** A line with the defaults most formats use; parsers override what they know. */
export function sourceLine(
  fields: Pick<SourceLine, "line" | "raw" | "text" | "block"> & Partial<SourceLine>,
): SourceLine {
  return { voice: null, startMs: null, endMs: null, standalone: false, removal: null, ...fields };
}
