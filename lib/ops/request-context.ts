// Which request this work belongs to: scripts/serve.ts gives every request an id (its own, or a proxy's
// X-Request-Id when well formed), answers with it, and runs the request inside this context, so log lines written
// anywhere while serving it (a route, the ingestion pool, a worker thread it hands a file to) carry the same id.
// Kept on globalThis: the server script and the bundled app load this module separately but share one store.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

export interface RequestContext {
  requestId: string;
}

const holder = globalThis as { verbatimRequestContext?: AsyncLocalStorage<RequestContext> };
export const requestContext: AsyncLocalStorage<RequestContext> = (holder.verbatimRequestContext ??=
  new AsyncLocalStorage<RequestContext>());

/** The id of the request being served here, if any. */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

/** A proxy's id when it is a plain token (letters, digits, `.`, `_`, `-`; 8 to 100 of them), else a new one. */
export function requestIdFrom(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && /^[A-Za-z0-9._-]{8,100}$/.test(value) ? value : randomUUID();
}
