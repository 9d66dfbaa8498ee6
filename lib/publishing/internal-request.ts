// The server's own calls to itself (scripts/serve.ts): the scheduler that publishes what is due and expires the
// public cache at start. Signed with a key derived from the auth secret, so nothing outside the server can make
// them; anyone else gets the 404 an unknown path gets.
import { createHmac, timingSafeEqual } from "node:crypto";
import { getAuthSecret } from "@/lib/auth/secret";

export const INTERNAL_HEADER = "x-verbatim-internal";

export function internalRequestToken(): string {
  return createHmac("sha256", getAuthSecret()).update("verbatim internal request v1").digest("base64url");
}

export function isInternalRequest(request: Request): boolean {
  const sent = Buffer.from(request.headers.get(INTERNAL_HEADER) ?? "");
  const expected = Buffer.from(internalRequestToken());
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}
