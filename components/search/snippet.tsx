import type { SnippetRun } from "@/lib/search/types";

/** A search snippet: the matching words in <mark>, everything else plain text (never HTML). */
export function Snippet({ runs }: { runs: readonly SnippetRun[] }) {
  return (
    <>
      {runs.map((run, index) =>
        run.marked ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-stone-950">
            {run.text}
          </mark>
        ) : (
          <span key={index}>{run.text}</span>
        ),
      )}
    </>
  );
}
