import { CorrectionSide } from "@/components/reader/correction-notice";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CorrectionForm } from "@/components/publishing/correction-form";
import { EmbedCode } from "@/components/publishing/embed-code";
import { WorkflowActions } from "@/components/publishing/workflow-actions";
import { DateTime } from "@/components/ui/date-time";
import { requireUser } from "@/lib/auth/session";
import { loadEmbedCodes } from "@/lib/embed/desk";
import { STATUS_LABELS, WORKFLOW_ACTION_LABELS } from "@/lib/format/labels";
import { hasRole } from "@/lib/permissions";
import { loadPublishingState, type CheckRow } from "@/lib/publishing/desk";

const loadState = cache(loadPublishingState);

export async function generateMetadata({ params }: PageProps<"/desk/transcripts/[id]/publish">): Promise<Metadata> {
  const user = await requireUser();
  const state = await loadState(user, (await params).id);
  return { title: state ? `Review & publish: ${state.title}` : "Transcript not found" };
}

function CheckItem({ row }: { row: CheckRow }) {
  const tone = row.passed ? "text-emerald-800" : row.blocking ? "text-red-800" : "text-amber-900";
  const mark = row.passed ? "✓" : row.blocking ? "✗" : "!";
  const word = row.passed ? "Passed" : row.blocking ? "Blocking" : "Warning";
  return (
    <li className="flex gap-3 py-2" data-testid={`check-${row.check}`} data-state={word.toLowerCase()}>
      <span aria-hidden="true" className={`w-4 font-bold ${tone}`}>
        {mark}
      </span>
      <div className="min-w-0">
        <p className="text-sm font-medium">
          <span className="sr-only">{word}: </span>
          {row.label}
        </p>
        {row.message ? <p className={`text-sm ${tone}`}>{row.message}</p> : null}
      </div>
    </li>
  );
}

export default async function PublishPage({ params }: PageProps<"/desk/transcripts/[id]/publish">) {
  const user = await requireUser();
  const state = await loadState(user, (await params).id);
  if (!state) notFound(); // missing, or not this user's to see: the same answer either way
  const canPublish = hasRole(user, "EDITOR");
  const failing = state.checks.filter((row) => !row.passed);
  const embedCodes = state.publicPath && state.status === "PUBLISHED" ? await loadEmbedCodes(state.publicPath) : null;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-accent" data-testid="workflow-status">
          {STATUS_LABELS[state.status]}
          {state.status === "SCHEDULED" && state.publishAt ? (
            <>
              {" "}
              for <DateTime value={state.publishAt} />
            </>
          ) : null}
        </p>
        <h1 className="font-serif text-2xl font-bold leading-tight [overflow-wrap:anywhere] sm:text-3xl">
          Review &amp; publish: {state.title}
        </h1>
        <nav aria-label="This transcript" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link className="text-accent underline underline-offset-2" href={`/desk/transcripts/${state.id}`}>
            Back to the editor
          </Link>
          <Link className="text-accent underline underline-offset-2" href={`/desk/transcripts/${state.id}/preview`}>
            Preview as readers will see it
          </Link>
          <Link className="text-accent underline underline-offset-2" href={`/desk/transcripts/${state.id}/history`}>
            History
          </Link>
          {state.publicPath ? (
            <Link className="text-accent underline underline-offset-2" href={state.publicPath}>
              Public page
            </Link>
          ) : null}
        </nav>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section aria-labelledby="checks-title" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="checks-title" className="font-semibold">
            Pre-publish checks
          </h2>
          <ul className="mt-2 divide-y divide-stone-100" data-testid="prepublish-checks">
            {state.checks.map((row) => (
              <CheckItem key={row.check} row={row} />
            ))}
          </ul>
        </section>
        <section aria-labelledby="actions-title">
          <h2 id="actions-title" className="sr-only">
            Workflow
          </h2>
          <WorkflowActions
            transcriptId={state.id}
            status={state.status}
            version={state.version}
            canPublish={canPublish}
            isOwner={state.ownerId === user.id}
            hasBlockingFailures={failing.some((row) => row.blocking)}
            isLiveTranscript={state.isLiveTranscript}
            publicPath={state.publicPath ?? `/t/${state.slug}`}
            warnings={failing
              .filter((row) => !row.blocking)
              .map((row) => ({ check: row.check, label: row.label, message: row.message ?? "" }))}
          />
        </section>
      </div>

      {embedCodes ? (
        <section aria-labelledby="embed-title" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="embed-title" className="font-semibold">
            Embed on another site
          </h2>
          <div className="mt-3">
            <EmbedCode transcript={embedCodes.transcript} quotes={embedCodes.quotes} />
          </div>
        </section>
      ) : null}

      {canPublish && state.status === "PUBLISHED" ? (
        <section aria-labelledby="correct-title" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="correct-title" className="font-semibold">
            Record a public correction
          </h2>
          <p className="mt-1 text-sm text-stone-700">
            The correction is published at once, at the passage and on the corrections page, with what it said before.
            Other unpublished edits stay private.
          </p>
          <div className="mt-3">
            <CorrectionForm
              transcriptId={state.id}
              paragraphs={state.publishedSegments.map(({ id, number, speaker, text, workingText }) => ({
                id,
                number,
                speaker,
                text,
                workingText,
              }))}
            />
          </div>
        </section>
      ) : null}

      {state.corrections.length > 0 ? (
        <section aria-labelledby="corrections-title">
          <h2 id="corrections-title" className="font-semibold">
            Corrections
          </h2>
          <ul className="mt-2 flex flex-col gap-3" data-testid="desk-corrections">
            {state.corrections.map((correction) => (
              <li key={correction.id} className="rounded-md border border-stone-200 bg-white p-3 text-sm">
                <p>
                  <DateTime value={correction.at} />
                  {correction.actor ? `, by ${correction.actor}` : ""}: {correction.reason}
                </p>
                <p className="mt-1 [overflow-wrap:anywhere]">
                  It said <CorrectionSide correction={correction} side="before" />; it now says{" "}
                  <CorrectionSide correction={correction} side="after" />.
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="font-semibold">
          Timeline
        </h2>
        {state.timeline.length === 0 ? (
          <p className="mt-2 text-sm text-stone-700">Nothing yet: this transcript has not been submitted.</p>
        ) : (
          <ol className="mt-2 flex flex-col gap-2" data-testid="timeline">
            {state.timeline.map((entry) => (
              <li key={entry.id} className="rounded-md border border-stone-200 bg-white p-3 text-sm">
                <p>
                  <span className="font-medium">{entry.actor ?? "The scheduler"}</span>{" "}
                  {WORKFLOW_ACTION_LABELS[entry.action] ?? entry.action} · <DateTime value={entry.at} />
                </p>
                {entry.note ? (
                  <p className="mt-1 whitespace-pre-line [overflow-wrap:anywhere]">“{entry.note}”</p>
                ) : null}
                {entry.overrides.length > 0 ? (
                  <ul className="mt-1 list-disc pl-5 text-stone-700">
                    {entry.overrides.map((override) => (
                      <li key={override.check}>
                        Published over “{override.check.replace(/_/g, " ")}”: {override.reason}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
