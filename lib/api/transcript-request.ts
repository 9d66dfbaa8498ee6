import { z } from "zod";
import { AppError, invalidInput } from "@/lib/errors";
import { capFilename } from "@/lib/ingest/filename";
import { assertIngestSize, maxBodyBytes, maxIngestBytes, megabytes } from "@/lib/ingest/limits";
import { IngestError, type IngestInput } from "@/lib/ingest/types";
import type { DraftOverrides } from "@/lib/transcripts/draft-overrides";
import { draftOverridesSchema, keepSpeakersApartSchema } from "@/lib/transcripts/upload-input";

export const FIDELITIES = ["VERBATIM", "CLEAN_READ", "MACHINE", "HUMAN_VERIFIED"] as const;

const fieldsSchema = z.object({
  title: z.string().trim().max(300, "Titles are at most 300 characters.").optional(),
  fidelity: z
    .enum(FIDELITIES, { error: "fidelity must be VERBATIM, CLEAN_READ, MACHINE or HUMAN_VERIFIED." })
    .optional(),
  restore: z.array(z.number().int().min(0)).max(10_000).optional(),
  keepSpeakersApart: keepSpeakersApartSchema.optional(),
  dryRun: z.boolean().optional(),
  ...draftOverridesSchema.shape,
});

const jsonBodySchema = fieldsSchema.extend({
  // Longer names are truncated to 255 characters, keeping the extension, as multipart and CLI names are.
  filename: z.string().trim().min(1).transform(capFilename).default("pasted.txt"),
  text: z.string().optional(),
  contentBase64: z.string().optional(),
});

export interface TranscriptRequest {
  input: IngestInput;
  title?: string;
  fidelity?: (typeof FIDELITIES)[number];
  /** The reporter's date, place and speaker names; ignored by a dry run, which shows the parse. */
  overrides: DraftOverrides;
  dryRun: boolean;
}

function overridesFrom({ occurredAt, place, speakerNames }: DraftOverrides): DraftOverrides {
  return {
    ...(occurredAt !== undefined && { occurredAt }),
    ...(place !== undefined && { place }),
    ...(speakerNames !== undefined && { speakerNames }),
  };
}

/** A multipart field holding JSON (`speakerNames`), parsed so that zod reports what is wrong with it. */
function jsonField(form: FormData, name: string): unknown {
  const value = form.get(name);
  if (value === null) return undefined;
  try {
    return JSON.parse(String(value));
  } catch {
    throw new AppError("BAD_REQUEST", `${name}: send a JSON array, like [{"from":"Dana","to":"Dana Whitfield"}].`);
  }
}

/** A text field that may be absent (keep the parser's value) or empty (clear it). */
function optionalText(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return value === null ? undefined : String(value);
}

export { maxBodyBytes };

/** Reads POST /api/transcripts: a multipart upload (field `file`) or a JSON body with `text` or `contentBase64`. */
export async function readTranscriptRequest(request: Request): Promise<TranscriptRequest> {
  const contentType = request.headers.get("content-type") ?? "";
  const isMultipart = contentType.startsWith("multipart/form-data");
  if (!isMultipart && !contentType.startsWith("application/json")) {
    throw new AppError(
      "UNSUPPORTED",
      "Send the file as multipart/form-data (field `file`) or JSON with `text` or `contentBase64`.",
    );
  }
  // A declared length far over the limit is refused before a byte is read.
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > maxBodyBytes()) assertIngestSize(declaredLength);
  const body = await readBodyBytes(request, maxBodyBytes());
  return isMultipart ? readMultipart(body, contentType) : readJson(body);
}

/**
 * The body, counted chunk by chunk as it streams in, with or without a Content-Length: at the limit the stream is
 * cancelled and the upload refused, so a chunked body never puts more than the limit in memory.
 */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new IngestError(
        "TOO_LARGE",
        `The upload is over the ${megabytes(maxIngestBytes())} MB limit. Split the transcript into parts.`,
      );
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function readMultipart(body: Uint8Array<ArrayBuffer>, contentType: string): Promise<TranscriptRequest> {
  const form = await new Response(body, { headers: { "content-type": contentType } }).formData().catch(() => {
    throw new AppError("BAD_REQUEST", "The upload could not be read. Send it again.");
  });
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("BAD_REQUEST", "Attach the transcript as the `file` field.");
  assertIngestSize(file.size);
  const restoreField = form.getAll("restore").flatMap((value) => String(value).split(","));
  const fields = fieldsSchema.safeParse({
    title: form.get("title") ?? undefined,
    fidelity: form.get("fidelity") || undefined,
    restore: restoreField.filter(Boolean).map(Number),
    // Repeated fields rather than a comma list: names can hold commas ("Blinken, Antony").
    keepSpeakersApart: form.has("keepSpeakersApart") ? form.getAll("keepSpeakersApart").map(String) : undefined,
    dryRun: ["1", "true"].includes(String(form.get("dryRun") ?? "")),
    occurredAt: optionalText(form, "occurredAt"),
    place: optionalText(form, "place"),
    speakerNames: jsonField(form, "speakerNames"),
  });
  if (!fields.success) throw invalidInput(fields.error);
  return {
    input: {
      bytes: new Uint8Array(await file.arrayBuffer()),
      filename: capFilename(file.name || "upload"),
      mediaType: file.type || null,
      restore: fields.data.restore,
      keepSpeakersApart: fields.data.keepSpeakersApart,
    },
    title: fields.data.title || undefined,
    fidelity: fields.data.fidelity,
    overrides: overridesFrom(fields.data),
    dryRun: fields.data.dryRun ?? false,
  };
}

function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}

function readJson(requestBody: Uint8Array): TranscriptRequest {
  const raw = parseJson(requestBody);
  const body = jsonBodySchema.safeParse(raw);
  if (!body.success) throw invalidInput(body.error);
  const { text, contentBase64, filename } = body.data;
  if ((text === undefined) === (contentBase64 === undefined)) {
    throw new AppError("BAD_REQUEST", "Send exactly one of `text` or `contentBase64`.");
  }
  const bytes = text !== undefined ? new TextEncoder().encode(text) : Buffer.from(contentBase64 ?? "", "base64");
  assertIngestSize(bytes.byteLength);
  return {
    input: {
      bytes: new Uint8Array(bytes),
      filename,
      mediaType: null,
      restore: body.data.restore,
      keepSpeakersApart: body.data.keepSpeakersApart,
    },
    title: body.data.title || undefined,
    fidelity: body.data.fidelity,
    overrides: overridesFrom(body.data),
    dryRun: body.data.dryRun ?? false,
  };
}
