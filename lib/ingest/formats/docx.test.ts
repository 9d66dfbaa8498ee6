import { describe, expect, it } from "vitest";
import { ingestFile } from "../pipeline";
import { buildDocx } from "../test-support/docx";

const DOCUMENT = buildDocx([
  { text: "Remarks by Prime Minister Kaja Kallas at the Tallinn Digital Summit, 9 October 2023", style: "Title" },
  { text: "" },
  { text: "KAJA KALLAS: Good morning. Digital government is not a luxury & it is not a gadget." },
  { text: "It is how a small country" },
  { text: "serves its people." },
  { text: "" },
  { text: "Security", style: "Heading1" },
  { text: "Q: What about cyber defence?" },
]);

describe("Word documents", () => {
  it("takes the title from the Title paragraph and its date", async () => {
    const result = await ingestFile({ bytes: DOCUMENT, filename: "remarks.docx" });
    expect(result.source).toMatchObject({
      format: "docx",
      encoding: "binary",
      mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    expect(result.title).toBe("Remarks by Prime Minister Kaja Kallas at the Tallinn Digital Summit");
    expect(result.occurredAt).toBe("2023-10-09");
    expect(result.removed).toEqual([
      {
        id: 1,
        line: 1,
        text: "Remarks by Prime Minister Kaja Kallas at the Tallinn Digital Summit, 9 October 2023",
        reasonCode: "title",
        reason: "First line, used as the title.",
      },
    ]);
  });

  it("turns paragraphs into segments, joining a sentence split over two paragraphs", async () => {
    const result = await ingestFile({ bytes: DOCUMENT, filename: "remarks.docx" });
    expect(result.segments.map((segment) => [segment.speaker, segment.text])).toEqual([
      [
        "Kaja Kallas",
        "Good morning. Digital government is not a luxury & it is not a gadget. It is how a small country serves its people.",
      ],
      [null, "Security"],
      ["Question", "What about cyber defence?"],
    ]);
    expect(result.speakers[0]).toEqual({
      name: "Kaja Kallas",
      title: "Prime Minister",
      role: "official",
      outlet: null,
    });
  });

  it("is read as Word by its content whatever its name", async () => {
    const result = await ingestFile({ bytes: DOCUMENT, filename: "remarks.txt" });
    expect(result.source.format).toBe("docx");
  });
});
