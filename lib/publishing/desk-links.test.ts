import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { deskTranscriptPath } from "./desk-links";

const editor: Actor = { id: "e", role: "EDITOR", active: true };
const admin: Actor = { id: "a", role: "ADMIN", active: true };
const reporter: Actor = { id: "r", role: "REPORTER", active: true };

describe("deskTranscriptPath", () => {
  it("sends editors and admins to Review & publish for a transcript waiting for review", () => {
    expect(deskTranscriptPath(editor, { id: "t1", status: "IN_REVIEW" })).toBe("/desk/transcripts/t1/publish");
    expect(deskTranscriptPath(admin, { id: "t1", status: "IN_REVIEW" })).toBe("/desk/transcripts/t1/publish");
  });

  it("sends a reporter, who cannot publish, to the editor", () => {
    expect(deskTranscriptPath(reporter, { id: "t1", status: "IN_REVIEW" })).toBe("/desk/transcripts/t1");
  });

  it("sends everyone to the editor for a draft", () => {
    expect(deskTranscriptPath(editor, { id: "t1", status: "DRAFT" })).toBe("/desk/transcripts/t1");
    expect(deskTranscriptPath(reporter, { id: "t1", status: "DRAFT" })).toBe("/desk/transcripts/t1");
  });
});
