// Request bodies of the publishing API, checked at the boundary with field-level messages.
import { z } from "zod";
import { MAX_TEXT } from "@/lib/editor/inputs";
import { TRANSITION_TARGETS } from "@/lib/publishing/workflow";

const note = z.string().max(5000, "Keep the note under 5,000 characters.").nullable().optional();

export const transitionSchema = z
  .object({
    to: z.enum(TRANSITION_TARGETS, { error: "to must be IN_REVIEW, PUBLISHED, UNPUBLISHED or DRAFT." }),
    note,
    publishAt: z.string().max(100).nullable().optional(),
    overrides: z
      .array(
        z
          .object({
            check: z.string().min(1).max(100),
            reason: z.string().max(2000, "Keep each reason under 2,000 characters."),
          })
          .strict(),
      )
      .max(20)
      .optional(),
    baseVersion: z.number().int().min(1, "baseVersion is the transcript's version, from 1.").optional(),
  })
  .strict();

export const correctionSchema = z
  .object({
    segmentId: z.string().min(1, "Choose the paragraph to correct.").max(100),
    text: z.string().max(MAX_TEXT, `A paragraph holds at most ${MAX_TEXT.toLocaleString("en-GB")} characters.`),
    reason: z.string().max(5000, "Keep the reason under 5,000 characters."),
  })
  .strict();
