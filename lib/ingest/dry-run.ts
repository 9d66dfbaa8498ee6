// The JSON the CLI prints for a dry run (`npm run ingest -- --dry-run`): what would be stored, without ids.
import type { EntityType, IngestResult, RecognisedConvention, SourceFormat, SpeakerMerge } from "./types";

export interface DryRunDocument {
  source: { filename: string; bytes: number; sha256: string; encoding: string; format: SourceFormat };
  title: string | null;
  /** "YYYY-MM-DD" or null. */
  occurredAt: string | null;
  place: string | null;
  /** The address the file says it came from (front matter's `source` / `url`), or null. */
  sourceUrl: string | null;
  language: string | null;
  /** The speaker convention recognised in the file ("Government transcript"), or null. */
  convention: RecognisedConvention | null;
  speakers: { name: string }[];
  /** Short forms joined to a full name: "Dana" into "Dana Whitfield". */
  speakerMerges: SpeakerMerge[];
  segments: { speaker: string | null; text: string; startMs: number | null; endMs: number | null }[];
  removed: { text: string; reason: string }[];
  entities: { type: EntityType; name: string; mentions: number }[];
  warnings: string[];
}

export function toDryRunJson(result: IngestResult): DryRunDocument {
  const { filename, bytes, sha256, encoding, format } = result.source;
  return {
    source: { filename, bytes, sha256, encoding, format },
    title: result.title,
    occurredAt: result.occurredAt,
    place: result.place,
    sourceUrl: result.sourceUrl,
    language: result.language,
    convention: result.convention ? { id: result.convention.id, name: result.convention.name } : null,
    speakers: result.speakers.map(({ name }) => ({ name })),
    speakerMerges: result.speakerMerges.map(({ from, into }) => ({ from, into })),
    segments: result.segments.map(({ speaker, text, startMs, endMs }) => ({ speaker, text, startMs, endMs })),
    removed: result.removed.map(({ text, reason }) => ({ text, reason })),
    entities: result.entities.map(({ type, name, mentions }) => ({ type, name, mentions })),
    warnings: [...result.warnings],
  };
}
