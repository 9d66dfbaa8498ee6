// The shape of Publication.content, checked when it is written and read (lib/publishing/types.ts).
import { z } from "zod";
import { AnnotationKind, EntityType, Fidelity, SpeakerRole, Verdict } from "@/lib/generated/prisma/enums";

const publicKinds = Object.values(AnnotationKind).filter((kind) => kind !== "NOTE") as [string, ...string[]];

export const publishedSnapshotSchema = z.object({
  schema: z.literal(1),
  slug: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  occurredAt: z.string().nullable(),
  place: z.string().nullable(),
  language: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  mediaUrl: z.string().nullable(),
  fidelity: z.enum(Fidelity),
  fidelityCheckedBy: z.string().nullable(),
  tags: z.array(z.string()),
  wordCount: z.number().int(),
  durationMs: z.number().int().nullable(),
  sourceFiles: z.array(
    z.object({ filename: z.string(), sha256: z.string(), format: z.string(), uploadedAt: z.string() }),
  ),
  speakers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      title: z.string().nullable(),
      role: z.enum(SpeakerRole).nullable(),
      outlet: z.string().nullable(),
    }),
  ),
  segments: z.array(
    z.object({
      id: z.string(),
      speakerId: z.string().nullable(),
      text: z.string(),
      startMs: z.number().int().nullable(),
      endMs: z.number().int().nullable(),
    }),
  ),
  annotations: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(publicKinds),
      segmentId: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      exact: z.string(),
      publishedExact: z.string(),
      anchored: z.boolean(),
      body: z.string(),
      verdict: z.enum(Verdict).nullable(),
      claim: z.string().nullable(),
      sources: z.array(z.object({ url: z.string(), title: z.string().optional() })),
      checker: z.string().nullable(),
    }),
  ),
  // Added after the first publications: older snapshots have none.
  entities: z
    .array(z.object({ id: z.string(), type: z.enum(EntityType), name: z.string(), mentionCount: z.number().int() }))
    .default([]),
  // Added with bylines: older snapshots credit nobody, and their pages name the newsroom.
  credits: z
    .object({ authors: z.array(z.string()), editor: z.string().nullable(), checker: z.string().nullable().optional() })
    .default({ authors: [], editor: null }),
});
