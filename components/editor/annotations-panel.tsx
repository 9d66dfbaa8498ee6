"use client";

import { memo, useEffect, useMemo, useState, useSyncExternalStore, type FormEvent } from "react";
import type { AnnotationKindName, EditorAnnotation, EditorEntity } from "@/lib/editor/types";
import { sortInReadingOrder } from "./annotation-store";
import type { AnnotationFormTarget } from "./annotation-form";
import type { EditorController } from "./editor-controller";
import { ANNOTATION_KIND_SHORT, ANNOTATION_KIND_STYLES, VERDICT_LABELS, formatWhen } from "./labels";
import { MarkdownBody } from "./markdown-body";
import { NeedsReview } from "./needs-review";

type Filter = "all" | AnnotationKindName | "open-notes";

const FILTERS: { value: Filter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "open-notes", label: "Open notes" },
  { value: "note", label: "Notes" },
  { value: "context", label: "Context" },
  { value: "factcheck", label: "Fact-checks" },
  { value: "quote", label: "Key quotes" },
];

const CARDS_PER_PAGE = 30;

const SMALL_BUTTON =
  "rounded border border-stone-300 bg-white px-2 py-1 text-xs font-medium text-ink hover:bg-stone-100 disabled:cursor-not-allowed disabled:text-stone-500";

export function annotationCardId(annotationId: string): string {
  return `annotation-card-${annotationId}`;
}

