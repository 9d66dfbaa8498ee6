// What the reporter changed in the upload preview (date, place, speaker names) and how it reaches the draft. One
// zod schema for the API, and one pure function that both the preview (to show the result) and the ingestion
// worker (to store it) apply to the parse, so what the reporter sees is what the draft gets.
import { z } from "zod";
import type { IngestResult, ParsedSpeaker } from "@/lib/ingest/types";
import { toWellFormed } from "@/lib/ingest/unicode";

export const MAX_PLACE_LENGTH = 200;
export const MAX_SPEAKER_NAME_LENGTH = 200;

/** A real calendar day: "2019-02-30" is refused, not rolled over into March. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const occurredAtSchema = z
  .string()
  .trim()
  .transform((value) => value || null)
  .refine((value) => value === null || isCalendarDate(value), "Give the date as YYYY-MM-DD, a real day.")
  .nullable();

const placeSchema = z
  .string()
  .trim()
  .max(MAX_PLACE_LENGTH, `Places are at most ${MAX_PLACE_LENGTH} characters.`)
  // JSON can carry half a surrogate pair ("\ud800"), which cannot be stored.
  .transform((value) => (value ? toWellFormed(value) : null))
  .nullable();

const speakerNameSchema = z
  .string()
  .trim()
  .min(1, "Speaker names cannot be empty.")
  .max(MAX_SPEAKER_NAME_LENGTH, `Speaker names are at most ${MAX_SPEAKER_NAME_LENGTH} characters.`)
  .transform(toWellFormed);

/**
 * Optional overrides of what the parser found. A field left out keeps the parser's value; `occurredAt` or `place`
 * given as null or "" clears it. `speakerNames` renames parsed speakers (`from` is the name in the parse); two
 * speakers renamed to one name, or one renamed to another's name, become one speaker.
 */
export const draftOverridesSchema = z.object({
  occurredAt: occurredAtSchema.optional(),
  place: placeSchema.optional(),
  speakerNames: z
    .array(z.object({ from: z.string().min(1).max(MAX_SPEAKER_NAME_LENGTH), to: speakerNameSchema }))
    .max(500, "At most 500 speaker names can be changed at once.")
    .optional(),
});

/** Short forms the reporter wants kept apart from the full name the parser joined them to (re-parses the file). */
export const keepSpeakersApartSchema = z.array(z.string().min(1).max(MAX_SPEAKER_NAME_LENGTH)).max(500);

export type DraftOverrides = z.infer<typeof draftOverridesSchema>;

export interface SpeakerNameChange {
  from: string;
  to: string;
}

/**
 * The parse with the reporter's date, place and speaker names in place. Speakers that end up with one name become
 * one (the first keeps its position; title, role and outlet come from the first that has them). A rename of a
 * name that is not in the parse is not applied and is reported in `warnings`, so an API caller learns of a typo.
 */
export function applyDraftOverrides(result: IngestResult, overrides: DraftOverrides): IngestResult {
  const warnings = [...result.warnings];
  const renames = new Map<string, string>();
  const parsedNames = new Set(result.speakers.map((speaker) => speaker.name));
  for (const { from, to } of overrides.speakerNames ?? []) {
    if (parsedNames.has(from)) renames.set(from, to);
    else warnings.push(`No speaker is called “${from}” in this file, so it was not renamed to “${to}”.`);
  }
  const finalName = (name: string) => renames.get(name) ?? name;

  const speakers = new Map<string, ParsedSpeaker>();
  for (const speaker of result.speakers) {
    const name = finalName(speaker.name);
    const earlier = speakers.get(name);
    speakers.set(
      name,
      earlier
        ? {
            name,
            title: earlier.title ?? speaker.title,
            role: earlier.role ?? speaker.role,
            outlet: earlier.outlet ?? speaker.outlet,
          }
        : { ...speaker, name },
    );
  }

  return {
    ...result,
    occurredAt: overrides.occurredAt === undefined ? result.occurredAt : overrides.occurredAt,
    place: overrides.place === undefined ? result.place : overrides.place,
    speakers: [...speakers.values()],
    segments:
      renames.size === 0
        ? result.segments
        : result.segments.map((segment) =>
            segment.speaker === null ? segment : { ...segment, speaker: finalName(segment.speaker) },
          ),
    warnings,
  };
}
