"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { postJson, type CheckProblem } from "./post-json";

export interface FailingWarning {
  check: string;
  label: string;
  message: string;
}

type Status = "DRAFT" | "IN_REVIEW" | "SCHEDULED" | "LIVE" | "PUBLISHED" | "UNPUBLISHED";

interface Props {
  transcriptId: string;
  status: Status;
  /** The transcript's version this page shows: a transition decided on it is refused if another came first. */
  version: number;
  /** Editors and admins. */
  canPublish: boolean;
  /** The viewer created the transcript (a reporter taking it back, not an editor returning it). */
  isOwner: boolean;
  hasBlockingFailures: boolean;
  warnings: FailingWarning[];
  /** A live transcript (captions fed in while the event runs): editors may take it live to readers. */
  isLiveTranscript?: boolean;
  /** Its address, shown before it goes live. */
  publicPath?: string;
}

const fieldClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm focus:border-accent focus:outline-none";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-4" aria-label={title}>
      <h3 className="font-semibold">{title}</h3>
      <div className="mt-3 flex flex-col gap-3">{children}</div>
    </section>
  );
}

/** The workflow's buttons for this transcript and this person: submit, return, publish or schedule, unpublish. */
export function WorkflowActions({
  transcriptId,
  status,
  version,
  canPublish,
  isOwner,
  hasBlockingFailures,
  warnings,
  isLiveTranscript = false,
  publicPath,
}: Props) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [problems, setProblems] = useState<CheckProblem[]>([]);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [publishAt, setPublishAt] = useState("");
  const ids = useId();

  const note = (key: string) => notes[key] ?? "";
  const setNote = (key: string, value: string) => setNotes((current) => ({ ...current, [key]: value }));

  async function transition(to: Status, extra: Record<string, unknown> = {}) {
    setPending(true);
    setError(undefined);
    setProblems([]);
    const result = await postJson(`/api/transcripts/${transcriptId}/transitions`, {
      to,
      baseVersion: version,
      ...extra,
    });
    setPending(false);
    if (!result.ok) {
      setError(Object.values(result.fieldErrors)[0] ?? result.message);
      setProblems(result.checks);
      // Someone changed it first: show the page as it stands now, beside the sentence saying who.
      if (result.status === 409) router.refresh();
      return;
    }
    setNotes({});
    router.refresh();
  }

  const overrides = warnings
    .filter((warning) => (reasons[warning.check] ?? "").trim())
    .map((warning) => ({ check: warning.check, reason: reasons[warning.check]!.trim() }));
  const missingReasons = warnings.length - overrides.length;
  const canPublishNow = !hasBlockingFailures && missingReasons === 0;

  const submit = (event: FormEvent, to: Status, key: string, extra: Record<string, unknown> = {}) => {
    event.preventDefault();
    void transition(to, { note: note(key) || null, ...extra });
  };

  const isEditorReturning = canPublish && !isOwner;

  return (
    <div className="flex flex-col gap-4" data-testid="workflow-actions">
      <FormMessage message={error} tone="error" />
      {problems.length > 0 ? (
        <ul className="list-disc pl-5 text-sm text-red-800">
          {problems.map((problem) => (
            <li key={problem.check}>{problem.message}</li>
          ))}
        </ul>
      ) : null}

      {canPublish && isLiveTranscript && (status === "DRAFT" || status === "IN_REVIEW") ? (
        <Section title="Go live to readers">
          <p className="text-sm text-stone-700">
            Readers can follow it{publicPath ? ` at ${publicPath}` : ""} while the event runs: every final paragraph and
            every approved context, fact-check and key quote reaches them as it is saved. Internal notes and unsaved
            text never do. A reporter&apos;s public notes wait for an editor&apos;s approval.
          </p>
          <div>
            <Button disabled={pending} onClick={() => void transition("LIVE")}>
              Go live
            </Button>
          </div>
        </Section>
      ) : null}

      {status === "LIVE" ? (
        <p className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-950" data-testid="live-status">
          <strong>Live:</strong> readers follow this transcript as it is saved. Publish it to end the live event (it
          becomes a normal published transcript), or unpublish it to withdraw it from readers.
        </p>
      ) : null}

      {status === "DRAFT" ? (
        <Section title="Submit for review">
          <form onSubmit={(event) => submit(event, "IN_REVIEW", "submit")} className="flex flex-col gap-3">
            <label className="text-sm font-medium" htmlFor={`${ids}-submit`}>
              Note for the editor (optional)
              <textarea
                id={`${ids}-submit`}
                className={fieldClass}
                rows={2}
                value={note("submit")}
                onChange={(event) => setNote("submit", event.target.value)}
              />
            </label>
            <div>
              <Button type="submit" disabled={pending}>
                Submit for review
              </Button>
            </div>
          </form>
        </Section>
      ) : null}

      {status === "IN_REVIEW" && (isEditorReturning || !canPublish || isOwner) ? (
        <Section title={isEditorReturning ? "Return to the reporter" : "Take it back"}>
          <form onSubmit={(event) => submit(event, "DRAFT", "return")} className="flex flex-col gap-3">
            <label className="text-sm font-medium" htmlFor={`${ids}-return`}>
              {isEditorReturning ? "What needs to change (the reporter sees this)" : "Note (optional)"}
              <textarea
                id={`${ids}-return`}
                className={fieldClass}
                rows={2}
                required={isEditorReturning}
                value={note("return")}
                onChange={(event) => setNote("return", event.target.value)}
              />
            </label>
            <div>
              <Button type="submit" variant="secondary" disabled={pending}>
                {isEditorReturning ? "Return with comment" : "Take back to draft"}
              </Button>
            </div>
          </form>
        </Section>
      ) : null}

      {canPublish ? (
        <Section
          title={
            status === "PUBLISHED"
              ? "Republish"
              : status === "UNPUBLISHED"
                ? "Publish again"
                : status === "LIVE"
                  ? "End the live event and publish"
                  : "Publish"
          }
        >
          {status === "PUBLISHED" ? (
            <p className="text-sm text-stone-700">
              Readers see the version published last. Republish to put the working copy&apos;s changes in front of them.
            </p>
          ) : null}
          {hasBlockingFailures ? (
            <p className="text-sm font-medium text-red-800" data-testid="publish-blocked">
              Fix the blocking checks above before publishing.
            </p>
          ) : null}
          {warnings.length > 0 ? (
            <fieldset className="flex flex-col gap-3">
              <legend className="text-sm font-medium">Publish over these warnings, with a reason for each</legend>
              {warnings.map((warning) => (
                <label key={warning.check} className="text-sm" htmlFor={`${ids}-override-${warning.check}`}>
                  <span className="font-medium">{warning.label}:</span> {warning.message}
                  <input
                    id={`${ids}-override-${warning.check}`}
                    className={fieldClass}
                    placeholder="Why it is fine to publish anyway"
                    value={reasons[warning.check] ?? ""}
                    onChange={(event) => setReasons((current) => ({ ...current, [warning.check]: event.target.value }))}
                  />
                </label>
              ))}
            </fieldset>
          ) : null}
          <form
            onSubmit={(event) => submit(event, "PUBLISHED", "publish", { overrides })}
            className="flex flex-col gap-3"
          >
            <label className="text-sm font-medium" htmlFor={`${ids}-publish`}>
              Note for the timeline (optional)
              <input
                id={`${ids}-publish`}
                className={fieldClass}
                value={note("publish")}
                onChange={(event) => setNote("publish", event.target.value)}
              />
            </label>
            <div className="flex flex-wrap items-end gap-3">
              <Button type="submit" disabled={pending || !canPublishNow}>
                {status === "PUBLISHED" ? "Republish now" : "Publish now"}
              </Button>
              {status !== "PUBLISHED" && status !== "LIVE" ? (
                <>
                  <label className="text-sm font-medium" htmlFor={`${ids}-at`}>
                    or publish at
                    <input
                      id={`${ids}-at`}
                      type="datetime-local"
                      className={fieldClass}
                      value={publishAt}
                      onChange={(event) => setPublishAt(event.target.value)}
                    />
                  </label>
                  <Button
                    variant="secondary"
                    disabled={pending || !canPublishNow || !publishAt}
                    onClick={() =>
                      void transition("PUBLISHED", {
                        note: note("publish") || null,
                        overrides,
                        publishAt: new Date(publishAt).toISOString(),
                      })
                    }
                  >
                    Schedule
                  </Button>
                </>
              ) : null}
            </div>
          </form>
        </Section>
      ) : null}

      {canPublish && status === "SCHEDULED" ? (
        <Section title="Cancel the schedule">
          <div>
            <Button variant="secondary" disabled={pending} onClick={() => void transition("DRAFT")}>
              Cancel scheduled publication
            </Button>
          </div>
        </Section>
      ) : null}

      {canPublish && (status === "PUBLISHED" || status === "LIVE") ? (
        <Section title={status === "LIVE" ? "Withdraw from readers" : "Unpublish"}>
          <UnpublishForm
            ids={ids}
            reason={note("unpublish")}
            onReasonChange={(value) => setNote("unpublish", value)}
            pending={pending}
            onConfirm={() => void transition("UNPUBLISHED", { note: note("unpublish") || null })}
          />
        </Section>
      ) : null}

      {status === "UNPUBLISHED" ? (
        <Section title="Reopen">
          <div className="flex flex-wrap gap-3">
            <Button variant="secondary" disabled={pending} onClick={() => void transition("DRAFT")}>
              Reopen as a draft
            </Button>
          </div>
        </Section>
      ) : null}
    </div>
  );
}

