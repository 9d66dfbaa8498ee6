import { formatTimecode } from "@/lib/format/timecode";

/**
 * Reads what someone types into a timing field: "42", "1:03", "01:03", "1:02:03", each with optional decimals on
 * the seconds ("1:03.5"). Answers milliseconds, or null when the text is not a timecode.
 */
export function parseTimecode(input: string): number | null {
  const text = input.trim();
  const match = /^(?:(?:(\d+):)?(\d{1,2}):)?(\d+)(?:[.,](\d{1,3}))?$/.exec(text);
  if (!match) return null;
  const [, hoursText, minutesText, secondsText = "0", fractionText] = match;
  const hours = hoursText ? Number(hoursText) : 0;
  const minutes = minutesText ? Number(minutesText) : 0;
  const seconds = Number(secondsText);
  // "1:75" is a typo, not 2:15; a bare number of seconds may be any size.
  if (minutesText !== undefined && seconds >= 60) return null;
  if (hoursText !== undefined && minutes >= 60) return null;
  const milliseconds = fractionText ? Number(fractionText.padEnd(3, "0")) : 0;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + milliseconds;
}

/** Like formatTimecode, but keeps the milliseconds when there are any, so editing a field loses no precision. */
export function formatTimecodePrecise(milliseconds: number): string {
  const whole = formatTimecode(milliseconds);
  const fraction = Math.round(milliseconds) % 1000;
  if (fraction === 0) return whole;
  return `${whole}.${String(fraction).padStart(3, "0").replace(/0+$/, "")}`;
}
