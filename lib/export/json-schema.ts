// The JSON export's shape: the ingest JSON shape (title, speakers, segments with speaker, text, startMs and endMs;
// occurredAt, place, language, as `npm run ingest -- --dry-run --json` prints them) plus what readers see on the
// page: annotations with their paragraph, offsets and exact words, and corrections. The JSON Schema document of it
// is kept in the repository (transcript-export.schema.json) and checked against this by the tests.
import { z } from "zod";

export const EXPORT_FORMAT_NAME = "verbatim-transcript";
export const EXPORT_FORMAT_VERSION = 1;

const paragraphNumber = z.number().int().min(1).describe("1-based paragraph number: the reading page's #p-N.");
const isoInstant = z.iso.datetime({ offset: true });

export const exportSpeakerSchema = z.object({
  name: z.string().min(1),
  title: z.string().nullable(),
  role: z.enum(["moderator", "questioner", "official", "speaker"]).nullable(),
  outlet: z.string().nullable(),
});

export const exportSegmentSchema = z.object({
  number: paragraphNumber,
  /** A name from `speakers`, or null when nobody in particular speaks. */
  speaker: z.string().nullable(),
  text: z.string(),
  startMs: z.number().int().min(0).nullable(),
  endMs: z.number().int().min(0).nullable(),
});

export const exportAnnotationSchema = z.object({
  kind: z.enum(["context", "factcheck", "quote", "note"]),
  /** True only for internal notes, which only a staff export with ?notes=1 carries. */
  internal: z.boolean(),
  segment: paragraphNumber,
  /** Character offsets into the paragraph's text (UTF-16 code units); meaningful while `anchored`. */
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  exact: z.string(),
  /** False when a correction removed the words it was attached to (or, on the desk, it waits for review). */
  anchored: z.boolean(),
  /** Markdown. */
  body: z.string(),
  verdict: z.enum(["accurate", "misleading", "false", "unverifiable", "needs_context"]).nullable(),
  claim: z.string().nullable(),
  sources: z.array(z.object({ url: z.string(), title: z.string().optional() })),
  checker: z.string().nullable(),
  /** Staff exports: who wrote it and when. */
  author: z.string().nullable().optional(),
  createdAt: isoInstant.nullable().optional(),
});

export const exportCorrectionSchema = z.object({
  /** The paragraph corrected; null when it has since been removed from the working copy. */
  segment: paragraphNumber.nullable(),
  before: z.string(),
  after: z.string(),
  reason: z.string(),
  at: isoInstant,
});

export const transcriptExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT_NAME),
  version: z.literal(EXPORT_FORMAT_VERSION),
  title: z.string(),
  slug: z.string(),
  /** The public reading page, when published. */
  url: z.string().nullable(),
  summary: z.string().nullable(),
  /** "YYYY-MM-DD", as the ingest JSON gives it. */
  occurredAt: z.iso.date().nullable(),
  place: z.string().nullable(),
  language: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  fidelity: z.enum(["VERBATIM", "CLEAN_READ", "MACHINE", "HUMAN_VERIFIED"]),
  /** "Machine transcript, checked by Ana Ribeiro", as readers see it. */
  fidelityLabel: z.string(),
  publishedAt: isoInstant.nullable(),
  updatedAt: isoInstant.nullable(),
  /** True when paragraphs carry times (then SRT and WebVTT exports exist). */
  timed: z.boolean(),
  speakers: z.array(exportSpeakerSchema),
  segments: z.array(exportSegmentSchema),
  annotations: z.array(exportAnnotationSchema),
  corrections: z.array(exportCorrectionSchema),
});

export type TranscriptExportDocument = z.infer<typeof transcriptExportSchema>;

/** The JSON Schema (draft 2020-12) of the JSON export, as kept in transcript-export.schema.json. */
export function transcriptExportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(transcriptExportSchema, { target: "draft-2020-12", io: "output" }),
    $id: "https://verbatim.invalid/schemas/transcript-export-1.json",
    title: "Verbatim transcript export",
    description:
      "A transcript as Verbatim exports it: the ingest JSON shape (speakers, segments with speaker, text, startMs " +
      "and endMs) plus public annotations and corrections; staff exports may add internal notes, marked internal.",
  } as Record<string, unknown>;
}
