/** An expected failure: `message` is written for the person using Verbatim, `code` for programs. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
    /** More for programs, sent beside `code` and `message` (e.g. a conflict's `current` version). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

/**
 * Why an uploaded file is refused (lib/ingest): each has its own code, so a tool can tell a broken subtitle file
 * from a zip bomb, and its own status below.
 */
export const INGEST_ERROR_CODES = [
  "EMPTY",
  "BINARY",
  "UNDECODABLE",
  "TOO_LARGE",
  "UNKNOWN_JSON",
  "BROKEN_SUBTITLES",
  "UNREADABLE_DOCX",
  /** A Word file (or other zip) that would unpack to more than the limit, or holds too many parts. */
  "ARCHIVE_TOO_LARGE",
  /** A zip that is damaged, encrypted, or compressed far more tightly than any document is (a "zip bomb"). */
  "BAD_ARCHIVE",
  /** Reading the file took longer than the per-file time limit. */
  "TIME_LIMIT",
  /** Reading the file needed more memory than a reader thread may use. */
  "MEMORY_LIMIT",
  /** Every reader thread is busy and the queue is full. */
  "BUSY",
] as const;
export type IngestErrorCode = (typeof INGEST_ERROR_CODES)[number];

export type AppErrorCode =
  | IngestErrorCode
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "UNPROCESSABLE"
  | "TOO_LARGE"
  | "UNSUPPORTED"
  | "RATE_LIMITED"
  /** Pre-publish checks stopped a publication (lib/publishing/checks.ts). */
  | "CHECKS_FAILED"
  /** A request for something Verbatim does not offer (oEmbed's `format=xml`). */
  | "NOT_IMPLEMENTED"
  /** Writes are held off for a moment (a restore is running, the database is busy): try again after Retry-After. */
  | "UNAVAILABLE"
  /** The disk holding the database is full: nothing was saved. */
  | "STORAGE_FULL";

/** The one map from an error's code to the HTTP status every API route answers with. */
export const HTTP_STATUS: Record<AppErrorCode, number> = {
  EMPTY: 400,
  BINARY: 415,
  UNDECODABLE: 415,
  UNKNOWN_JSON: 422,
  BROKEN_SUBTITLES: 422,
  UNREADABLE_DOCX: 422,
  ARCHIVE_TOO_LARGE: 413,
  BAD_ARCHIVE: 415,
  TIME_LIMIT: 422,
  MEMORY_LIMIT: 413,
  BUSY: 503,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  TOO_LARGE: 413,
  UNSUPPORTED: 415,
  RATE_LIMITED: 429,
  CHECKS_FAILED: 422,
  NOT_IMPLEMENTED: 501,
  UNAVAILABLE: 503,
  STORAGE_FULL: 507,
};

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

interface ValidationIssues {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/** The first message per field of a failed zod parse, keyed by its dotted path (`whole` for the input itself). */
export function zodFieldErrors(error: ValidationIssues, whole = "form"): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || whole;
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}

/** A failed zod parse of a request as the API's 400: the first field and its message, and every field's. */
export function invalidInput(error: ValidationIssues, whole = "body"): AppError {
  const fieldErrors = zodFieldErrors(error, whole);
  const [first] = Object.entries(fieldErrors);
  return new AppError("BAD_REQUEST", first ? `${first[0]}: ${first[1]}` : "The request is not valid.", fieldErrors);
}
