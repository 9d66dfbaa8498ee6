import { MarkdownBody } from "@/components/editor/markdown-body";
import type { NumberedAnnotation } from "@/components/reader/reading-model";
import { PUBLIC_ANNOTATION_KIND_LABELS, VERDICT_LABELS } from "@/lib/publishing/labels";

const BADGE_CLASSES: Record<NumberedAnnotation["kind"], string> = {
  CONTEXT: "bg-sky-100 text-sky-950",
  FACTCHECK: "bg-violet-100 text-violet-950",
  QUOTE: "bg-emerald-100 text-emerald-950",
};

function isWebAddress(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

const linkClasses = "text-accent underline underline-offset-2 hover:text-accent-strong";

/**
 * A public annotation in an embed, smaller than the reading page's: the marked words link here (`#note-<id>`).
 * Every link leaves the frame (target=_blank): inside it, our other pages would refuse to load.
 */
export function EmbedNote({ annotation }: { annotation: NumberedAnnotation }) {
  const titleId = `note-${annotation.id}-title`;
  return (
    <aside
      id={`note-${annotation.id}`}
      aria-labelledby={titleId}
      className="mt-2 rounded-md border border-stone-200 bg-stone-50 px-2.5 py-2 font-sans text-sm [overflow-wrap:anywhere]"
    >
      <p id={titleId} className="flex flex-wrap items-center gap-2 text-xs">
        <span className="font-semibold text-stone-700">Note {annotation.number}</span>
        <span className={`rounded px-1.5 py-0.5 font-semibold ${BADGE_CLASSES[annotation.kind]}`}>
          {PUBLIC_ANNOTATION_KIND_LABELS[annotation.kind]}
        </span>
        {annotation.kind === "FACTCHECK" && annotation.verdict ? (
          <span>
            Verdict: <strong className="font-bold text-accent-strong">{VERDICT_LABELS[annotation.verdict]}</strong>
          </span>
        ) : null}
      </p>
      {!annotation.anchored && annotation.publishedExact ? (
        <p className="mt-1 text-stone-700">
          On words a correction has since changed: <q>{annotation.publishedExact}</q>
        </p>
      ) : null}
      {annotation.kind === "FACTCHECK" && annotation.claim ? (
        <p className="mt-1">
          <span className="font-semibold">Claim:</span> <q>{annotation.claim}</q>
        </p>
      ) : null}
      {annotation.body.trim() ? <MarkdownBody text={annotation.body} /> : null}
      {annotation.sources.length > 0 ? (
        <p className="mt-1 flex flex-wrap gap-x-3">
          <span className="font-semibold">Sources:</span>
          {annotation.sources.map((source, index) => {
            const label = source.title?.trim() || source.url;
            return isWebAddress(source.url) ? (
              <a
                key={`${index}-${source.url}`}
                href={source.url}
                target="_blank"
                rel="noopener noreferrer nofollow"
                className={linkClasses}
              >
                {label}
              </a>
            ) : (
              <span key={`${index}-${source.url}`}>{label}</span>
            );
          })}
        </p>
      ) : null}
      {annotation.checker ? <p className="mt-1 text-stone-700">Checked by {annotation.checker}</p> : null}
      {annotation.kind === "QUOTE" ? (
        <p className="mt-1">
          <a href={`/q/${annotation.id}`} target="_blank" rel="noopener" className={linkClasses}>
            Share this quote
          </a>
        </p>
      ) : null}
    </aside>
  );
}