/**
 * Unpublishing takes the page, its quotes and embeds away from every reader at once, so it asks first: the button
 * (or Enter in the reason) opens a confirmation that says what happens, and only "Yes, unpublish" sends it.
 */
function UnpublishForm({
  ids,
  reason,
  onReasonChange,
  pending,
  onConfirm,
}: {
  ids: string;
  reason: string;
  onReasonChange: (value: string) => void;
  pending: boolean;
  onConfirm: () => void;
}) {
  const [isConfirming, setIsConfirming] = useState(false);
  const wasConfirming = useRef(false);
  const confirmId = `${ids}-unpublish-yes`;
  const unpublishId = `${ids}-unpublish-button`;

  // Focus follows the step: onto "Yes, unpublish" when it opens, back to "Unpublish" when it is cancelled.
  useEffect(() => {
    if (isConfirming) document.getElementById(confirmId)?.focus();
    else if (wasConfirming.current) document.getElementById(unpublishId)?.focus();
    wasConfirming.current = isConfirming;
  }, [isConfirming, confirmId, unpublishId]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!isConfirming) {
      setIsConfirming(true);
      return;
    }
    setIsConfirming(false);
    onConfirm();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      <label className="text-sm font-medium" htmlFor={`${ids}-unpublish`}>
        Reason (kept in the timeline and the audit log)
        <input
          id={`${ids}-unpublish`}
          className={fieldClass}
          value={reason}
          readOnly={isConfirming}
          onChange={(event) => onReasonChange(event.target.value)}
        />
      </label>
      {isConfirming ? (
        <div
          role="alertdialog"
          aria-labelledby={`${ids}-unpublish-confirm-title`}
          aria-describedby={`${ids}-unpublish-confirm-text`}
          className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3"
          data-testid="unpublish-confirmation"
          onKeyDown={(event) => {
            if (event.key === "Escape") setIsConfirming(false);
          }}
        >
          <h4 id={`${ids}-unpublish-confirm-title`} className="text-sm font-semibold text-red-950">
            Unpublish this transcript?
          </h4>
          <div id={`${ids}-unpublish-confirm-text`} className="flex flex-col gap-1 text-sm text-red-950">
            <p>
              Readers lose the page, its quotes, embeds and feed entries at once, on every server and the edge cache.
              You can publish it again later.
            </p>
            <p className="[overflow-wrap:anywhere]">
              {reason.trim() ? `Reason: “${reason.trim()}”` : "No reason given."}
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button id={confirmId} type="submit" variant="danger" disabled={pending}>
              Yes, unpublish
            </Button>
            <Button variant="secondary" onClick={() => setIsConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <Button id={unpublishId} type="submit" variant="danger" disabled={pending}>
            Unpublish
          </Button>
        </div>
      )}
    </form>
  );
}