/** Annotations in reading order, with a "Needs review" list on top for those whose words were lost. */
export function AnnotationsPanel({
  controller,
  reveal,
  onEdit,
  onEntity,
  canApprove = false,
}: {
  controller: EditorController;
  /** Editors and admins: they approve a reporter's public notes for live readers. */
  canApprove?: boolean;
  /** A card asked for from the text (its paragraph's "Here:" buttons): shown, scrolled to and focused. */
  reveal: { id: string; nonce: number } | null;
  onEdit: (target: AnnotationFormTarget) => void;
  /** An entity whose mention count changed (a mention re-attached or deleted under "Needs review"). */
  onEntity?: (entity: EditorEntity) => void;
}) {
  const all = useSyncExternalStore(
    controller.annotations.subscribe,
    controller.annotations.getAll,
    controller.annotations.getAll,
  );
  const structure = useSyncExternalStore(
    controller.store.subscribeStructure,
    controller.store.getStructure,
    controller.store.getStructure,
  );
  const [filter, setFilter] = useState<Filter>("all");
  const [limit, setLimit] = useState(CARDS_PER_PAGE);

  const { anchored, needsReview } = useMemo(() => {
    void structure.version; // reading order follows the paragraphs' order
    const sorted = sortInReadingOrder(all, (segmentId) => controller.store.indexOf(segmentId));
    return {
      anchored: sorted.filter((annotation) => annotation.status === "anchored"),
      needsReview: sorted.filter((annotation) => annotation.status === "needs_review"),
    };
  }, [all, structure.version, controller.store]);

  const shown = anchored.filter(
    (annotation) =>
      annotation.id === reveal?.id ||
      (filter === "all"
        ? true
        : filter === "open-notes"
          ? annotation.kind === "note" && !annotation.resolved
          : annotation.kind === filter),
  );
  // Hundreds of cards, each with Markdown, would slow the page's opening: the list grows on demand instead, and
  // always far enough to hold a card asked for from the text.
  const revealIndex = reveal ? shown.findIndex((annotation) => annotation.id === reveal.id) : -1;
  const visibleCount = Math.max(limit, revealIndex + 1);

  useEffect(() => {
    if (!reveal) return;
    const frame = requestAnimationFrame(() => {
      document.getElementById(annotationCardId(reveal.id))?.scrollIntoView({ block: "nearest" });
      document.getElementById(`${annotationCardId(reveal.id)}-title`)?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [reveal]);

  return (
    <section aria-labelledby="annotations-title" className="flex flex-col gap-4" data-testid="annotation-panel">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="annotations-title" className="font-semibold">
          Annotations <span className="font-normal text-stone-600">({anchored.length})</span>
        </h2>
        <div className="flex items-center gap-1 text-xs text-stone-700">
          <label htmlFor="annotation-filter">Show</label>
          <select
            id="annotation-filter"
            value={filter}
            onChange={(event) => setFilter(event.target.value as Filter)}
            className="rounded border border-stone-300 bg-white px-1 py-0.5 text-xs text-ink"
          >
            {FILTERS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>

      <NeedsReview controller={controller} annotations={needsReview} onEntity={onEntity} />

      {anchored.length === 0 ? (
        <p className="text-sm text-stone-600">
          No annotations yet. Select words in a paragraph and press Alt+A, or use the Annotate button under it.
        </p>
      ) : shown.length === 0 ? (
        <p className="text-sm text-stone-600">None of this kind.</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {shown.slice(0, visibleCount).map((annotation) => (
            <li key={annotation.id}>
              <AnnotationCard
                controller={controller}
                annotation={annotation}
                paragraphNumber={controller.store.indexOf(annotation.segmentId) + 1}
                onEdit={onEdit}
                canApprove={canApprove}
              />
            </li>
          ))}
        </ol>
      )}
      {shown.length > visibleCount ? (
        <button
          type="button"
          className={SMALL_BUTTON}
          onClick={() => setLimit((current) => Math.max(current, visibleCount) + CARDS_PER_PAGE)}
        >
          Show {Math.min(CARDS_PER_PAGE, shown.length - visibleCount)} more of {shown.length - visibleCount}
        </button>
      ) : null}
    </section>
  );
}

const AnnotationCard = memo(function AnnotationCard({
  controller,
  annotation,
  paragraphNumber,
  onEdit,
  canApprove,
}: {
  controller: EditorController;
  annotation: EditorAnnotation;
  paragraphNumber: number;
  onEdit: (target: AnnotationFormTarget) => void;
  canApprove: boolean;
}) {
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [reply, setReply] = useState("");
  const isNote = annotation.kind === "note";

  async function run<T>(
    request: Promise<{ ok: true; body: T } | { ok: false; message: string }>,
    done: (body: T) => void,
  ) {
    setIsBusy(true);
    const response = await request;
    setIsBusy(false);
    if (!response.ok) return controller.say(response.message, "error");
    done(response.body);
  }

  function sendReply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = reply.trim();
    if (!body) return;
    void run(controller.api.replyToAnnotation(annotation.id, body), ({ reply: created }) => {
      controller.annotations.upsert([{ ...annotation, replies: [...annotation.replies, created] }]);
      setReply("");
    });
  }

  return (
    <article
      id={annotationCardId(annotation.id)}
      aria-labelledby={`${annotationCardId(annotation.id)}-title`}
      className={`rounded-md border bg-white p-3 text-sm ${annotation.resolved ? "border-stone-200 opacity-80" : "border-stone-300"}`}
    >
      <header className="flex flex-wrap items-center gap-2">
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${ANNOTATION_KIND_STYLES[annotation.kind].badge}`}>
          {ANNOTATION_KIND_SHORT[annotation.kind]}
        </span>
        {annotation.kind === "factcheck" && annotation.verdict ? (
          <span className="rounded bg-stone-800 px-1.5 py-0.5 text-xs font-medium text-white">
            {VERDICT_LABELS[annotation.verdict]}
          </span>
        ) : null}
        {isNote && annotation.resolved ? <span className="text-xs text-stone-600">Resolved</span> : null}
        {annotation.awaitingApproval ? (
          <span
            className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-950"
            data-testid="awaiting-approval"
          >
            Waiting for an editor: live readers do not see it yet
          </span>
        ) : null}
        <button
          id={`${annotationCardId(annotation.id)}-title`}
          type="button"
          className="ml-auto text-xs font-medium text-accent underline underline-offset-2"
          onClick={() => controller.focusParagraph(annotation.segmentId, annotation.start, annotation.end)}
        >
          {paragraphNumber > 0 ? `Paragraph ${paragraphNumber}` : "Go to the words"}
        </button>
      </header>
      <blockquote className="mt-2 border-l-2 border-stone-300 pl-2 font-serif text-stone-800 [overflow-wrap:anywhere]">
        {annotation.quote.exact.length > 200 ? `${annotation.quote.exact.slice(0, 200)}…` : annotation.quote.exact}
      </blockquote>
      {annotation.kind === "factcheck" && annotation.claim ? (
        <p className="mt-2">
          <span className="font-medium">Claim:</span> {annotation.claim}
        </p>
      ) : null}
      {annotation.body ? (
        <div className="mt-2">
          <MarkdownBody text={annotation.body} />
        </div>
      ) : null}
      {annotation.kind === "factcheck" && annotation.sources.length > 0 ? (
        <ul className="mt-2 list-disc pl-5 text-xs">
          {annotation.sources.map((source, index) => (
            <li key={`${source.url}-${index}`}>
              <a
                href={source.url}
                target="_blank"
                rel="noopener noreferrer nofollow"
                className="text-accent underline [overflow-wrap:anywhere]"
              >
                {source.title || source.url}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-2 text-xs text-stone-600">
        {annotation.author.name} · {formatWhen(annotation.createdAt)}
        {annotation.kind === "factcheck" && annotation.checker ? ` · checked by ${annotation.checker}` : ""}
      </p>

      {isNote && annotation.replies.length > 0 ? (
        <ol className="mt-2 flex flex-col gap-2 border-l-2 border-amber-200 pl-3" aria-label="Replies">
          {annotation.replies.map((item) => (
            <li key={item.id}>
              <MarkdownBody text={item.body} />
              <p className="text-xs text-stone-600">
                {item.author.name} · {formatWhen(item.createdAt)}
              </p>
            </li>
          ))}
        </ol>
      ) : null}

      {isNote ? (
        <form onSubmit={sendReply} className="mt-2 flex gap-1">
          <label className="sr-only" htmlFor={`${annotationCardId(annotation.id)}-reply`}>
            Reply to this note
          </label>
          <input
            id={`${annotationCardId(annotation.id)}-reply`}
            value={reply}
            onChange={(event) => setReply(event.target.value)}
            placeholder="Reply…"
            className="min-w-0 flex-1 rounded border border-stone-300 px-2 py-1 text-sm"
          />
          <button type="submit" className={SMALL_BUTTON} disabled={isBusy || !reply.trim()}>
            Reply
          </button>
        </form>
      ) : null}

      <div className="mt-2 flex flex-wrap gap-1">
        {annotation.awaitingApproval && canApprove ? (
          <button
            type="button"
            className={`${SMALL_BUTTON} border-accent text-accent`}
            disabled={isBusy}
            onClick={() =>
              void run(controller.api.approveAnnotation(annotation.id), (body) => {
                controller.annotations.upsert([body.annotation]);
                controller.say("Approved: live readers see it now.");
              })
            }
          >
            Approve for readers
          </button>
        ) : null}
        <button type="button" className={SMALL_BUTTON} onClick={() => onEdit({ type: "edit", annotation })}>
          Edit
        </button>
        {isNote ? (
          <button
            type="button"
            className={SMALL_BUTTON}
            disabled={isBusy}
            onClick={() =>
              void run(controller.api.updateAnnotation(annotation.id, { resolved: !annotation.resolved }), (body) =>
                controller.annotations.upsert([body.annotation]),
              )
            }
          >
            {annotation.resolved ? "Reopen" : "Resolve"}
          </button>
        ) : null}
        {isConfirmingDelete ? (
          <>
            <button
              type="button"
              className={`${SMALL_BUTTON} border-red-300 text-red-800`}
              disabled={isBusy}
              onClick={() =>
                void run(controller.api.deleteAnnotation(annotation.id), () =>
                  controller.annotations.remove(annotation.id),
                )
              }
            >
              Confirm delete
            </button>
            <button type="button" className={SMALL_BUTTON} onClick={() => setIsConfirmingDelete(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" className={`${SMALL_BUTTON} text-red-800`} onClick={() => setIsConfirmingDelete(true)}>
            Delete
          </button>
        )}
      </div>
    </article>
  );
});
