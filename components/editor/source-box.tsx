import type { EditorSource } from "@/lib/editor/types";
import { formatWhen } from "./labels";

/** The original upload, kept byte for byte, and what clean-up removed from it. */
export function SourceBox({ source }: { source: EditorSource }) {
  const restored = new Set(source.restored);
  return (
    <section aria-labelledby="source-title" className="flex flex-col gap-2 text-sm" data-testid="source-box">
      <h2 id="source-title" className="font-semibold">
        Original upload
      </h2>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
        <dt className="text-stone-600">File</dt>
        <dd className="[overflow-wrap:anywhere]">{source.filename}</dd>
        <dt className="text-stone-600">Format</dt>
        <dd>
          {source.format.toUpperCase()} · {source.encoding} · {(source.size / 1024).toFixed(1)} KB
        </dd>
        <dt className="text-stone-600">SHA-256</dt>
        <dd className="font-mono text-xs [overflow-wrap:anywhere]">{source.sha256}</dd>
        <dt className="text-stone-600">Uploaded</dt>
        <dd>
          {formatWhen(source.uploadedAt)} by {source.uploadedBy}
        </dd>
      </dl>
      <a href={`/api/source-files/${source.id}`} className="font-medium text-accent underline" download>
        Download the original, byte for byte
      </a>
      {source.removed.length > 0 ? (
        <details>
          <summary className="cursor-pointer">Lines removed during clean-up ({source.removed.length})</summary>
          <ul className="mt-2 flex flex-col gap-1" data-testid="draft-removed">
            {source.removed.map((line) => (
              <li key={line.id} className={`[overflow-wrap:anywhere] ${restored.has(line.id) ? "" : "text-stone-600"}`}>
                {restored.has(line.id) ? "Kept: " : ""}
                {line.text} <span className="text-xs">({line.reason})</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
