"use client";

import { useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import type {
  EditorAnnotation,
  EditorEntity,
  EditorReviewMention,
  QuoteSelectorJson,
  ReviewCandidate,
} from "@/lib/editor/types";
import type { ApiResult } from "./api";
import type { EditorController } from "./editor-controller";
import { entryText } from "./segment-store";
import { ANNOTATION_KIND_SHORT, ANNOTATION_KIND_STYLES, ENTITY_TYPE_NAME_LABELS, reviewReasonLabel } from "./labels";
import { MarkdownBody } from "./markdown-body";

const SMALL_BUTTON =
  "rounded border border-stone-300 bg-white px-2 py-1 text-xs font-medium text-ink hover:bg-stone-100 disabled:cursor-not-allowed disabled:text-stone-500";

/** Candidates are fetched for this many items at once; the rest on request, so a long list costs no burst. */
const AUTO_CANDIDATES = 12;

type Range = { segmentId: string; start: number; end: number };

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The "Needs review" list: annotations and entity mentions whose words an edit deleted, moved or left ambiguous.
 * Nothing was re-attached for them; each shows its old words, the likely places (ranked by the server), and lets
 * a person attach it with one click, select the words themselves, or delete it.
 */
export function NeedsReview({
  controller,
  annotations,
  onEntity,
}: {
  controller: EditorController;
  annotations: EditorAnnotation[];
  onEntity?: (entity: EditorEntity) => void;
}) {
  const selection = useSyncExternalStore(controller.selection.subscribe, controller.selection.get, () => null);
  const mentions = useSyncExternalStore(
    controller.reviewMentions.subscribe,
    controller.reviewMentions.get,
    controller.reviewMentions.get,
  );
  const count = annotations.length + mentions.length;
  // Only there when something needs review: an empty box would be one more thing to read.
  if (count === 0) return null;

  async function attachAnnotation(annotation: EditorAnnotation, range: Range) {
    const response = await controller.api.updateAnnotation(annotation.id, range);
    if (!response.ok) return controller.say(response.message, "error");
    controller.annotations.upsert([response.body.annotation]);
    controller.say("Annotation re-attached.");
  }

  async function removeAnnotation(annotation: EditorAnnotation) {
    const response = await controller.api.deleteAnnotation(annotation.id);
    if (!response.ok) return controller.say(response.message, "error");
    controller.annotations.remove(annotation.id);
    controller.say("Annotation deleted.");
  }

  async function settleMention(mention: EditorReviewMention, request: Promise<ApiResult<{ entity: EditorEntity }>>) {
    const response = await request;
    if (!response.ok) return controller.say(response.message, "error");
    controller.reviewMentions.set(controller.reviewMentions.get().filter((other) => other.id !== mention.id));
    onEntity?.(response.body.entity);
    return true;
  }

  return (
    <section
      id="needs-review"
      aria-labelledby="needs-review-title"
      className="rounded-md border border-amber-300 bg-amber-50 p-3"
      data-testid="needs-review"
      tabIndex={-1}
    >
      <h3 id="needs-review-title" className="text-sm font-semibold">
        Needs review <span className="font-normal">({count})</span>
      </h3>
      <p className="mt-1 text-xs text-amber-950">
        An edit deleted, moved or blurred the words these were on, so nothing was attached to other words. Attach each
        to a likely place, or select the words in the text and use “Re-attach to selection”, or delete it.
        {selection ? (
          <> Selected: “{selection.text.length > 60 ? `${selection.text.slice(0, 60)}…` : selection.text}”</>
        ) : null}
      </p>
      <ul className="mt-2 flex flex-col gap-2">
        {annotations.map((annotation, index) => (
          <ReviewItem
            key={annotation.id}
            controller={controller}
            label={ANNOTATION_KIND_SHORT[annotation.kind]}
            badgeClass={ANNOTATION_KIND_STYLES[annotation.kind].badge}
            reason={annotation.reviewReason}
            quote={annotation.quote}
            isAutoLoaded={index < AUTO_CANDIDATES}
            // A re-anchoring changes the version: the likely places are asked for again.
            candidatesKey={`${annotation.id}:${annotation.version}`}
            loadCandidates={() => controller.api.annotationCandidates(annotation.id)}
            onAttach={(range) => attachAnnotation(annotation, range)}
            onDelete={() => removeAnnotation(annotation)}
          >
            {annotation.body ? (
              <div className="mt-1 line-clamp-3">
                <MarkdownBody text={annotation.body} />
              </div>
            ) : null}
          </ReviewItem>
        ))}
        {mentions.map((mention, index) => (
          <ReviewItem
            key={mention.id}
            controller={controller}
            label={capitalise(`${ENTITY_TYPE_NAME_LABELS[mention.entity.type].singular} mention`)}
            badgeClass="bg-stone-200 text-stone-900"
            reason={mention.reviewReason}
            quote={mention.quote}
            isAutoLoaded={annotations.length + index < AUTO_CANDIDATES}
            candidatesKey={mention.id}
            loadCandidates={() => controller.api.mentionCandidates(mention.id)}
            onAttach={async (range) => {
              if (await settleMention(mention, controller.api.reattachMention(mention.id, range))) {
                controller.say(`Mention of ${mention.entity.name} re-attached.`);
              }
            }}
            onDelete={async () => {
              if (await settleMention(mention, controller.api.deleteMention(mention.id))) {
                controller.say(`Mention of ${mention.entity.name} deleted.`);
              }
            }}
          >
            <p className="mt-1 text-xs text-stone-700">
              A mention of <strong>{mention.entity.name}</strong>
            </p>
          </ReviewItem>
        ))}
      </ul>
    </section>
  );
}

function ReviewItem({
  controller,
  label,
  badgeClass,
  reason,
  quote,
  isAutoLoaded,
  candidatesKey,
  loadCandidates,
  onAttach,
  onDelete,
  children,
}: {
  controller: EditorController;
  label: string;
  badgeClass: string;
  reason: string | null;
  quote: QuoteSelectorJson;
  isAutoLoaded: boolean;
  candidatesKey: string;
  loadCandidates: () => Promise<ApiResult<{ candidates: ReviewCandidate[] }>>;
  onAttach: (range: Range) => Promise<void>;
  onDelete: () => Promise<void>;
  children?: ReactNode;
}) {
  const selection = useSyncExternalStore(controller.selection.subscribe, controller.selection.get, () => null);
  const [isBusy, setIsBusy] = useState(false);
  const [wanted, setWanted] = useState(isAutoLoaded);
  const [loaded, setLoaded] = useState<{ key: string; candidates: ReviewCandidate[] | null } | null>(null);
  const candidates = loaded?.key === candidatesKey ? loaded.candidates : undefined;

  useEffect(() => {
    if (!wanted) return;
    let isCurrent = true;
    void loadCandidates().then((response) => {
      if (isCurrent) setLoaded({ key: candidatesKey, candidates: response.ok ? response.body.candidates : null });
    });
    return () => {
      isCurrent = false;
    };
    // loadCandidates is a new closure each render; the key says when the answer would differ.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted, candidatesKey]);

  async function run(work: () => Promise<void>) {
    setIsBusy(true);
    await work();
    setIsBusy(false);
  }

  /** Attaches to a candidate only if its paragraph here still reads those words (unsaved typing may move them). */
  function attachCandidate(candidate: ReviewCandidate) {
    const entry = controller.store.getEntry(candidate.segmentId);
    if (entry && entryText(entry).slice(candidate.start, candidate.end) !== candidate.exact) {
      controller.say(
        "That paragraph has changed since these places were found. Show it and select the words.",
        "error",
      );
      return;
    }
    const { segmentId, start, end } = candidate;
    void run(() => onAttach({ segmentId, start, end }));
  }

  function attachSelection() {
    if (!selection) {
      controller.say("Select the words in the text first, then click Re-attach.", "error");
      return;
    }
    const { segmentId, start, end } = selection;
    void run(() => onAttach({ segmentId, start, end }));
  }

  return (
    <li className="rounded border border-amber-200 bg-white p-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${badgeClass}`}>{label}</span>
        <span className="text-xs text-stone-700">{reviewReasonLabel(reason)}</span>
      </div>
      <blockquote className="mt-1 border-l-2 border-stone-300 pl-2 font-serif text-stone-800 [overflow-wrap:anywhere]">
        <span className="sr-only">Its words were: </span>
        <span className="text-stone-600">…{quote.prefix.slice(-30)}</span>
        <strong className="font-semibold">{quote.exact}</strong>
        <span className="text-stone-600">{quote.suffix.slice(0, 30)}…</span>
      </blockquote>
      {children}
      <div className="mt-2">
        <p className="text-xs font-semibold text-stone-800">Likely places</p>
        {!wanted ? (
          <button type="button" className={`${SMALL_BUTTON} mt-1`} onClick={() => setWanted(true)}>
            Find likely places
          </button>
        ) : candidates === undefined ? (
          <p className="text-xs text-stone-600" role="status">
            Looking…
          </p>
        ) : candidates === null ? (
          <p className="text-xs text-red-800">Could not look for places. Select the words yourself.</p>
        ) : candidates.length === 0 ? (
          <p className="text-xs text-stone-600">No likely place found: select the words yourself, or delete it.</p>
        ) : (
          <ol className="mt-1 flex flex-col gap-1" data-testid="review-candidates">
            {candidates.map((candidate) => (
              <li
                key={`${candidate.segmentId}:${candidate.start}`}
                className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-xs"
              >
                <span className="text-stone-600">¶ {candidate.paragraph}</span>
                <span className="min-w-0 flex-1 font-serif text-stone-800 [overflow-wrap:anywhere]">
                  …{candidate.before.slice(-25)}
                  <mark className="bg-amber-200 text-ink">{candidate.exact}</mark>
                  {candidate.after.slice(0, 25)}…
                </span>
                <span className="flex gap-1">
                  <button
                    type="button"
                    className={SMALL_BUTTON}
                    onClick={() => controller.focusParagraph(candidate.segmentId, candidate.start, candidate.end)}
                    aria-label={`Show “${candidate.exact}” in paragraph ${candidate.paragraph}`}
                  >
                    Show
                  </button>
                  <button
                    type="button"
                    className={SMALL_BUTTON}
                    disabled={isBusy}
                    onClick={() => attachCandidate(candidate)}
                    aria-label={`Attach to “${candidate.exact}” in paragraph ${candidate.paragraph}`}
                  >
                    Attach here
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
      <div className="mt-2 flex flex-wrap gap-1">
        <button type="button" className={SMALL_BUTTON} disabled={isBusy} onClick={attachSelection}>
          Re-attach to selection
        </button>
        <button
          type="button"
          className={`${SMALL_BUTTON} text-red-800`}
          disabled={isBusy}
          onClick={() => void run(onDelete)}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
