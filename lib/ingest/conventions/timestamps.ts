// Timestamps as transcription tools print them beside a name: "0:34", "1:02:11", "00:01:02", "00:12".

/** "0:34" → 34 000, "1:02:11" → 3 731 000; null when a field is out of range. */
export function clockMs(text: string): number | null {
  const fields = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!fields) return null;
  const numbers = [fields[1], fields[2], fields[3]].flatMap((field) => (field === undefined ? [] : [Number(field)]));
  const [hours, minutes, seconds] = numbers.length === 3 ? numbers : [0, ...numbers];
  if ((minutes ?? 0) > 59 || (seconds ?? 0) > 59) return null;
  const fraction = Number((fields[4] ?? "0").padEnd(3, "0"));
  return (((hours ?? 0) * 60 + (minutes ?? 0)) * 60 + (seconds ?? 0)) * 1000 + fraction;
}

/** A time written the way Rev and Descript write it: every field two digits, hours included ("00:01:02"). */
export function isPaddedClock(text: string): boolean {
  return /^\d{2}:\d{2}:\d{2}$/.test(text.trim());
}

const NAME_THEN_TIME = /^(\S.{0,59}?)[ \t\u00A0]{2,}(\d{1,2}:\d{2}(?::\d{2})?)$/u;

/** "Dana Whitfield  0:34" alone on a line (Otter, and Rev's "Name  00:01:02"): the name and the time. */
export function nameThenTime(raw: string): { name: string; time: string; startMs: number } | null {
  const match = NAME_THEN_TIME.exec(raw.trim());
  if (!match) return null;
  const name = match[1] ?? "";
  const time = match[2] ?? "";
  const startMs = clockMs(time);
  // A name, not the end of a sentence that happens to end with a time.
  if (startMs === null || /[.,;!?]$/.test(name) || name.split(/\s+/).length > 6) return null;
  return { name, time, startMs };
}

/** A bracketed time opening the words after a label: "[07:47] ", "\[1:02:45\] — ", "(00:12) ". */
const TIME_AFTER_LABEL = /^\\?[[(]\s*((?:\d{1,2}:)?\d{1,3}:[0-5]\d(?:[.,]\d{1,3})?)\s*\\?[\])](?:\s*[-–—](?=\s))?\s*/u;

/**
 * "Name: [07:47] text" and "**Name:** \[07:47\] text": the time right after a label is when the turn starts, not
 * words said. Only a bracketed time is taken, so "A: 10:30, I think." keeps its answer.
 */
export function timeAfterLabel(rest: string): { startMs: number; rest: string } | null {
  const match = TIME_AFTER_LABEL.exec(rest.trim());
  if (!match) return null;
  const [clock = "", fraction = ""] = (match[1] ?? "").split(/[.,]/);
  const seconds = clock.split(":").reduce((total, field) => total * 60 + Number(field), 0);
  const startMs = seconds * 1000 + (fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0);
  return { startMs, rest: rest.trim().slice(match[0].length) };
}
