// What the text formats (txt, md, docx) share: the heading line, annotation labels and numbering, footnote markers
// placed right after the words they are about, and Markdown bodies reduced to plain text.
import { formatTimecode } from "@/lib/format/timecode";
import { VERDICT_LABELS, formatPublicDate, publicFidelityLabel } from "@/lib/publishing/labels";
import type { ExportAnnotation, ExportTranscript } from "./model";

export const INTERNAL_NOTE_LABEL = "[Internal note]";

const KIND_LABELS: Record<ExportAnnotation["kind"], string> = {
  CONTEXT: "Context",
  FACTCHECK: "Fact-check",
  QUOTE: "Key quote",
  NOTE: INTERNAL_NOTE_LABEL,
};

export function annotationLabel(annotation: Pick<ExportAnnotation, "kind" | "verdict">): string {
  const label = KIND_LABELS[annotation.kind];
  return annotation.kind === "FACTCHECK" && annotation.verdict
    ? `${label}: ${VERDICT_LABELS[annotation.verdict]}`
    : label;
}

/** "14 February 2019 · Brussels · Clean read": date, place and fidelity, as the reading page heads a transcript. */
export function detailsLine(transcript: ExportTranscript): string {
  return [
    formatPublicDate(transcript.occurredAt),
    transcript.place,
    publicFidelityLabel(transcript.fidelity, transcript.fidelityCheckedBy),
  ]
    .filter(Boolean)
    .join(" · ");
}

export function formatDate(iso: string): string {
  return formatPublicDate(iso) ?? iso;
}

export function timecodeOf(startMs: number | null): string | null {
  return startMs === null ? null : formatTimecode(startMs);
}

export type TextPiece = { kind: "text"; text: string } | { kind: "marker"; number: number };

/**
 * A paragraph's words with each annotation's number right after the words it is attached to (at the paragraph's
 * end when it is no longer attached). `numbers` gives each annotation's footnote number.
 */
export function piecesWithMarkers(
  text: string,
  annotations: readonly ExportAnnotation[],
  numbers: ReadonlyMap<string, number>,
): TextPiece[] {
  const cuts = annotations
    .map((annotation) => ({
      at: annotation.anchored ? Math.min(Math.max(annotation.end, 0), text.length) : text.length,
      number: numbers.get(annotation.id) ?? 0,
    }))
    .sort((a, b) => a.at - b.at || a.number - b.number);
  const pieces: TextPiece[] = [];
  let from = 0;
  for (const cut of cuts) {
    if (cut.at > from) pieces.push({ kind: "text", text: text.slice(from, cut.at) });
    pieces.push({ kind: "marker", number: cut.number });
    from = Math.max(from, cut.at);
  }
  if (from < text.length) pieces.push({ kind: "text", text: text.slice(from) });
  return pieces;
}

/** Footnote numbers 1..n, in the order given (ExportIndex.annotationsInReadingOrder). */
export function noteNumbers(annotations: readonly ExportAnnotation[]): Map<string, number> {
  return new Map(annotations.map((annotation, index) => [annotation.id, index + 1]));
}

/** Markdown bodies (links, emphasis, code, headings, lists) as plain sentences, for txt and docx. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, (_match, label: string, url: string) =>
      label === url ? url : `${label} (${url})`,
    )
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\p{L}\p{N}*_])([*_])(\S(?:.*?\S)?)\2(?![\p{L}\p{N}])/gu, "$1$3")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/^\s*>\s?/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The lines under one annotation's label: its body, a fact-check's claim and sources, who checked it. */
export function annotationDetails(annotation: ExportAnnotation): string[] {
  const lines: string[] = [];
  if (annotation.claim) lines.push(`Claim: ${annotation.claim}`);
  const body = markdownToPlainText(annotation.body);
  if (body) lines.push(body);
  if (annotation.sources.length > 0) {
    lines.push(
      `Sources: ${annotation.sources.map((source) => (source.title ? `${source.title} <${source.url}>` : source.url)).join("; ")}`,
    );
  }
  if (annotation.checker) lines.push(`Checked by ${annotation.checker}`);
  return lines;
}
