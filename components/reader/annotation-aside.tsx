import type { ReactNode } from "react";
import { PUBLIC_ANNOTATION_KIND_LABELS, VERDICT_LABELS } from "@/lib/publishing/labels";
import type { PublishedSource } from "@/lib/publishing/types";
import type { ReaderNote } from "./reading-model";

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
  if (!isWebAddress(source.url)) return <li>{label}</li>;
  return (
    <li>
      <a href={source.url} target="_blank" rel="noopener noreferrer nofollow" className="reader-link">
        {label}
      </a>
    </li>
  );
}

/**
 * A public annotation as a footnote beside its paragraph: reached from the marked words (`#note-<id>`), and
 * linking back to them, or to the paragraph when a correction removed its words. Its Markdown body arrives rendered
 * on the server (`body`), so the Markdown renderer stays out of the browser's bundle.
 */
export function AnnotationAside({
  annotation,
  paragraphNumber,
  body,
}: {
  annotation: ReaderNote;
  paragraphNumber: number;
  body: ReactNode;
}) {
  const kindLabel = PUBLIC_ANNOTATION_KIND_LABELS[annotation.kind];
  const title = `Note ${annotation.number}`;
  // Short classes only (app/globals.css), and named by a label rather than an id pair: a transcript has dozens of
  // these, each sent twice (HTML and React payload).
  return (
    <aside
      id={`note-${annotation.id}`}
      tabIndex={-1}
      aria-label={`${title}, ${kindLabel}`}
      data-kind={annotation.kind}
      className="reader-note"
    >
      <p className="reader-note-head">
        <span className="reader-note-number">{title}</span>
        <span className="reader-badge">{kindLabel}</span>
      </p>
      {annotation.formerWords ? (
        <p className="reader-muted">
          On words a correction has since changed: <q>{annotation.formerWords}</q>
        </p>
      ) : null}
      {annotation.kind === "FACTCHECK" && (annotation.claim || annotation.verdict) ? (
        <div className="reader-claim">
          {annotation.claim ? (
            <p>
              <b>Claim:</b> <q>{annotation.claim}</q>
            </p>
          ) : null}
          {annotation.verdict ? (
            <p>
              <b>Verdict:</b> <strong className="reader-verdict">{VERDICT_LABELS[annotation.verdict]}</strong>
            </p>
          ) : null}
        </div>
      ) : null}
      {body}
      {annotation.sources ? (
        <div>
          <b>Sources</b>
          <ul>
            {annotation.sources.map((source, index) => (
              <SourceItem key={`${index}-${source.url}`} source={source} />
            ))}
          </ul>
        </div>
      ) : null}
      {annotation.checker ? <p className="reader-muted">{`Checked by ${annotation.checker}`}</p> : null}
      <p className="reader-note-links">
        {annotation.kind === "QUOTE" ? (
          <a href={`/q/${annotation.id}`} className="reader-link">
            Share this quote
          </a>
        ) : null}
        <a href={annotation.isMarked ? `#ref-${annotation.id}` : `#p-${paragraphNumber}`} className="reader-link">
          {annotation.isMarked ? "Back to the passage" : `Back to paragraph ${paragraphNumber}`}
        </a>
      </p>
    </aside>
  );
}
