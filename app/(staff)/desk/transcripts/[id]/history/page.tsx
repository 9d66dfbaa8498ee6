import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RestoreRevisionButton } from "@/components/history/restore-revision-button";
import { RevisionComparison } from "@/components/history/revision-comparison";
import { NewerOlder } from "@/components/public/newer-older";
import { DateTime } from "@/components/ui/date-time";
import { requireUser } from "@/lib/auth/session";
import { findTranscriptFor } from "@/lib/transcripts/access";
import { compareRevisions, listRevisions } from "@/lib/editor/history";
import { readPageNumber } from "@/lib/editor/inputs";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "History" };

function revisionNumber(value: string | string[] | undefined, fallback: number, latest: number): number {
  const number = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(number) && number >= 1 && number <= latest ? number : fallback;
}

interface HistoryView {
  from: number;
  to: number;
  /** Which page of the comparison's changed paragraphs, and of the revision list. */
  paragraphPage: number;
  revisionPage: number;
}

/** The history page's address for a view; page 1 of either list is left out of it. */
function historyHref(id: string, view: HistoryView): string {
  const query = new URLSearchParams({ from: String(view.from), to: String(view.to) });
  if (view.paragraphPage > 1) query.set("paragraphPage", String(view.paragraphPage));
  if (view.revisionPage > 1) query.set("revisionPage", String(view.revisionPage));
  return `/desk/transcripts/${id}/history?${query.toString()}`;
}

function RevisionField({ name, label, value, latest }: { name: string; label: string; value: number; latest: number }) {
  return (
    <label className="flex w-full min-w-0 flex-col text-sm sm:w-40">
      <span className="font-medium">{label}</span>
      <input
        type="number"
        name={name}
        min={1}
        max={latest}
        step={1}
        required
        defaultValue={value}
        className="w-full min-w-0 rounded-md border border-stone-300 px-2 py-1.5"
      />
    </label>
  );
}

/** A transcript's revisions, newest first and a page at a time, and a comparison of any two. */
export default async function HistoryPage({ params, searchParams }: PageProps<"/desk/transcripts/[id]/history">) {
  const user = await requireUser();
  const { id } = await params;
  const transcript = await findTranscriptFor(user, id);
  if (!transcript) notFound();
  const latest = transcript.revision;
  const query = await searchParams;
  const to = revisionNumber(query.to, latest, latest);
  const from = revisionNumber(query.from, Math.max(1, to - 1), latest);
  const [{ title }, list, comparison] = await Promise.all([
    db.transcript.findUniqueOrThrow({ where: { id }, select: { title: true } }),
    listRevisions(user, id, { page: readPageNumber(query.revisionPage) }),
    from === to ? null : compareRevisions(user, id, from, to, { paragraphPage: readPageNumber(query.paragraphPage) }),
  ]);
  const view: HistoryView = {
    from,
    to,
    paragraphPage: comparison?.paragraphPage ?? 1,
    revisionPage: list.page,
  };

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
        <RevisionField name="from" label="From revision" value={from} latest={latest} />
        <RevisionField name="to" label="To revision" value={to} latest={latest} />
        {list.page > 1 ? <input type="hidden" name="revisionPage" value={list.page} /> : null}
        <button type="submit" className="rounded-md bg-accent px-3.5 py-2 text-sm font-medium text-white">
          Compare
        </button>
        <p className="text-sm text-stone-700">Revisions 1 to {latest.toLocaleString("en-GB")}.</p>
      </form>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="comparison-title" className="min-w-0">
          <h2 id="comparison-title" className="mb-3 font-serif text-xl font-bold">
            Revision {Math.min(from, to)} → {Math.max(from, to)}
          </h2>
          {comparison ? (
            <RevisionComparison
              comparison={comparison}
              paragraphHref={(page) => historyHref(id, { ...view, paragraphPage: page })}
            />
          ) : (
            <p>Choose two different revisions.</p>
          )}
        </section>
        <section aria-labelledby="revisions-title">
          <h2 id="revisions-title" className="mb-3 font-serif text-xl font-bold">
            Revisions <span className="font-sans text-base font-normal">({list.total.toLocaleString("en-GB")})</span>
          </h2>
          <ol className="flex flex-col gap-2" data-testid="revision-list">
            {list.revisions.map((revision) => (
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
                      href={historyHref(id, {
                        from: revision.number - 1,
                        to: revision.number,
                        paragraphPage: 1,
                        revisionPage: list.page,
                      })}
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
          <NewerOlder
            page={list.page}
            pageCount={list.pageCount}
            hrefOf={(page) => historyHref(id, { ...view, revisionPage: page })}
            label="More revisions"
            className="mt-3"
            showPosition
            previousLabel="Newer revisions"
            nextLabel="Older revisions"
          />
        </section>
      </div>
    </div>
  );
}
