import type { DiffPart } from "@/lib/anchoring";
import { formatPublicDate } from "@/lib/publishing/labels";
import type { PublicCorrection } from "@/lib/publishing/types";
import { correctionExcerpt } from "./correction-excerpt";

export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.kind === "removed" ? (
          <del key={index} className="reader-del bg-red-50 text-red-900 decoration-red-800">
            {part.text}
          </del>
        ) : part.kind === "added" ? (
          <ins
            key={index}
            className="reader-ins bg-emerald-100 text-emerald-950 underline decoration-emerald-700 decoration-2"
          >
            {part.text}
          </ins>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

export function PublicDate({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatPublicDate(iso) ?? iso}</time>;
}

/**
 * One side of a correction, in quotes: the sentence it changed with the removed words (`side="before"`) or the added
 * ones (`side="after"`) marked, and "…" where the paragraph goes on.
 */
export function CorrectionSide({
  correction,
  side,
}: {
  correction: Pick<PublicCorrection, "before" | "after">;
  side: "before" | "after";
}) {
  const excerpt = correctionExcerpt(correction.before, correction.after);
  return (
    <>
      {excerpt.isTrimmedStart ? "“…" : "“"}
      <DiffText parts={excerpt[side]} />
      {excerpt.isTrimmedEnd ? "…”" : "”"}
    </>
  );
}

/** "Corrected 15 February 2019: it said “…two <del>per cent</del> this…”, it now says “…”. Reason: …" */
export function CorrectionText({ correction }: { correction: PublicCorrection }) {
  return (
    <>
      <strong className="font-semibold">
        Corrected <PublicDate iso={correction.at} />
      </strong>
      : it said <CorrectionSide correction={correction} side="before" />, it now says{" "}
      <CorrectionSide correction={correction} side="after" />. <span className="font-semibold">Reason:</span>{" "}
      {correction.reason}
    </>
  );
}

export function CorrectionNotice({ correction }: { correction: PublicCorrection }) {
  return (
    <p className="reader-correction mt-2 rounded-md border-l-4 border-amber-600 bg-amber-50 px-3 py-2 font-sans text-sm text-ink [overflow-wrap:anywhere]">
      <CorrectionText correction={correction} />
    </p>
  );
}
