import Link from "next/link";
import { MarkdownBody } from "@/components/editor/markdown-body";
import { PUBLIC_ANNOTATION_KIND_LABELS, VERDICT_LABELS } from "@/lib/publishing/labels";
import type { PublishedSource } from "@/lib/publishing/types";
import type { NumberedAnnotation } from "./reading-model";

const BADGE_CLASSES: Record<NumberedAnnotation["kind"], string> = {
  CONTEXT: "bg-sky-100 text-sky-950",
  FACTCHECK: "bg-violet-100 text-violet-950",
  QUOTE: "bg-emerald-100 text-emerald-950",
};

/** Only web addresses become links: a source is typed by staff, but a javascript: address must never run. */
function isWebAddress(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

function SourceItem({ source }: { source: PublishedSource }) {
  const label = source.title?.trim() || source.url;
  if (!isWebAddress(source.url)) return <li className="[overflow-wrap:anywhere]">{label}</li>;
  return (
    <li className="[overflow-wrap:anywhere]">
      <a
        href={source.url}
        target="_blank"
        rel="noopener noreferrer nofollow"
        className="text-accent underline underline-offset-2 hover:text-accent-strong"
      >
        {label}
      </a>
    </li>
  );
}

/**
 * A public annotation as a footnote beside its paragraph: reached from the marked words (`#note-<id>`), and
 * linking back to them, or to the paragraph when a correction removed its words.
 */
export function AnnotationAside({ annotation }: { annotation: NumberedAnnotation }) {
  const kindLabel = PUBLIC_ANNOTATION_KIND_LABELS[annotation.kind];
  const titleId = `note-${annotation.id}-title`;
  return (
    <aside
      id={`note-${annotation.id}`}
      tabIndex={-1}
      aria-labelledby={titleId}
      data-note-aside=""
      className="reader-note my-3 scroll-mt-24 rounded-md border border-stone-300 bg-white p-3 text-sm sm:ml-6"
    >
      <p id={titleId} className="flex flex-wrap items-center gap-2 font-sans">
        <span className="reader-note-number font-semibold text-stone-700">Note {annotation.number}</span>
        <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${BADGE_CLASSES[annotation.kind]}`}>
          {kindLabel}
        </span>
      </p>
      {!annotation.anchored && annotation.publishedExact ? (
        <p className="mt-1 text-stone-700">
          On words a correction has since changed: <q>{annotation.publishedExact}</q>
        </p>
      ) : null}
      {annotation.kind === "FACTCHECK" ? (
        <div className="mt-2 flex flex-col gap-1">
          {annotation.claim ? (
            <p>
              <span className="font-semibold">Claim:</span> <q>{annotation.claim}</q>
            </p>
          ) : null}
          {annotation.verdict ? (
            <p>
              <span className="font-semibold">Verdict:</span>{" "}
              <strong className="font-bold text-accent-strong">{VERDICT_LABELS[annotation.verdict]}</strong>
            </p>
          ) : null}
        </div>
      ) : null}
      {annotation.body.trim() ? (
        <div className="mt-2">
          <MarkdownBody text={annotation.body} />
        </div>
      ) : null}
      {annotation.sources.length > 0 ? (
        <div className="mt-2">
          <p className="font-semibold">Sources</p>
          <ul className="list-disc pl-5">
            {annotation.sources.map((source, index) => (
              <SourceItem key={`${index}-${source.url}`} source={source} />
            ))}
          </ul>
        </div>
      ) : null}
      {annotation.checker ? <p className="mt-2 text-stone-700">Checked by {annotation.checker}</p> : null}
      <p className="reader-controls mt-2 flex flex-wrap gap-x-4 gap-y-1 font-sans">
        {annotation.kind === "QUOTE" ? (
          <Link
            href={`/q/${annotation.id}`}
            className="text-accent underline underline-offset-2 hover:text-accent-strong"
          >
            Share this quote
          </Link>
        ) : null}
        <a
          href={annotation.isMarked ? `#ref-${annotation.id}` : `#p-${annotation.paragraphNumber}`}
          className="text-accent underline underline-offset-2 hover:text-accent-strong"
        >
          {annotation.isMarked ? "Back to the passage" : `Back to paragraph ${annotation.paragraphNumber}`}
        </a>
      </p>
    </aside>
  );
}
