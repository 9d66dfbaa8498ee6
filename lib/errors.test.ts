import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorResponse } from "@/lib/api/response";
import { AppError, HTTP_STATUS, INGEST_ERROR_CODES, invalidInput, zodFieldErrors } from "@/lib/errors";
import { IngestError } from "@/lib/ingest/types";

describe("one error family", () => {
  it("an ingestion refusal is an AppError, answered with its own code and the one status map", async () => {
    const error = new IngestError("BROKEN_SUBTITLES", "Cue 3 has no timing line.");
    expect(error).toBeInstanceOf(AppError);
    const response = errorResponse(error);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: { code: "BROKEN_SUBTITLES", message: "Cue 3 has no timing line." },
    });
    expect(errorResponse(new IngestError("BUSY", "Try again.")).status).toBe(503);
    for (const code of INGEST_ERROR_CODES) expect(HTTP_STATUS[code], code).toBeGreaterThanOrEqual(400);
  });

  it("turns a failed zod parse into the API's 400, naming the first field, and a form's field errors", () => {
    const schema = z.object({
      title: z.string().min(1, "Give a title."),
      tags: z.array(z.string().max(3, "Too long.")),
    });
    const parsed = schema.safeParse({ title: "", tags: ["ok", "much too long"] });
    if (parsed.success) throw new Error("expected a failure");
    const error = invalidInput(parsed.error);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: "title: Give a title." });
    expect(error.fieldErrors).toEqual({ title: "Give a title.", "tags.1": "Too long." });
    const whole = z.string().safeParse(3);
    if (whole.success) throw new Error("expected a failure");
    expect(Object.keys(zodFieldErrors(whole.error))).toEqual(["form"]);
    expect(invalidInput(whole.error).message).toMatch(/^body: /);
  });
});
