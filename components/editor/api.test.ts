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

describe("a server holding writes off (503, during a restore)", () => {
  it("is answered like being offline: the edits stay and are sent again, with the server's sentence", async () => {
    const result = await apiRequest(
      "PATCH",
      "/api/transcripts/t1/segments/s1",
      { text: "x", baseVersion: 1 },
      {
        fetcher: answering(503, {
          error: {
            code: "UNAVAILABLE",
            message: "The database is being restored from a backup. Nothing was saved; try again in a few seconds.",
          },
        }),
      },
    );
    expect(result).toEqual({
      ok: false,
      offline: true,
      message: "The database is being restored from a backup. Nothing was saved; try again in a few seconds.",
    });
  });
});
