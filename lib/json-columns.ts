// Every JSON text column's shape, in one place. SQLite has no JSON column type in Prisma 6, so these columns are
// strings: writers go through `writeJson`, readers through `readJson`, and nobody re-declares a shape.
import { z } from "zod";
import { log } from "@/lib/ops/log";

/** SourceFile.cleanupReport: the lines the clean-up removed (with reasons) and the ids the reporter kept. */
export const cleanupReportSchema = z.object({
  removed: z
    .array(
      z.object({
        id: z.number().int(),
        line: z.number().int(),
        text: z.string(),
        reasonCode: z.string().optional(),
        reason: z.string(),
      }),
    )
    .default([]),
  restored: z.array(z.number().int()).default([]),
});
export type CleanupReport = z.infer<typeof cleanupReportSchema>;

/** SourceFile.warnings: the parser's sentences for the reporter. */
export const warningsSchema = z.array(z.string());

/** AuditEvent.details: a flat record of what the event concerned (emails, names, counts, ids). */
export const auditDetailsSchema = z.record(z.string(), z.unknown());
export type AuditDetails = z.infer<typeof auditDetailsSchema>;

/** Transcript.tags. */
export const tagsSchema = z.array(z.string());

/** Annotation.sources: the links a fact-check rests on. */
export const sourcesSchema = z.array(z.object({ url: z.string(), title: z.string().optional() }));

/** WorkflowEvent.overrides: the pre-publish warnings an editor published over, each with the reason given. */
export const overridesSchema = z.array(z.object({ check: z.string(), reason: z.string() }));

/** The kinds of row a revision can change. */
export const REVISION_ROW_TYPES = ["transcript", "segment", "speaker", "annotation", "entity"] as const;
export type RevisionRowType = (typeof REVISION_ROW_TYPES)[number];

/** One row's before and after in a revision; null before = created, null after = removed for good. */
export const revisionChangeSchema = z.object({
  type: z.enum(REVISION_ROW_TYPES),
  id: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type RevisionChange = z.infer<typeof revisionChangeSchema>;

/** Revision.changes. */
export const revisionChangesSchema = z.array(revisionChangeSchema);

/**
 * Parses a JSON column with its schema. A value that does not parse or fit gives `fallback`, with a log line: a
 * page must still open when an old row is malformed.
 */
export function readJson<T>(schema: z.ZodType<T>, text: string | null | undefined, fallback: T): T {
  if (text == null || text === "") return fallback;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    log.warn("a JSON column does not parse; using the default");
    return fallback;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  log.warn("a JSON column does not fit its schema; using the default");
  return fallback;
}

/** Serialises a value for a JSON column after checking it against its schema (a wrong shape throws). */
export function writeJson<T>(schema: z.ZodType<T>, value: T): string {
  return JSON.stringify(schema.parse(value));
}
