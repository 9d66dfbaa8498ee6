// Structured logs: one JSON object per line on stdout (pino), with the time, the level, the process, and the id of
// the request being served when there is one (./request-context.ts). LOG_LEVEL sets the threshold (default info;
// the unit tests run at fatal). One logger per process, kept on globalThis for the same reason as the context.
import pino, { type Logger } from "pino";
import { currentRequestId } from "./request-context";

const holder = globalThis as { verbatimLog?: Logger };

function createLogger(): Logger {
  return pino({
    level: process.env.LOG_LEVEL || "info",
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  });
}

export const log: Logger = (holder.verbatimLog ??= createLogger());

/** An error as log fields: its message, and its stack for the operator (never for a reader). */
export function errorFields(error: unknown): { err: { message: string; stack?: string } } {
  return error instanceof Error
    ? { err: { message: error.message, stack: error.stack } }
    : { err: { message: String(error) } };
}
