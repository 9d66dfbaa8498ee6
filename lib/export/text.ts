// Plain text: the title and details, one paragraph per block with the speaker's name where it changes (and the
// time, when timed), numbered notes after the words they are about, then the notes and the corrections.
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

export function renderText(transcript: ExportTranscript): string {
  const index = new ExportIndex(transcript);
  const annotations = index.annotationsInReadingOrder();
  const numbers = noteNumbers(annotations);
  const blocks: string[] = [[transcript.title, detailsLine(transcript)].join("\n")];
  const about = [
    transcript.summary,
    transcript.url ? `Read online: ${transcript.url}` : null,
    transcript.sourceUrl ? `Source: ${transcript.sourceUrl}` : null,
  ].filter((line): line is string => Boolean(line));
  if (about.length > 0) blocks.push(about.join("\n"));

  let previousSpeaker: string | null | undefined;
  for (const segment of transcript.segments) {
    const speaker = index.speakerName(segment);
    const time = timecodeOf(segment.startMs);
    const label = speaker !== null && speaker !== previousSpeaker ? `${speaker}: ` : "";
    previousSpeaker = speaker;
    const words = piecesWithMarkers(segment.text, index.annotationsOf(segment.id), numbers)
      .map((piece) => (piece.kind === "text" ? piece.text : `[${piece.number}]`))
      .join("");
    blocks.push(`${time ? `[${time}] ` : ""}${label}${words}`);
  }

  if (annotations.length > 0) {
    const notes = annotations.map((annotation) => {
      const paragraph = index.paragraphNumber(annotation.segmentId);
      const where = `on “${annotation.exact}”${paragraph ? ` (paragraph ${paragraph})` : ""}`;
      const label = annotation.internal ? INTERNAL_NOTE_LABEL : annotationLabel(annotation);
      const byline = annotation.internal && annotation.author ? `, by ${annotation.author}` : "";
      const details = annotationDetails(annotation).flatMap((line) => line.split("\n").map((part) => `    ${part}`));
      return [`[${numbers.get(annotation.id)}] ${label}${byline}, ${where}`, ...details].join("\n");
    });
    blocks.push(["NOTES", ...notes].join("\n\n"));
  }
  if (transcript.corrections.length > 0) {
    const corrections = transcript.corrections.map((correction) => {
      const paragraph = index.paragraphNumber(correction.segmentId);
      return [
        `${formatDate(correction.at)}${paragraph ? `, paragraph ${paragraph}` : ""}: ${correction.reason}`,
        `    Before: ${correction.before}`,
        `    After: ${correction.after}`,
      ].join("\n");
    });
    blocks.push(["CORRECTIONS", ...corrections].join("\n\n"));
  }
  return `${blocks.join("\n\n")}\n`;
}
