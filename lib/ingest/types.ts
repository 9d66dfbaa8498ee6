// The contract of the ingestion pipeline: what goes in, what comes out, and how it refuses. Every interface (the
// upload page, POST /api/transcripts, `npm run ingest`) calls `ingestFile()` from lib/ingest and nothing else.
import { AppError, type IngestErrorCode } from "@/lib/errors";

export const SOURCE_FORMATS = ["txt", "md", "srt", "vtt", "docx", "json"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export interface IngestInput {
  /** The uploaded file exactly as received. Never modified. */
  bytes: Uint8Array;
  /** As uploaded; used as a hint for the format, never trusted alone. "pasted.txt" for pasted text. */
  filename: string;
  /** The browser's or client's media type, if any; a hint only. */
  mediaType?: string | null;
  /** Ids of removed lines (RemovedLine.id) the reporter chose to keep. */
  restore?: readonly number[];
  /**
   * Short forms of a name the reporter wants kept apart from the full name they were merged into
   * (SpeakerMerge.from): "Dana" stays its own speaker rather than joining "Dana Whitfield".
   */
  keepSpeakersApart?: readonly string[];
}

export interface IngestOptions {
  /** Refuse files larger than this. Default: INGEST_MAX_BYTES from the environment, else 25 MB. */
  maxBytes?: number;
  /** Refuse archives (.docx) that unpack to more than this. Default: INGEST_MAX_UNPACKED_BYTES, else 64 MB. */
  maxUnpackedBytes?: number;
}

export type RemovalReasonCode =
  | "title" // the first line, moved into the transcript's title rather than the text
  | "separator" // ▬▬▬, ----, ====, ****
  | "subscribe" // "SUBSCRIBE to …", "Subscribe for more"
  | "social" // "Follow / Find us on …", "Connect with … online"
  | "link-placeholder" // a line that is only a label plus "[ Link ]" / "[ Ссылка ]" / a bare URL
  | "hashtags" // a line of hashtags only
  | "more-videos" // "More videos!", "Ещё видео!", "Plus de vidéos !", …
  | "caption-repeat" // a rolling-caption line repeating the previous cue
  | "markup" // a line that was only subtitle markup
  | "empty-cue" // a subtitle cue with no text left
  | "front-matter" // a YAML / TOML header block, read for title, date, place and source
  | "html" // HTML blocks and tags inside Markdown that are not words (scripts, embeds, layout)
  | "dateline" // "Aboard Marine One", "2:14 P.M. EDT": read for place and time, not speech
  | "timestamp" // a clock or timecode line on its own ("[12:03]", "Break: [34:10]"), read as timing
  | "tool-footer" // a transcription tool's own line: "Transcribed by https://otter.ai"
  | "stream-repeat" // streaming recognition re-emitting text already kept
  | "subtitle-block"; // a WebVTT NOTE, STYLE or REGION block

export interface RemovedLine {
  /** Stable within one parse of the same bytes: pass it back in IngestInput.restore to keep the line. */
  id: number;
  /** 1-based line in the decoded text (for subtitles: the cue's first text line). */
  line: number;
  text: string;
  reasonCode: RemovalReasonCode;
  /** One sentence for the reporter: "Channel footer: subscribe prompt". */
  reason: string;
}

export type SpeakerRole = "moderator" | "questioner" | "official" | "speaker";

export interface ParsedSpeaker {
  name: string;
  /** Title or affiliation, e.g. "NATO Secretary General". */
  title: string | null;
  role: SpeakerRole | null;
  /** For questioners labelled "Name (Outlet):". */
  outlet: string | null;
}

export interface ParsedSegment {
  /** ParsedSpeaker.name, or null when unattributed. */
  speaker: string | null;
  /** One readable paragraph, label removed. */
  text: string;
  startMs: number | null;
  endMs: number | null;
}

export type EntityType = "person" | "org" | "place";

export interface ParsedEntity {
  type: EntityType;
  name: string;
  mentions: number;
}

/** A short form of a name joined to the full name that ends or starts with it ("Dana" → "Dana Whitfield"). */
export interface SpeakerMerge {
  from: string;
  into: string;
}

/** The speaker convention recognised in the file, for the preview: "Government transcript", "Otter export". */
export interface RecognisedConvention {
  id: string;
  name: string;
}

export interface IngestResult {
  source: {
    filename: string;
    bytes: number;
    sha256: string;
    /** "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252", "iso-8859-1"; "binary" for docx. */
    encoding: string;
    format: SourceFormat;
    mediaType: string;
  };
  title: string | null;
  /** "YYYY-MM-DD" or null. */
  occurredAt: string | null;
  place: string | null;
  /** Where the transcript was published, when the file says so (a front matter `source:` or `url:`); else null. */
  sourceUrl: string | null;
  /** ISO 639-1 where one exists ("en", "fr"), else ISO 639-3; null when the text is too short to tell. */
  language: string | null;
  speakers: ParsedSpeaker[];
  /** Short forms joined to a full name; pass `from` in IngestInput.keepSpeakersApart to undo one. */
  speakerMerges: SpeakerMerge[];
  /** The speaker convention that best fits the file's opening lines; null when none applies. */
  convention: RecognisedConvention | null;
  segments: ParsedSegment[];
  removed: RemovedLine[];
  entities: ParsedEntity[];
  warnings: string[];
  wordCount: number;
  /** For timed sources (srt, vtt, json with times): last end minus first start. */
  durationMs: number | null;
}

export { INGEST_ERROR_CODES, type IngestErrorCode } from "@/lib/errors";

/**
 * A file Verbatim refuses: an AppError like any other expected failure (one status map, lib/errors.ts), with a code
 * of its own. `message` is one line for the reporter, naming the problem and what to do.
 */
export class IngestError extends AppError {
  declare readonly code: IngestErrorCode;

  constructor(code: IngestErrorCode, message: string) {
    super(code, message);
    this.name = "IngestError";
  }
}
