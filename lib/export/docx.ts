// Word: the title, the date / place / fidelity line, each paragraph with its speaker's name in bold where the
// speaker changes, annotations as Word footnotes after the words they are about (internal notes marked), and the
// corrections listed at the end.
import {
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from "docx";
import { ExportIndex, type ExportTranscript } from "./model";
import {
  INTERNAL_NOTE_LABEL,
  annotationDetails,
  annotationLabel,
  detailsLine,
  formatDate,
  noteNumbers,
  piecesWithMarkers,
  timecodeOf,
} from "./notes";

function link(url: string, text = url): ExternalHyperlink {
  return new ExternalHyperlink({ link: url, children: [new TextRun({ text, style: "Hyperlink" })] });
}

function heading(transcript: ExportTranscript): Paragraph[] {
  const paragraphs = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(transcript.title)] }),
    new Paragraph({ children: [new TextRun({ text: detailsLine(transcript), italics: true })] }),
  ];
  if (transcript.summary) paragraphs.push(new Paragraph(transcript.summary));
  const links: ParagraphChild[] = [];
  if (transcript.url) links.push(new TextRun("Read online: "), link(transcript.url));
  if (transcript.sourceUrl) {
    if (links.length > 0) links.push(new TextRun(" · "));
    links.push(new TextRun("Source: "), link(transcript.sourceUrl));
  }
  if (links.length > 0) paragraphs.push(new Paragraph({ children: links }));
  return paragraphs;
}

function footnotes(transcript: ExportTranscript, index: ExportIndex, numbers: Map<string, number>) {
  const notes: Record<number, { children: Paragraph[] }> = {};
  for (const annotation of transcript.annotations) {
    const number = numbers.get(annotation.id);
    if (number === undefined) continue;
    const label = annotation.internal ? INTERNAL_NOTE_LABEL : annotationLabel(annotation);
    const paragraph = index.paragraphNumber(annotation.segmentId);
    const byline = annotation.internal && annotation.author ? ` (${annotation.author})` : "";
    notes[number] = {
      children: [
        new Paragraph({
          children: [
            new TextRun({ text: `${label}${byline}`, bold: true }),
            new TextRun(` on “${annotation.exact}”${paragraph ? ` (paragraph ${paragraph})` : ""}`),
          ],
        }),
        ...annotationDetails(annotation).map((line) => new Paragraph(line)),
      ],
    };
  }
  return notes;
}

function corrections(transcript: ExportTranscript, index: ExportIndex): Paragraph[] {
  if (transcript.corrections.length === 0) return [];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("Corrections")] }),
    ...transcript.corrections.flatMap((correction) => {
      const paragraph = index.paragraphNumber(correction.segmentId);
      return [
        new Paragraph({
          children: [
            new TextRun({ text: formatDate(correction.at), bold: true }),
            new TextRun(`${paragraph ? `, paragraph ${paragraph}` : ""}: ${correction.reason}`),
          ],
        }),
        new Paragraph({ indent: { left: 360 }, children: [new TextRun(`Before: ${correction.before}`)] }),
        new Paragraph({ indent: { left: 360 }, children: [new TextRun(`After: ${correction.after}`)] }),
      ];
    }),
  ];
}

export async function renderDocx(transcript: ExportTranscript): Promise<Uint8Array<ArrayBuffer>> {
  const index = new ExportIndex(transcript);
  const annotations = index.annotationsInReadingOrder();
  const numbers = noteNumbers(annotations);
  let previousSpeaker: string | null | undefined;
  const body = transcript.segments.map((segment) => {
    const speaker = index.speakerName(segment);
    const time = timecodeOf(segment.startMs);
    const children: ParagraphChild[] = [];
    if (time) children.push(new TextRun({ text: `[${time}] `, color: "666666" }));
    if (speaker !== null && speaker !== previousSpeaker)
      children.push(new TextRun({ text: `${speaker}: `, bold: true }));
    previousSpeaker = speaker;
    for (const piece of piecesWithMarkers(segment.text, index.annotationsOf(segment.id), numbers)) {
      children.push(piece.kind === "text" ? new TextRun(piece.text) : new FootnoteReferenceRun(piece.number));
    }
    return new Paragraph({ children, spacing: { after: 160 } });
  });
  const document = new Document({
    title: transcript.title,
    creator: "Verbatim",
    footnotes: footnotes(transcript, index, numbers),
    sections: [{ children: [...heading(transcript), ...body, ...corrections(transcript, index)] }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
