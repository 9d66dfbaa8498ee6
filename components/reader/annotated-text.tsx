import type { ReactNode } from "react";
import { splitIntoRuns } from "@/components/editor/highlight";
import { stageDirectionSpans, type TextSpan } from "@/lib/ingest/wrappers/stage-directions";
import type { NumberedAnnotation } from "./reading-model";

/** What marking needs of an annotation: the reading page's notes and the embed's both have it. */
type Markable = Pick<NumberedAnnotation, "id" | "kind" | "number" | "isMarked" | "start" | "end">;

/** The annotation drawn on a run where several overlap: the innermost (shortest), so each can still be reached. */
function innermost<T extends Markable>(ranges: T[]): T {
  return ranges.reduce((best, range) => (range.end - range.start < best.end - best.start ? range : best));
}

/**
 * The words of `text[start, end)`, with any stage direction ("(Applause.)", "(сміх)") in it set apart: italic and
 * muted for the eye, and a note with its own role description for screen readers, so nobody takes it for the
 * speaker's words. The text itself is untouched, so quotes and text fragments still match.
 */
function withStageDirections(text: string, start: number, end: number, directions: readonly TextSpan[]): ReactNode[] {
  const nodes: ReactNode[] = [];
  let at = start;
  for (const direction of directions) {
    const from = Math.max(direction.start, start);
    const to = Math.min(direction.end, end);
    if (to <= from) continue;
    if (from > at) nodes.push(text.slice(at, from));
    nodes.push(
      <span key={`s${from}`} role="note" aria-roledescription="stage direction" className="reader-stage-direction">
        {text.slice(from, to)}
      </span>,
    );
    at = to;
  }
  if (at < end) nodes.push(text.slice(at, end));
  return nodes;
}

/**
 * A paragraph's text with its annotated words marked. Each mark links to its note (`#note-<id>`); the first mark
 * of an annotation carries `id="ref-<id>"` for the note's link back. The note's number is drawn by CSS from
 * `data-note` rather than written into the text, so a text fragment (`#:~:text=`) still matches the words.
 */
export function AnnotatedText({ text, annotations }: { text: string; annotations: Markable[] }) {
  const marked = annotations.filter((annotation) => annotation.isMarked);
  const runs = splitIntoRuns(text, marked);
  const directions = stageDirectionSpans(text);
  const owners = runs.map((run) => (run.ranges.length > 0 ? innermost(run.ranges) : null));
  const referenced = new Set<string>();
  const lastRunOf = new Map<string, number>();
  owners.forEach((owner, index) => {
    if (owner) lastRunOf.set(owner.id, index);
  });

  const nodes: ReactNode[] = [];
  runs.forEach((run, index) => {
    const owner = owners[index];
    if (!owner) {
      nodes.push(...withStageDirections(text, run.start, run.end, directions));
      return;
    }
    const isFirst = !referenced.has(owner.id);
    referenced.add(owner.id);
    const isLast = lastRunOf.get(owner.id) === index && owner.end === run.end;
    nodes.push(
      <mark key={`m${run.start}`} className="reader-mark" data-kind={owner.kind}>
        <a
          href={`#note-${owner.id}`}
          id={isFirst ? `ref-${owner.id}` : undefined}
          data-note={isLast ? owner.number : undefined}
          className="reader-note-link"
        >
          {withStageDirections(text, run.start, run.end, directions)}
        </a>
      </mark>,
    );
    // Annotations hidden under a shorter one still get a numbered link where their words end.
    for (const range of run.ranges) {
      if (range === owner || range.end !== run.end) continue;
      const isHidden = !owners.includes(range);
      nodes.push(
        <a
          key={`r${range.id}`}
          href={`#note-${range.id}`}
          id={isHidden ? `ref-${range.id}` : undefined}
          data-note={range.number}
          aria-label={`Note ${range.number}`}
          className="reader-note-link reader-note-only"
        />,
      );
    }
  });
  return <>{nodes}</>;
}
