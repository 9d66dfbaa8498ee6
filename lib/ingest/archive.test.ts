// Zips are judged by their central directory, and then by what they really unpack to, before mammoth sees them.
import { describe, expect, it } from "vitest";
import { inspectArchive, MAX_ARCHIVE_ENTRIES } from "./archive";
import { ingestFile } from "./pipeline";
import { buildDocx, buildDocxBomb, buildZip } from "./test-support/docx";
import { IngestError } from "./types";

async function refusalOf(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof IngestError)) throw new Error(`expected an IngestError, got ${String(error)}`);
  expect(error.message).not.toMatch(/\n|node_modules/);
  return error;
}

describe("archives are checked before they are unpacked", () => {
  it("refuses a decompression-bomb .docx quickly, before mammoth reads it", async () => {
    const bomb = buildDocxBomb(8);
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    const started = performance.now();
    const error = await refusalOf(ingestFile({ bytes: bomb, filename: "minutes.docx" }));
    expect(error.code).toBe("BAD_ARCHIVE");
    expect(error.message).toMatch(/^This file was not unpacked because one part would unpack \d+ times larger/);
    expect(error.message).toMatch(/Open it in Word and save it again, or upload the text\.$/);
    // Reading the central directory takes milliseconds; mammoth took several seconds on this file.
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("refuses the bomb even when it is renamed .txt", async () => {
    const error = await refusalOf(ingestFile({ bytes: buildDocxBomb(8), filename: "minutes.txt" }));
    expect(error.code).toBe("BAD_ARCHIVE");
  });

  it("refuses an archive that would unpack past the limit, saying both sizes", async () => {
    const docx = buildDocx(
      Array.from({ length: 2_000 }, (_, index) => ({ text: `Paragraph ${index} of a long statement.` })),
    );
    const error = await refusalOf(ingestFile({ bytes: docx, filename: "long.docx" }, { maxUnpackedBytes: 50_000 }));
    expect(error.code).toBe("ARCHIVE_TOO_LARGE");
    expect(error.message).toMatch(/^This file would unpack to [\d.]+ MB; Verbatim unpacks at most 0\.048 MB\./);
  });

  it("reads the limit from INGEST_MAX_UNPACKED_BYTES", async () => {
    const docx = buildDocx([{ text: "A short statement." }]);
    await expect(inspectArchive({ bytes: docx })).resolves.toMatchObject({ entries: 5 });
    process.env.INGEST_MAX_UNPACKED_BYTES = "100";
    try {
      expect((await refusalOf(inspectArchive({ bytes: docx }))).code).toBe("ARCHIVE_TOO_LARGE");
    } finally {
      delete process.env.INGEST_MAX_UNPACKED_BYTES;
    }
  });

  it("refuses an archive of too many parts", async () => {
    const files = Object.fromEntries(
      Array.from({ length: MAX_ARCHIVE_ENTRIES + 1 }, (_, index) => [`word/media/image${index}.png`, "x"]),
    );
    const error = await refusalOf(inspectArchive({ bytes: buildZip(files) }));
    expect(error.code).toBe("ARCHIVE_TOO_LARGE");
    expect(error.message).toBe(
      `This file holds ${MAX_ARCHIVE_ENTRIES + 1} parts; Verbatim reads documents of up to ${MAX_ARCHIVE_ENTRIES}. ` +
        "Save the transcript again as a plain Word document, or as text.",
    );
  });

  it("catches a table of contents that understates what a part unpacks to", async () => {
    const xml = "<w:p><w:r><w:t>again</w:t></w:r></w:p>".repeat(20_000);
    const lying = buildZip(
      { "word/document.xml": xml },
      { deflate: true, declaredSizes: { "word/document.xml": 1000 } },
    );
    const error = await refusalOf(inspectArchive({ bytes: lying }));
    expect(error.code).toBe("BAD_ARCHIVE");
    expect(error.message).toMatch(/does not match the size its table of contents gives/);
  });

  it("refuses a password-protected archive with what to do", async () => {
    const error = await refusalOf(
      inspectArchive({ bytes: buildZip({ "word/document.xml": "<x/>" }, { encrypted: true, deflate: true }) }),
    );
    expect(error.code).toBe("BAD_ARCHIVE");
    expect(error.message).toBe(
      "This file was not unpacked because it is password-protected. Remove the password in Word and upload it again.",
    );
  });

  it("refuses a zip whose table of contents is cut off", async () => {
    const docx = buildDocx([{ text: "Hello." }]);
    const error = await refusalOf(ingestFile({ bytes: docx.slice(0, docx.byteLength - 30), filename: "cut.docx" }));
    expect(error.code).toBe("BAD_ARCHIVE");
  });

  it("lets an ordinary deflated Word file through to the reader", async () => {
    const docx = buildDocx([{ text: "Opening remarks", style: "Title" }, { text: "MODERATOR: Good morning." }], {
      deflate: true,
    });
    const summary = await inspectArchive({ bytes: docx });
    expect(summary.entries).toBe(5);
    const result = await ingestFile({ bytes: docx, filename: "remarks.docx" });
    expect(result.title).toBe("Opening remarks");
    expect(result.segments.map((segment) => segment.text)).toEqual(["Good morning."]);
  });
});
