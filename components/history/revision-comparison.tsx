import { NewerOlder } from "@/components/public/newer-older";
import type { Comparison, FieldDiff } from "@/lib/editor/history";
import { formatTimecode } from "@/lib/format/timecode";

const count = (value: number) => value.toLocaleString("en-GB");

const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  slug: "Address",
  summary: "Summary",
  occurredAt: "Event date",
  place: "Place",
  sourceUrl: "Source link",
  mediaUrl: "Media link",
  fidelity: "Fidelity label",
  tags: "Tags",
  name: "Name",
  outlet: "Outlet",
  role: "Role",
  personId: "Linked person",
  body: "Text",
  verdict: "Verdict",
  claim: "Claim",
  status: "Status",
  reviewReason: "Review reason",
  resolvedAt: "Resolved",
  deletedAt: "Deleted",
  start: "Start",
  end: "End",
  exact: "Words",
  segmentId: "Paragraph",
  sources: "Sources",
  checker: "Checked by",
  position: "Order",
  entityId: "Entity",
};

function Fields({ fields }: { fields: FieldDiff[] }) {
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
      {fields.map((field) => (
        <div key={field.field} className="contents">
          <dt className="text-stone-600">{FIELD_LABELS[field.field] ?? field.field}</dt>
          <dd className="[overflow-wrap:anywhere]">
            <del className="bg-red-50 text-red-900">{field.before ?? "—"}</del> →{" "}
            <ins className="bg-green-50 text-green-900 no-underline">{field.after ?? "—"}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}

const timing = (value: { startMs: number | null; endMs: number | null } | null) =>
  value && value.startMs !== null
    ? `${formatTimecode(value.startMs)}${value.endMs !== null ? `–${formatTimecode(value.endMs)}` : ""}`
    : "untimed";

/**
 * What changed between two revisions: details, paragraphs as word diffs (a page at a time, `paragraphHref` giving
 * the address of another page), speakers, annotations and entities.
 */
export function RevisionComparison({
  comparison,
  paragraphHref,
}: {
  comparison: Comparison;
  paragraphHref: (page: number) => string;
}) {
  const empty =
    comparison.details.length +
      comparison.paragraphCount +
      comparison.speakers.length +
      comparison.annotations.length +
      comparison.entities.length ===
    0;
  if (empty) return <p className="text-stone-700">Nothing differs between these two revisions.</p>;
  return (
    <div className="flex flex-col gap-6" data-testid="revision-diff">
      {comparison.details.length > 0 ? (
        <section aria-labelledby="diff-details">
          <h3 id="diff-details" className="mb-2 font-semibold">
            Details
          </h3>
          <Fields fields={comparison.details} />
        </section>
      ) : null}
      {comparison.paragraphCount > 0 ? (
        <section aria-labelledby="diff-text">
          <h3 id="diff-text" className="mb-2 font-semibold">
            Text ({count(comparison.paragraphCount)} paragraph{comparison.paragraphCount === 1 ? "" : "s"})
          </h3>
          {comparison.paragraphPageCount > 1 ? (
            <p className="mb-2 text-sm text-stone-700">{shownParagraphs(comparison)}</p>
          ) : null}
          <ol className="flex flex-col gap-3">
            {comparison.paragraphs.map((paragraph) => (
              <li
                key={paragraph.id}
                className="rounded-md border border-stone-200 bg-white p-3"
                data-kind={paragraph.kind}
              >
                <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-600">
                  {paragraph.kind === "edited" ? "Changed" : paragraph.kind}
                  {paragraph.moved ? " · moved" : ""}
                  {paragraph.speakerBefore !== paragraph.speakerAfter && paragraph.kind === "edited"
                    ? ` · speaker ${paragraph.speakerBefore ?? "none"} → ${paragraph.speakerAfter ?? "none"}`
                    : paragraph.speakerAfter || paragraph.speakerBefore
                      ? ` · ${paragraph.speakerAfter ?? paragraph.speakerBefore}`
                      : ""}
                  {JSON.stringify(paragraph.timingBefore) !== JSON.stringify(paragraph.timingAfter) &&
                  paragraph.kind === "edited"
                    ? ` · timing ${timing(paragraph.timingBefore)} → ${timing(paragraph.timingAfter)}`
                    : ""}
                </p>
                <p className="font-serif leading-relaxed [overflow-wrap:anywhere]">
                  {paragraph.parts.map((part, index) =>
                    part.kind === "same" ? (
                      <span key={index}>{part.text}</span>
                    ) : part.kind === "added" ? (
                      <ins key={index} className="bg-green-100 text-green-950 no-underline" title="Added">
                        {part.text}
                      </ins>
                    ) : (
                      <del key={index} className="bg-red-100 text-red-950" title="Removed">
                        {part.text}
                      </del>
                    ),
                  )}
                </p>
              </li>
            ))}
          </ol>
          <ParagraphPages comparison={comparison} paragraphHref={paragraphHref} />
        </section>
      ) : null}
      {(
        [
          ["speakers", "Speakers"],
          ["annotations", "Annotations"],
          ["entities", "Entities"],
        ] as const
      ).map(([key, title]) =>
        comparison[key].length > 0 ? (
          <section key={key} aria-labelledby={`diff-${key}`}>
            <h3 id={`diff-${key}`} className="mb-2 font-semibold">
              {title}
            </h3>
            <ul className="flex flex-col gap-2">
              {comparison[key].map((row) => (
                <li key={row.id} className="rounded-md border border-stone-200 bg-white p-3 text-sm">
                  <p className="font-medium [overflow-wrap:anywhere]">
                    {row.kind === "added" ? "Added: " : row.kind === "removed" ? "Removed: " : "Changed: "}
                    {row.label}
                  </p>
                  {row.fields.length > 0 ? <Fields fields={row.fields} /> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
    </div>
  );
}

/** "Changed paragraphs 101–200 of 1,200". */
function shownParagraphs({ paragraphPage, paragraphPageSize, paragraphCount }: Comparison): string {
  const first = (paragraphPage - 1) * paragraphPageSize + 1;
  const last = Math.min(paragraphPage * paragraphPageSize, paragraphCount);
  return `Changed paragraphs ${count(first)}–${count(last)} of ${count(paragraphCount)}`;
}

function ParagraphPages({
  comparison,
  paragraphHref,
}: {
  comparison: Comparison;
  paragraphHref: (page: number) => string;
}) {
  const { paragraphPage, paragraphPageSize, paragraphCount } = comparison;
  const following = Math.min(paragraphPageSize, paragraphCount - paragraphPage * paragraphPageSize);
  return (
    <NewerOlder
      page={paragraphPage}
      pageCount={comparison.paragraphPageCount}
      hrefOf={paragraphHref}
      label="More changed paragraphs"
      className="mt-3"
      showPosition
      previousLabel={`Previous ${count(paragraphPageSize)} paragraphs`}
      nextLabel={`Next ${count(following)} paragraph${following === 1 ? "" : "s"}`}
    />
  );
}
