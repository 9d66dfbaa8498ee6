import { z } from "zod";
import { AppError } from "@/lib/errors";
import { assertIngestSize, maxIngestBytes, type IngestInput } from "@/lib/ingest";

export const FIDELITIES = ["VERBATIM", "CLEAN_READ", "MACHINE", "HUMAN_VERIFIED"] as const;

const fieldsSchema = z.object({
  title: z.string().trim().max(300, "Titles are at most 300 characters.").optional(),
  fidelity: z
    .enum(FIDELITIES, { error: "fidelity must be VERBATIM, CLEAN_READ, MACHINE or HUMAN_VERIFIED." })
    .optional(),
  restore: z.array(z.number().int().min(0)).max(10_000).optional(),
  dryRun: z.boolean().optional(),
});

const jsonBodySchema = fieldsSchema.extend({
  filename: z.string().trim().min(1).max(255).default("pasted.txt"),
  text: z.string().optional(),
  contentBase64: z.string().optional(),
});

export interface TranscriptRequest {
  input: IngestInput;
  title?: string;
  fidelity?: (typeof FIDELITIES)[number];
  dryRun: boolean;
}

function invalidFields(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.join(".") || "body";
  return new AppError("BAD_REQUEST", `${field}: ${issue?.message ?? "invalid value"}`);
}

/** Reads POST /api/transcripts: a multipart upload (field `file`) or a JSON body with `text` or `contentBase64`. */
export async function readTranscriptRequest(request: Request): Promise<TranscriptRequest> {
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  // Refuse a body far over the limit before reading it; multipart framing and base64 add up to about 40%.
  if (declaredLength > maxIngestBytes() * 1.4 + 64 * 1024) assertIngestSize(declaredLength);

  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.startsWith("multipart/form-data")) return readMultipart(request);
  if (contentType.startsWith("application/json")) return readJson(request);
  throw new AppError(
    "UNSUPPORTED",
    "Send the file as multipart/form-data (field `file`) or JSON with `text` or `contentBase64`.",
  );
}

async function readMultipart(request: Request): Promise<TranscriptRequest> {
  const form = await request.formData().catch(() => {
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
    dryRun: ["1", "true"].includes(String(form.get("dryRun") ?? "")),
  });
  if (!fields.success) throw invalidFields(fields.error);
  return {
    input: {
      bytes: new Uint8Array(await file.arrayBuffer()),
      filename: file.name || "upload",
      mediaType: file.type || null,
      restore: fields.data.restore,
    },
    title: fields.data.title || undefined,
    fidelity: fields.data.fidelity,
    dryRun: fields.data.dryRun ?? false,
  };
}

async function readJson(request: Request): Promise<TranscriptRequest> {
  const raw: unknown = await request.json().catch(() => {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  });
  const body = jsonBodySchema.safeParse(raw);
  if (!body.success) throw invalidFields(body.error);
  const { text, contentBase64, filename } = body.data;
  if ((text === undefined) === (contentBase64 === undefined)) {
    throw new AppError("BAD_REQUEST", "Send exactly one of `text` or `contentBase64`.");
  }
  const bytes = text !== undefined ? new TextEncoder().encode(text) : Buffer.from(contentBase64 ?? "", "base64");
  assertIngestSize(bytes.byteLength);
  return {
    input: { bytes: new Uint8Array(bytes), filename, mediaType: null, restore: body.data.restore },
    title: body.data.title || undefined,
    fidelity: body.data.fidelity,
    dryRun: body.data.dryRun ?? false,
  };
}
