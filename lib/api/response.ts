import { RESTORE_RETRY_AFTER_SECONDS, RESTORING_MESSAGE } from "@/lib/db/maintenance";
import { DATABASE_BUSY_MESSAGE, databaseTrouble, DISK_FULL_MESSAGE } from "@/lib/db/errors";
import { AppError, HTTP_STATUS, isAppError } from "@/lib/errors";
import { errorFields, log } from "@/lib/ops/log";

/** Every API error has this one shape. */
export interface ApiErrorBody {
  error: { code: string; message: string; fieldErrors?: Record<string, string> } & Record<string, unknown>;
}

export function jsonError(
  status: number,
  code: string,
  message: string,
  fieldErrors?: Record<string, string>,
  extra: Record<string, unknown> = {},
) {
  const body: ApiErrorBody = {
    error: { ...extra, code, message, ...(fieldErrors && Object.keys(fieldErrors).length ? { fieldErrors } : {}) },
  };
  return Response.json(body, { status });
}

/** Expected failures become their status and sentence; anything else is logged and answered with a plain 500. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    const response = jsonError(HTTP_STATUS[error.code], error.code, error.message, error.fieldErrors, error.extra);
    // Writes held off for a restore: say when to come back, as the server's front door does.
    if (error.code === "UNAVAILABLE") response.headers.set("retry-after", String(RESTORE_RETRY_AFTER_SECONDS));
    return response;
  }
  // A full disk or a database busy past its wait: the person is told what happened, and that nothing was saved.
  const trouble = databaseTrouble(error);
  if (trouble === "full") {
    log.error(errorFields(error), "the database has no room left to write");
    return errorResponse(new AppError("STORAGE_FULL", DISK_FULL_MESSAGE));
  }
  if (trouble === "restoring") return errorResponse(new AppError("UNAVAILABLE", RESTORING_MESSAGE));
  if (trouble === "busy") {
    log.warn(errorFields(error), "the database was busy past the wait");
    return errorResponse(new AppError("UNAVAILABLE", DATABASE_BUSY_MESSAGE));
  }
  log.error(errorFields(error), "unexpected error in an API route");
  return jsonError(500, "INTERNAL", "Something went wrong on our side. Nothing was saved; try again.");
}

/** Wraps a route handler so no error escapes as a stack trace. */
export function handleApiErrors<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
