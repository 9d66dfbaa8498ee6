// The size limits of an upload, read on the main thread before any bytes go to a worker, and again in the worker.
import { IngestError, type IngestOptions } from "./types";

const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
const DEFAULT_MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

function fromEnvironment(name: string): number | undefined {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The size limit in force: `options.maxBytes`, else INGEST_MAX_BYTES from the environment, else 25 MB. */
export function maxIngestBytes(options: IngestOptions = {}): number {
  return options.maxBytes ?? fromEnvironment("INGEST_MAX_BYTES") ?? DEFAULT_MAX_BYTES;
}

/**
 * The largest request body any route reads: the upload limit plus room for multipart framing and base64, which add
 * up to about 40%. The server's front door (scripts/serve.ts) refuses a declared length over it before reading.
 */
export function maxBodyBytes(): number {
  return Math.ceil(maxIngestBytes() * 1.4) + 64 * 1024;
}

/** The unpacked-size limit for archives (.docx): the option, else INGEST_MAX_UNPACKED_BYTES, else 64 MB. */
export function maxUnpackedBytes(options: IngestOptions = {}): number {
  return options.maxUnpackedBytes ?? fromEnvironment("INGEST_MAX_UNPACKED_BYTES") ?? DEFAULT_MAX_UNPACKED_BYTES;
}

export function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return value >= 1 ? String(Math.round(value * 10) / 10) : String(Number(value.toPrecision(2)));
}

/** Refuses an empty or over-limit upload. Callers may run it before reading a body, with the declared size. */
export function assertIngestSize(size: number, options: IngestOptions = {}): void {
  const problem = ingestSizeProblem(size, options);
  if (problem) throw problem;
}

/** Why a file of `size` bytes is refused (empty, or over the limit, in a sentence), or null when it is not. */
export function ingestSizeProblem(size: number, options: IngestOptions = {}): IngestError | null {
  const limit = maxIngestBytes(options);
  if (size === 0) return new IngestError("EMPTY", "The file is empty.");
  if (size <= limit) return null;
  // Rounded, a file a few bytes over would read "25 MB; the limit is 25 MB".
  const over =
    megabytes(size) === megabytes(limit)
      ? `The file is just over the ${megabytes(limit)} MB limit.`
      : `The file is ${megabytes(size)} MB; the limit is ${megabytes(limit)} MB.`;
  return new IngestError("TOO_LARGE", `${over} Split the transcript into parts.`);
}
