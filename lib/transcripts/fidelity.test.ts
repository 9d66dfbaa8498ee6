// The label a draft carries until a person confirms one (docs/ingestion.md): what a machine wrote is suggested as a
// machine transcript; a government transcript or a reporter's own typing as a clean read.
import { describe, expect, it } from "vitest";
import { ingestFixture } from "@/lib/ingest/test-support/fixtures";
import { suggestFidelity } from "./store-draft";

describe("the suggested fidelity label", () => {
  it.each([
    ["subtitles", "interview.srt"],
    ["WebVTT captions", "briefing.vtt"],
    ["auto-captions", "auto-captions.vtt"],
    ["speech-recognition JSON", "whisper.json"],
    ["an Otter export", "conventions/otter-interview.txt"],
    ["a Rev export", "conventions/rev-interview.txt"],
  ])("is a machine transcript for %s", async (_kind, file) => {
    expect(suggestFidelity(await ingestFixture(file))).toBe("MACHINE");
  });

  it.each([
    ["a government transcript", "conventions/white-house-briefing.txt"],
    ["a hearing record", "conventions/senate-hearing.txt"],
    ["a press conference copied from a video page", "nato-press-conference-2019-02-14.txt"],
  ])("is a clean read for %s", async (_kind, file) => {
    expect(suggestFidelity(await ingestFixture(file))).toBe("CLEAN_READ");
  });
});
