// The reporter's overrides of a parsed upload, as POST /api/transcripts accepts them (lib/api/transcript-request.ts).
import { z } from "zod";
import { toWellFormed } from "@/lib/ingest/unicode";
import { MAX_PLACE_LENGTH, MAX_SPEAKER_NAME_LENGTH, type DraftOverrides } from "@/lib/transcripts/draft-overrides";

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
  // Its output is what lib/transcripts/draft-overrides.ts applies.
}) satisfies z.ZodType<DraftOverrides, unknown>;

/** Short forms the reporter wants kept apart from the full name the parser joined them to (re-parses the file). */
export const keepSpeakersApartSchema = z.array(z.string().min(1).max(MAX_SPEAKER_NAME_LENGTH)).max(500);
