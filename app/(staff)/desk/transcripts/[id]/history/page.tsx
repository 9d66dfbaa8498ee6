import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RestoreRevisionButton } from "@/components/history/restore-revision-button";
import { DateTime } from "@/components/ui/date-time";
import { requireUser } from "@/lib/auth/session";
import { findTranscriptFor } from "@/lib/transcripts/access";
import {
  compareRevisions,
  listRevisions,
  type Comparison,
  type FieldDiff,
  type RevisionSummary,
} from "@/lib/editor/history";
import { formatTimecode } from "@/lib/format/timecode";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "History" };

function revisionNumber(value: string | string[] | undefined, fallback: number, latest: number): number {
  const number = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(number) && number >= 1 && number <= latest ? number : fallback;
}

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

function ComparisonView({ comparison }: { comparison: Comparison }) {
  const empty =
    comparison.details.length +
      comparison.paragraphs.length +
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
      {comparison.paragraphs.length > 0 ? (
        <section aria-labelledby="diff-text">
          <h3 id="diff-text" className="mb-2 font-semibold">
            Text ({comparison.paragraphs.length} paragraph{comparison.paragraphs.length === 1 ? "" : "s"})
          </h3>
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

function RevisionSelect({
  name,
  label,
  value,
  revisions,
}: {
  name: string;
  label: string;
  value: number;
  revisions: RevisionSummary[];
}) {
  return (
    <label className="flex w-full min-w-0 flex-col text-sm sm:w-80">
      <span className="font-medium">{label}</span>
      <select
        name={name}
        defaultValue={value}
        className="w-full min-w-0 truncate rounded-md border border-stone-300 px-2 py-1.5"
      >
        {revisions.map((revision) => (
          <option key={revision.number} value={revision.number}>
            {revision.number}: {revision.summary}
          </option>
        ))}
      </select>
    </label>
  );
}

export default async function HistoryPage({ params, searchParams }: PageProps<"/desk/transcripts/[id]/history">) {
  const user = await requireUser();
  const { id } = await params;
  const transcript = await findTranscriptFor(user, id);
  if (!transcript) notFound();
  const [{ title }, revisions] = await Promise.all([
    db.transcript.findUniqueOrThrow({ where: { id }, select: { title: true } }),
    listRevisions(user, id),
  ]);
  const latest = transcript.revision;
  const query = await searchParams;
  const to = revisionNumber(query.to, latest, latest);
  const from = revisionNumber(query.from, Math.max(1, to - 1), latest);
  const comparison = from === to ? null : await compareRevisions(user, id, from, to);

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <Link href={`/desk/transcripts/${id}`} className="text-sm text-accent underline">
          ← Back to the editor
        </Link>
        <h1 className="font-serif text-3xl font-bold leading-tight">History: {title}</h1>
        <p className="text-sm text-stone-700">
          Every saved change is a revision. Compare any two, or restore one: restoring adds a new revision, so nothing
          is ever lost.
        </p>
      </header>

      <form className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4" method="get">
        <RevisionSelect name="from" label="From revision" value={from} revisions={revisions} />
        <RevisionSelect name="to" label="To revision" value={to} revisions={revisions} />
        <button type="submit" className="rounded-md bg-accent px-3.5 py-2 text-sm font-medium text-white">
          Compare
        </button>
      </form>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="comparison-title" className="min-w-0">
          <h2 id="comparison-title" className="mb-3 font-serif text-xl font-bold">
            Revision {Math.min(from, to)} → {Math.max(from, to)}
          </h2>
          {comparison ? <ComparisonView comparison={comparison} /> : <p>Choose two different revisions.</p>}
        </section>
        <section aria-labelledby="revisions-title">
          <h2 id="revisions-title" className="mb-3 font-serif text-xl font-bold">
            Revisions
          </h2>
          <ol className="flex flex-col gap-2" data-testid="revision-list">
            {revisions.map((revision) => (
              <li key={revision.number} className="rounded-md border border-stone-200 bg-white p-3 text-sm">
                <p className="font-medium">
                  {revision.number}. {revision.summary}
                </p>
                <p className="text-xs text-stone-600">
                  <DateTime value={new Date(revision.at)} /> · {revision.actor?.name ?? "Someone"}
                </p>
                <div className="mt-2 flex flex-wrap gap-3">
                  {revision.number > 1 ? (
                    <Link
                      className="text-accent underline"
                      href={`/desk/transcripts/${id}/history?from=${revision.number - 1}&to=${revision.number}`}
                    >
                      What changed
                    </Link>
                  ) : null}
                  {revision.number < latest ? (
                    <RestoreRevisionButton transcriptId={id} number={revision.number} />
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}
