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

export type AppErrorCode =
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
  | "CHECKS_FAILED";

export const HTTP_STATUS: Record<AppErrorCode, number> = {
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
};

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
