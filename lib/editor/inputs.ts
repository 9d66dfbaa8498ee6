// The editor API's request bodies, checked at the boundary with field-level messages.
import { z } from "zod";
import { readBodyBytes } from "@/lib/api/transcript-request";
import { AppError, invalidInput } from "@/lib/errors";
import { IngestError } from "@/lib/ingest/types";
import { ANNOTATION_KINDS, ENTITY_TYPE_NAMES, FIDELITY_NAMES, SPEAKER_ROLE_NAMES, VERDICTS } from "@/lib/editor/types";

export const MAX_TEXT = 100_000;
/** An editor request is one paragraph or one annotation: 2 MB is far more than any needs. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
const id = z.string().min(1).max(100);
const version = z.number({ error: "Send the version you started from (baseVersion)." }).int().min(1);
const ms = z.number().int().min(0).max(2_147_483_647).nullable();
const optionalText = (max: number) => z.string().max(max).nullable().optional();

/** http(s) links only: a javascript: or data: URL never reaches a page. */
export const webUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "Enter a full web address starting with https://.");

export const segmentPatchSchema = z
  .object({
    text: z
      .string()
      .max(MAX_TEXT, `A paragraph holds at most ${MAX_TEXT.toLocaleString("en-GB")} characters.`)
      .optional(),
    speakerId: id.nullable().optional(),
    startMs: ms.optional(),
    endMs: ms.optional(),
    baseVersion: version,
  })
  .strict();

export const segmentInsertSchema = z
  .object({
    afterSegmentId: id.nullable(),
    text: z.string().max(MAX_TEXT).default(""),
    speakerId: id.nullable().optional(),
    startMs: ms.optional(),
  })
  .strict();

export const splitSchema = z.object({ offset: z.number().int().min(0), baseVersion: version }).strict();
export const mergeSchema = z.object({ baseVersion: version, previousBaseVersion: version }).strict();
export const moveSchema = z.object({ afterSegmentId: id.nullable() }).strict();
export const bulkSpeakerSchema = z
  .object({ segmentIds: z.array(id).min(1).max(10_000), speakerId: id.nullable() })
  .strict();

export const replaceSchema = z
  .object({
    find: z.string().min(1, "Type what to find.").max(1000),
    replace: z.string().max(1000).default(""),
    matchCase: z.boolean().default(false),
    wholeWord: z.boolean().default(false),
    apply: z.boolean().default(false),
    only: z.array(z.object({ segmentId: id, start: z.number().int().min(0) })).optional(),
  })
  .strict();

const speakerFields = {
  title: optionalText(200),
  role: z.enum(SPEAKER_ROLE_NAMES).nullable().optional(),
  outlet: optionalText(200),
  personId: id.nullable().optional(),
};
const speakerName = z.string().trim().min(1, "A speaker needs a name.").max(200);
export const speakerCreateSchema = z.object({ name: speakerName, ...speakerFields }).strict();
export const speakerPatchSchema = z.object({ name: speakerName.optional(), ...speakerFields }).strict();
export const speakerMergeSchema = z.object({ intoSpeakerId: id }).strict();
export const speakerSplitSchema = z
  .object({
    assignments: z
      .array(
        z.object({
          segmentId: id,
          speaker: z.union([z.object({ id }).strict(), z.object({ name: speakerName, ...speakerFields }).strict()]),
        }),
      )
      .min(1)
      .max(10_000),
  })
  .strict();

const sources = z.array(z.object({ url: webUrl, title: z.string().trim().max(300).optional() })).max(50);
const body = z.string().max(20_000, "Keep it under 20,000 characters.");
export const annotationCreateSchema = z
  .object({
    segmentId: id,
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    kind: z.enum(ANNOTATION_KINDS, { error: "kind is one of note, context, factcheck, quote." }),
    body: body.default(""),
    verdict: z.enum(VERDICTS).nullable().optional(),
    claim: optionalText(2000),
    sources: sources.optional(),
    checker: optionalText(200),
  })
  .strict();
