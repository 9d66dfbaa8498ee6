// Reading JSON text, and the small helpers every transcript-JSON reader shares.

export type JsonObject = Record<string, unknown>;

/**
 * The document: a JSON value, or JSON Lines (one object per line, as streaming tools log their results) as a list.
 * Null when the text is neither, or is a bare string or number.
 */
export function parseJsonDocument(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? value : null;
  } catch {
    return parseJsonLines(text);
  }
}

function parseJsonLines(text: string): JsonObject[] | null {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  if (lines.length < 2) return null;
  const values: JsonObject[] = [];
  for (const line of lines) {
    try {
      const value: unknown = JSON.parse(line);
      if (!isObject(value)) return null;
      values.push(value);
    } catch {
      return null;
    }
  }
  return values;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The objects in a list (anything else in it is ignored); an empty list when `value` is not one. */
export function objectsIn(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

export function stringField(object: JsonObject, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = object[key];
    if (typeof value === "string") return value;
  }
  return null;
}

/** Seconds as a number, or "1:02.5", "00:01:02,500", "62.5", "3.5s" as a string, to milliseconds. */
export function secondsToMs(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : null;
  if (typeof value !== "string") return null;
  const match = /^\s*(?:(?:(\d+):)?(\d+):)?(\d+(?:[.,]\d+)?)s?\s*$/.exec(value);
  if (!match) return null;
  const [, hours = "0", minutes = "0", seconds = "0"] = match;
  const total = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds.replace(",", "."));
  return Math.round(total * 1000);
}

/** Milliseconds as a number (AssemblyAI), to whole milliseconds. */
export function millisecondsToMs(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
}

/** "SPEAKER_00", "spk_1", 2, "A" → "Speaker 0", "Speaker 1", "Speaker 2", "Speaker A"; names pass through. */
export function speakerName(value: unknown): string | null {
  if (typeof value === "number" && Number.isInteger(value)) return `Speaker ${value}`;
  if (typeof value !== "string" || value.trim() === "") return null;
  const speaker = value.trim();
  const numbered = /^(?:speaker|spk)[ _-]?(\d+)$/i.exec(speaker);
  if (numbered) return `Speaker ${Number(numbered[1])}`;
  // AssemblyAI labels speakers with one capital letter.
  if (/^[A-Z]$/.test(speaker)) return `Speaker ${speaker}`;
  return speaker;
}
