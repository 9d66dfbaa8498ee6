// Markdown: a heading, the details line, each paragraph with its speaker in bold where the speaker changes, and
// annotations as footnotes ([^n], as GitHub and most Markdown tools render them), then the corrections.
import { ExportIndex, type ExportTranscript } from "./model";
import {
  INTERNAL_NOTE_LABEL,
  annotationLabel,
  detailsLine,
  formatDate,
  noteNumbers,
  piecesWithMarkers,
  timecodeOf,
} from "./notes";

/** Speech is text, not Markdown: characters that would format it are escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (character) => `\\${character}`)
    .replace(/^(\s*)([#+=-]|\d+[.)])(?=\s|$)/, (_match, space: string, marker: string) => `${space}\\${marker}`);
}

/** A footnote's Markdown body: its later lines indented so they stay inside the footnote. */
function indentContinuation(markdown: string): string {
  return markdown
    .trim()
    .split("\n")
    .map((line, index) => (index === 0 || line.trim() === "" ? line : `    ${line}`))
    .join("\n");
}

export function renderMarkdown(transcript: ExportTranscript): string {
  const index = new ExportIndex(transcript);
  const annotations = index.annotationsInReadingOrder();
  const numbers = noteNumbers(annotations);
  const blocks: string[] = [`# ${escapeMarkdown(transcript.title)}`, `*${escapeMarkdown(detailsLine(transcript))}*`];
  if (transcript.summary) blocks.push(escapeMarkdown(transcript.summary));
  const links = [
    transcript.url ? `[Read online](<${transcript.url}>)` : null,
    transcript.sourceUrl ? `[Source](<${transcript.sourceUrl}>)` : null,
  ].filter(Boolean);
  if (links.length > 0) blocks.push(links.join(" · "));

  let previousSpeaker: string | null | undefined;
  for (const segment of transcript.segments) {
    const speaker = index.speakerName(segment);
    const time = timecodeOf(segment.startMs);
    const label = speaker !== null && speaker !== previousSpeaker ? `**${escapeMarkdown(speaker)}:** ` : "";
    previousSpeaker = speaker;
    const words = piecesWithMarkers(segment.text, index.annotationsOf(segment.id), numbers)
      .map((piece) => (piece.kind === "text" ? escapeMarkdown(piece.text) : `[^${piece.number}]`))
      .join("");
    blocks.push(`${time ? `\`${time}\` ` : ""}${label}${words}`);
  }

  if (transcript.corrections.length > 0) {
    const items = transcript.corrections.map((correction) => {
      const paragraph = index.paragraphNumber(correction.segmentId);
      return [
        `- **${formatDate(correction.at)}**${paragraph ? `, paragraph ${paragraph}` : ""}: ${escapeMarkdown(correction.reason)}`,
        `  - Before: ${escapeMarkdown(correction.before)}`,
        `  - After: ${escapeMarkdown(correction.after)}`,
      ].join("\n");
    });
    blocks.push(["## Corrections", items.join("\n")].join("\n\n"));
  }

  if (annotations.length > 0) {
    const footnotes = annotations.map((annotation) => {
      const label = annotation.internal ? INTERNAL_NOTE_LABEL : annotationLabel(annotation);
      const byline = annotation.internal && annotation.author ? ` (${escapeMarkdown(annotation.author)})` : "";
      const parts = [`**${label}**${byline} on “${escapeMarkdown(annotation.exact)}”.`];
      if (annotation.claim) parts.push(`*Claim:* ${escapeMarkdown(annotation.claim)}`);
      if (annotation.body.trim()) parts.push(annotation.body.trim());
      if (annotation.sources.length > 0) {
        const sources = annotation.sources.map(
          (source) => `[${escapeMarkdown(source.title ?? source.url)}](<${source.url}>)`,
        );
        parts.push(`*Sources:* ${sources.join("; ")}`);
      }
      if (annotation.checker) parts.push(`*Checked by ${escapeMarkdown(annotation.checker)}.*`);
      return `[^${numbers.get(annotation.id)}]: ${indentContinuation(parts.join("\n\n"))}`;
    });
    blocks.push(footnotes.join("\n"));
  }
  return `${blocks.join("\n\n")}\n`;
}
