// "Name: text" inside subtitle cues, as Zoom writes every cue and as broadcast captions mark a change of speaker.
// The label becomes the line's voice, so one speaker's run of cues is one turn; it lasts until the next label or a
// long pause, so a label near the start of a film is not credited with the rest of it.
import type { Removal } from "../source";
import { parseSpeakerLabel } from "../speakers";

/** A silence longer than this ends the turn a label started; unlabelled cues after it are nobody's in particular. */
export const SPEAKER_LAPSE_MS = 5000;

/** Keys that subtitle editors and converters leave inside cue text: settings, not people. */
const SETTING_KEYS = new Set([
  "size",
  "position",
  "text position",
  "line",
  "line position",
  "align",
  "alignment",
  "font",
  "font size",
  "color",
  "colour",
  "style",
  "region",
  "kind",
  "language",
  "encoding",
  "resolution",
  "vertical",
]);

/** Keys of a subtitler's or captioner's credit: their line, not anybody's speech. */
const CREDIT_KEYS = new Set([
  "subtitles",
  "subtitle",
  "subtitled by",
  "subtitles by",
  "captions",
  "captions by",
  "captioned by",
  "captioning",
  "translated by",
  "subtitle translation",
  "synced by",
  "sync",
  "synchronised by",
  "synchronized by",
  "timing",
  "ripped by",
  "encoded by",
]);

/** Keys that introduce words that are not a speech turn: left as words, with no speaker. */
const NOT_SPEAKER_KEYS = new Set([
  "translation",
  "translator",
  "transcription",
  "transcript",
  "source",
  "credits",
  "title",
  "episode",
  "season",
  "chapter",
  "scene",
  "music",
  "lyrics",
  "sign",
  "on screen",
  "text",
]);

const CREDIT_REMOVAL: Removal = { code: "tool-footer", reason: "Subtitler’s credit, not speech." };
const SETTING_REMOVAL: Removal = { code: "markup", reason: "Subtitle setting written into the cue text, not words." };

export type CueLabel =
  | { kind: "speaker"; voice: string; rest: string }
  /** Broadcast captions' ">>" (">>>" a new story): someone else speaks now, not named. */
  | { kind: "change"; rest: string }
  | { kind: "setting"; removal: Removal }
  | { kind: "none" };

const LABEL = /^(?:-\s*)?([^:]{1,60}?)\s*:(?:\s+(.*))?$/s;

/** What a "Key:" at the start of a cue line is: a speaker, a setting or credit to set aside, or neither. */
export function readCueLabel(text: string): CueLabel {
  // ">> SHERIFF OKAFOR: …" names the speaker; ">> …" alone only says the speaker changed.
  const chevrons = /^\s*>>+\s*/.exec(text);
  if (chevrons) {
    const rest = text.slice(chevrons[0].length);
    const named = readCueLabel(rest);
    return named.kind === "speaker" ? named : { kind: "change", rest: rest.trim() };
  }
  const match = LABEL.exec(text.trim());
  if (!match) return { kind: "none" };
  const key = (match[1] ?? "").trim();
  const lowerKey = key.toLowerCase().replace(/\s+/g, " ");
  if (SETTING_KEYS.has(lowerKey)) return { kind: "setting", removal: SETTING_REMOVAL };
  if (CREDIT_KEYS.has(lowerKey)) return { kind: "setting", removal: CREDIT_REMOVAL };
  if (NOT_SPEAKER_KEYS.has(lowerKey)) return { kind: "none" };
  const label = parseSpeakerLabel(`${key}: ${match[2] ?? ""}`);
  if (label?.kind !== "named") return { kind: "none" };
  return { kind: "speaker", voice: key, rest: (match[2] ?? "").trim() };
}
