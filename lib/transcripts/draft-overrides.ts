// What the reporter changed in the upload preview (date, place, speaker names) and how it reaches the draft: one
// pure function that both the preview (to show the result) and the ingestion worker (to store it) apply to the
// parse, so what the reporter sees is what the draft gets. The API's zod schema is in lib/transcripts/upload-input.ts,
// apart, so the worker threads do not load zod.
import type { IngestResult, ParsedSpeaker } from "@/lib/ingest/types";

export const MAX_PLACE_LENGTH = 200;
export const MAX_SPEAKER_NAME_LENGTH = 200;

/**
 * Optional overrides of what the parser found. A field left out keeps the parser's value; `occurredAt` or `place`
 * null clears it. `speakerNames` renames parsed speakers (`from` is the name in the parse); two speakers renamed to
 * one name, or one renamed to another's name, become one speaker.
 */
export interface DraftOverrides {
  /** "YYYY-MM-DD". */
  occurredAt?: string | null;
  place?: string | null;
  speakerNames?: SpeakerNameChange[];
}

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
