"use client";

import { diffWords } from "diff";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { formatWhen } from "./labels";
import type { SegmentConflict } from "./segment-store";

/**
 * Shown in a paragraph when a colleague saved it after this person started typing. Both versions side by side,
 * differences marked; the person's text stays in the paragraph, editable, until they choose.
 */
export function ConflictPanel({
  conflict,
  mine,
  paragraphNumber,
  onKeepMine,
  onUseTheirs,
}: {
  conflict: SegmentConflict;
  mine: string;
  paragraphNumber: number;
  onKeepMine: () => void;
  onUseTheirs: () => void;
}) {
  const theirs = conflict.theirs.text;
  const changes = useMemo(() => diffWords(theirs, mine), [theirs, mine]);
  const headingId = `conflict-${conflict.theirs.id}`;
  return (
    <section
      aria-labelledby={headingId}
      className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 font-sans text-sm text-amber-950"
      data-testid="conflict-panel"
      role="group"
    >
      <h3 id={headingId} className="font-semibold">
        {conflict.by?.name ?? "A colleague"} changed paragraph {paragraphNumber} while you were typing
      </h3>
      <p className="mt-1">
        Nothing is lost: your text is still in the paragraph. Keep yours, take theirs, or edit yours and keep it.
      </p>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <div className="min-w-0 rounded border border-amber-200 bg-white p-2">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-stone-700">
            Their version (saved by {conflict.by?.name ?? "a colleague"} at {formatWhen(conflict.at)})
          </h4>
          <p className="mt-1 font-serif text-base [overflow-wrap:anywhere] whitespace-pre-wrap">
            {changes.map((change, index) =>
              change.added ? null : change.removed ? (
                <del key={index} className="bg-red-100 text-red-900 no-underline decoration-red-700">
                  {change.value}
                </del>
              ) : (
                <span key={index}>{change.value}</span>
              ),
            )}
          </p>
        </div>
        <div className="min-w-0 rounded border border-amber-200 bg-white p-2">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-stone-700">Your version</h4>
          <p className="mt-1 font-serif text-base [overflow-wrap:anywhere] whitespace-pre-wrap">
            {changes.map((change, index) =>
              change.removed ? null : change.added ? (
                <ins key={index} className="bg-emerald-100 text-emerald-950 no-underline">
                  {change.value}
                </ins>
              ) : (
                <span key={index}>{change.value}</span>
              ),
            )}
          </p>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button onClick={onKeepMine}>Keep mine</Button>
        <Button variant="secondary" onClick={onUseTheirs}>
          Use theirs
        </Button>
      </div>
    </section>
  );
}
