"use client";

import { useState, useSyncExternalStore } from "react";
import type { EditorController } from "./editor-controller";

/** Paragraphs deleted while the editor is open (by anyone), each with Restore. */
export function DeletedParagraphs({ controller }: { controller: EditorController }) {
  const structure = useSyncExternalStore(
    controller.store.subscribeStructure,
    controller.store.getStructure,
    controller.store.getStructure,
  );
  const [busyId, setBusyId] = useState<string | null>(null);
  const { deleted } = structure;
  return (
    <section aria-labelledby="deleted-title" className="flex flex-col gap-2 text-sm" data-testid="deleted-paragraphs">
      <h2 id="deleted-title" className="font-semibold">
        Deleted paragraphs <span className="font-normal text-stone-600">({deleted.length})</span>
      </h2>
      {deleted.length === 0 ? (
        <p className="text-stone-600">None. Deleted paragraphs are listed here, ready to restore.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {deleted.map((segment) => (
            <li key={segment.id} className="rounded border border-stone-200 bg-white p-2">
              <p className="font-serif text-stone-800 [overflow-wrap:anywhere]">
                {segment.text.length > 160 ? `${segment.text.slice(0, 160)}…` : segment.text || "(empty)"}
              </p>
              <button
                type="button"
                className="mt-1 rounded border border-stone-300 px-2 py-0.5 text-xs font-medium hover:bg-stone-100"
                disabled={busyId === segment.id}
                onClick={async () => {
                  setBusyId(segment.id);
                  await controller.restoreParagraph(segment.id);
                  setBusyId(null);
                }}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
