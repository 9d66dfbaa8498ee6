"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { ExportMenu } from "@/components/publishing/export-menu";
import type { EditorTranscriptMeta, PresenceEntry } from "@/lib/editor/types";
import type { EditorController } from "./editor-controller";
import { STATUS_NAME_LABELS, fidelityLabel } from "./labels";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

/** Title, status, who else is here, what needs review, and the way to the history. */
export function EditorHeader({
  controller,
  meta,
  people,
  needsReviewCount,
  onShowNeedsReview,
}: {
  controller: EditorController;
  meta: EditorTranscriptMeta;
  people: PresenceEntry[];
  needsReviewCount: number;
  onShowNeedsReview: () => void;
}) {
  const structure = useSyncExternalStore(
    controller.store.subscribeStructure,
    controller.store.getStructure,
    controller.store.getStructure,
  );
  const facts = [
    meta.occurredAt,
    meta.place,
    meta.language?.toUpperCase(),
    `${structure.totalCount.toLocaleString("en-GB")} ${structure.totalCount === 1 ? "paragraph" : "paragraphs"}`,
  ].filter(Boolean);
  return (
    <header className="flex flex-col gap-2">
      <p className="text-xs font-semibold uppercase tracking-wide text-accent">
        {STATUS_NAME_LABELS[meta.status]} · {fidelityLabel(meta.fidelity)}
      </p>
      <h1 className="font-serif text-2xl font-bold leading-tight [overflow-wrap:anywhere] sm:text-3xl">{meta.title}</h1>
      <p className="text-sm text-stone-600">{facts.join(" · ")}</p>
      {meta.status === "live" ? (
        <p className="text-sm text-stone-700" data-testid="live-copy-note">
          Live: readers see every paragraph and approved note as it is saved.{" "}
          <Link href={`/t/${meta.slug}`} className="text-accent underline underline-offset-2">
            Readers&apos; page
          </Link>
        </p>
      ) : null}
      {meta.status === "published" || meta.status === "scheduled" ? (
        <p className="text-sm text-stone-700" data-testid="published-copy-note">
          Readers see the version an editor published. Edits here stay private until it is republished.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <Link
          href={`/desk/transcripts/${meta.id}/publish`}
          className="rounded bg-accent px-3 py-1 font-medium text-white hover:bg-accent-strong"
        >
          Review &amp; publish
        </Link>
        <Link
          href={`/desk/transcripts/${meta.id}/history`}
          className="font-medium text-accent underline underline-offset-2 hover:text-accent-strong"
        >
          History
        </Link>
        <Link
          href={`/desk/transcripts/${meta.id}/preview`}
          className="font-medium text-accent underline underline-offset-2 hover:text-accent-strong"
        >
          Preview
        </Link>
        <ExportMenu
          transcriptId={meta.id}
          isTimed={controller.store.entriesWhere((entry) => entry.segment.startMs !== null).length > 0}
        />
        {/* Only while something needs review, as the list it opens: "0 need review" is one more thing to read. */}
        {needsReviewCount > 0 ? (
          <button
            type="button"
            onClick={onShowNeedsReview}
            className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-medium text-amber-950 hover:bg-amber-200"
            data-testid="needs-review-count"
          >
            {needsReviewCount} {needsReviewCount === 1 ? "needs" : "need"} review
          </button>
        ) : null}
        <div className="flex flex-wrap items-center gap-1" data-testid="presence" aria-label="Also here">
          {people.length === 0 ? (
            <span className="text-xs text-stone-600">Nobody else is here</span>
          ) : (
            <>
              <span className="text-xs text-stone-600">Also here:</span>
              <ul className="flex flex-wrap gap-1">
                {people.map((person) => {
                  const index = person.segmentId ? controller.store.indexOf(person.segmentId) : -1;
                  const where = index >= 0 ? `paragraph ${index + 1}` : "not in a paragraph";
                  return (
                    <li key={person.userId}>
                      <button
                        type="button"
                        className="flex items-center gap-1 rounded-full bg-sky-100 py-0.5 pl-0.5 pr-2 text-xs text-sky-950 hover:bg-sky-200"
                        title={`${person.name}, ${where}`}
                        onClick={() => person.segmentId && index >= 0 && controller.focusParagraph(person.segmentId)}
                      >
                        <span
                          aria-hidden="true"
                          className="flex size-5 items-center justify-center rounded-full bg-sky-800 text-[0.6rem] font-bold text-white"
                        >
                          {initials(person.name)}
                        </span>
                        {person.name}
                        <span className="text-sky-900">· {where}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
