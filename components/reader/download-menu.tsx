import { EXPORT_FORMAT_LABELS, PUBLIC_EXPORT_FORMATS, availableFormats } from "@/lib/export/formats";
import type { PublicTranscript } from "@/lib/publishing/types";

/**
 * The reading page's "Download" menu: real links to /t/[slug]/export/[format], only the formats that apply (no
 * subtitles for an untimed transcript). A <details> disclosure, so it opens with the keyboard and without script.
 */
export function DownloadMenu({ transcript }: { transcript: Pick<PublicTranscript, "path" | "segments"> }) {
  const formats = availableFormats(PUBLIC_EXPORT_FORMATS, transcript);
  return (
    <div className="mb-4 flex justify-end">
      <details className="relative" data-testid="download-menu">
        <summary className="cursor-pointer list-none rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-900 hover:border-stone-500 [&::-webkit-details-marker]:hidden">
          Download <span aria-hidden="true">▾</span>
        </summary>
        <ul
          aria-label="Download this transcript as"
          className="absolute right-0 z-20 mt-1 flex w-64 max-w-[calc(100vw-2rem)] flex-col rounded-md border border-stone-300 bg-white p-1 text-sm shadow-lg"
        >
          {formats.map((format) => (
            <li key={format}>
              <a
                href={`${transcript.path}/export/${format}`}
                download
                className="block rounded px-3 py-2 text-stone-900 underline-offset-2 hover:bg-stone-100 hover:underline"
              >
                {EXPORT_FORMAT_LABELS[format]}
              </a>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
