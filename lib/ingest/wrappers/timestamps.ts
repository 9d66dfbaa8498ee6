// Timestamps written into a typed transcript ("[12:03]", "\[12:03\]" as Markdown escapes it, "[01:02:03]",
// "(00:12:31)", "Break: [34:10]"): times in the recording, read as the start time of the words that follow.

/** mm:ss or h:mm:ss, optionally with a fraction; escaped or not, in square brackets or parentheses or bare. */
const TIME = String.raw`((?:\d{1,2}:)?\d{1,3}:[0-5]\d(?:[.,]\d{1,3})?)`;
const OPEN = String.raw`\\?[[(]`;
const CLOSE = String.raw`\\?[\])]`;

/** A line that is only a time, perhaps under a short label: "[12:03]", "00:12:31", "Break: [34:10]". */
const TIMESTAMP_LINE = new RegExp(
  String.raw`^(?:([\p{L}][\p{L} ]{0,24}?)\s*[:\-–—]\s*)?(?:${OPEN}\s*${TIME}\s*${CLOSE}|${TIME})\s*\.?$`,
  "u",
);

/** A bracketed time opening a line of speech: "[14:47] And that's the thing." */
const LEADING_TIMESTAMP = new RegExp(String.raw`^${OPEN}\s*${TIME}\s*${CLOSE}\s*(?:[-–—]\s*)?(?=\S)`, "u");

export function timecodeToMs(timecode: string): number {
  const [clock = "", fraction = ""] = timecode.split(/[.,]/);
  const parts = clock.split(":").map(Number);
  const seconds = parts.reduce((total, part) => total * 60 + part, 0);
  return seconds * 1000 + (fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0);
}

export interface TimestampLine {
  ms: number;
  /** "Break" in "Break: [34:10]". */
  label: string | null;
}

export function readTimestampLine(text: string): TimestampLine | null {
  const trimmed = text.trim();
  // The longest is a short label and an escaped h:mm:ss.fff: anything longer is speech, not worth the regex.
  if (trimmed.length > 48) return null;
  const match = TIMESTAMP_LINE.exec(trimmed);
  if (!match) return null;
  const timecode = match[2] ?? match[3] ?? "";
  return { ms: timecodeToMs(timecode), label: match[1]?.trim() || null };
}

export interface LeadingTimestamp {
  ms: number;
  /** The words after the time. */
  rest: string;
}

export function readLeadingTimestamp(text: string): LeadingTimestamp | null {
  const match = LEADING_TIMESTAMP.exec(text.trim());
  if (!match) return null;
  return { ms: timecodeToMs(match[1] ?? ""), rest: text.trim().slice(match[0].length) };
}

/** "34:10" or "1:02:03" for the reporter. */
export function formatTimecode(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}
