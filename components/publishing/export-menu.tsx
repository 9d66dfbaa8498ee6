"use client";

import { useId, useState } from "react";
import { EXPORT_FORMAT_LABELS, PUBLIC_EXPORT_FORMATS, SUBTITLE_FORMATS } from "@/lib/export/formats";

/** Formats that can carry internal notes; subtitles never do, and the CSV always does. */
const NOTE_FORMATS = new Set(["txt", "md", "docx", "json"]);

/**
 * The desk's "Export" menu: the working copy in every format (subtitles only when it has timings), with or without
 * internal notes, and the annotations alone as CSV. Real links to /api/transcripts/[id]/export/[format].
 */
export function ExportMenu({ transcriptId, isTimed }: { transcriptId: string; isTimed: boolean }) {
  const [includeNotes, setIncludeNotes] = useState(false);
  const notesId = useId();
  const base = `/api/transcripts/${transcriptId}/export`;
  const formats = PUBLIC_EXPORT_FORMATS.filter((format) => isTimed || !SUBTITLE_FORMATS.has(format));
  const linkClass = "block rounded px-3 py-2 text-stone-900 underline-offset-2 hover:bg-stone-100 hover:underline";
  return (
    <details className="relative" data-testid="export-menu">
      <summary className="cursor-pointer list-none font-medium text-accent underline underline-offset-2 hover:text-accent-strong [&::-webkit-details-marker]:hidden">
        Export <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute left-0 z-30 mt-1 flex w-72 max-w-[calc(100vw-2rem)] flex-col gap-1 rounded-md border border-stone-300 bg-white p-2 text-sm shadow-lg">
        <p className="flex items-center gap-2 px-3 py-1">
          <input
            id={notesId}
            type="checkbox"
            checked={includeNotes}
            onChange={(event) => setIncludeNotes(event.target.checked)}
          />
          <label htmlFor={notesId}>Include internal notes</label>
        </p>
        <ul aria-label="Export the working copy as" className="flex flex-col">
          {formats.map((format) => (
            <li key={format}>
              <a
                href={`${base}/${format}${includeNotes && NOTE_FORMATS.has(format) ? "?notes=1" : ""}`}
                download
                className={linkClass}
              >
                {EXPORT_FORMAT_LABELS[format]}
              </a>
            </li>
          ))}
          <li className="mt-1 border-t border-stone-200 pt-1">
            <a href={`${base}/csv`} download className={linkClass}>
              {EXPORT_FORMAT_LABELS.csv}
              <span className="block text-xs text-stone-600">Every annotation, internal notes included</span>
            </a>
          </li>
        </ul>
      </div>
    </details>
  );
}
