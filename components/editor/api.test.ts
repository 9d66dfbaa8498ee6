import { describe, expect, it } from "vitest";
import { apiRequest } from "@/components/editor/api";

function answering(status: number, body: unknown): typeof fetch {
  return async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

describe("an ended session, as the editor tells it", () => {
  it("says the account was deactivated when the server says so", async () => {
    const result = await apiRequest("GET", "/api/transcripts/t1", undefined, {
      fetcher: answering(401, {
        error: {
          code: "UNAUTHORIZED",
          message: "Your account has been deactivated by an administrator.",
          sessionEnded: "deactivated",
        },
      }),
    });
    expect(result).toMatchObject({
      ok: false,
      status: 401,
      message: "Your account has been deactivated by an administrator. Your edits are kept here.",
    });
  });

  it("keeps the generic sentence for any other ended session", async () => {
    const result = await apiRequest("GET", "/api/transcripts/t1", undefined, {
      fetcher: answering(401, {
        error: { code: "UNAUTHORIZED", message: "Send an API token (Authorization: Bearer …) or sign in." },
      }),
    });
    expect(result).toMatchObject({
      message: "Your session has ended. Sign in again in another tab; your edits are kept here.",
    });
  });
});