export const annotationPatchSchema = z
  .object({
    body: body.optional(),
    verdict: z.enum(VERDICTS).nullable().optional(),
    claim: optionalText(2000),
    sources: sources.optional(),
    checker: optionalText(200),
    resolved: z.boolean().optional(),
    segmentId: id.optional(),
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
  })
  .strict();
export const mentionReattachSchema = z
  .object({ segmentId: id, start: z.number().int().min(0), end: z.number().int().min(0) })
  .strict();
export const replySchema = z.object({ body: z.string().trim().min(1, "Write a reply.").max(20_000) }).strict();

export const entityTagSchema = z
  .object({
    type: z.enum(ENTITY_TYPE_NAMES),
    name: z.string().max(200).default(""),
    segmentId: id.optional(),
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
  })
  .strict();
export const entityStatusSchema = z.object({ status: z.enum(["suggested", "accepted", "rejected"]) }).strict();
export const entityMergeSchema = z.object({ intoId: id }).strict();

export const metadataSchema = z
  .object({
    baseVersion: version,
    title: z.string().trim().min(1, "A transcript needs a title.").max(300).optional(),
    slug: z
      .string()
      .trim()
      .max(80)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Lower-case letters, digits and single hyphens only.")
      .optional(),
    summary: optionalText(5000),
    occurredAt: z.iso.date("Use a date like 2019-02-14.").nullable().optional(),
    place: optionalText(200),
    sourceUrl: webUrl.nullable().optional(),
    mediaUrl: webUrl.nullable().optional(),
    fidelity: z.enum(FIDELITY_NAMES).optional(),
    /** true: the person saving has checked the fidelity label against the recording; false withdraws that. */
    fidelityConfirmed: z.boolean().optional(),
    tags: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  })
  .strict();

export const presenceSchema = z
  .object({ clientId: z.string().min(1).max(64), segmentId: id.nullable(), sinceRevision: z.number().int().min(0) })
  .strict();

export const shareSchema = z.object({ email: z.string().trim().toLowerCase().max(320) }).strict();

/**
 * `?from=&take=` of a paged list: `from` a whole number (0 when absent), `take` from 1 to `max` (`take` when
 * absent). Anything else is a 400 naming the parameter.
 */
export function readListWindow(query: URLSearchParams, { take, max }: { take: number; max: number }) {
  const schema = z.object({
    from: z.coerce.number().int("Send a whole number.").min(0).max(Number.MAX_SAFE_INTEGER).default(0),
    take: z.coerce.number().int("Send a whole number.").min(1).max(max, `At most ${max}.`).default(take),
  });
  const given = (name: string) => (query.get(name) ? query.get(name) : undefined);
  const parsed = schema.safeParse({ from: given("from"), take: given("take") });
  if (parsed.success) return parsed.data;
  throw invalidInput(parsed.error, "query");
}

/** `?page=`: a page number from 1 (1 when absent or not a page number, as a person may type any address). */
export function readPageNumber(value: string | string[] | null | undefined): number {
  const number = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(number) && number >= 1 ? number : 1;
}

/** Reads a JSON body and checks it; bad JSON or a wrong field is a 400 with the field's message. */
/**
 * The body as text, at most `limit` bytes: a declared length over it is refused before a byte is read, and the rest
 * is counted as it streams (lib/api/transcript-request.ts), so an endless body is cut off, not buffered. `tooLarge`
 * is the sentence for a body over the limit.
 */
export async function readBodyText(
  request: Request,
  {
    limit = MAX_BODY_BYTES,
    tooLarge = "That request is over the 2 MB limit.",
  }: { limit?: number; tooLarge?: string } = {},
): Promise<string> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw new AppError("TOO_LARGE", tooLarge);
  const bytes = await readBodyBytes(request, limit).catch((error: unknown) => {
    if (error instanceof IngestError) throw new AppError("TOO_LARGE", tooLarge);
    // The client went away mid-body (a closed tab, a dropped network): nothing to save, nothing to log.
    throw new AppError("BAD_REQUEST", "The request was cut off before its end. Nothing was saved.");
  });
  return new TextDecoder().decode(bytes);
}

export async function readBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const text = await readBodyText(request);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "Send a JSON body (Content-Type: application/json).");
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw invalidInput(parsed.error);
}
