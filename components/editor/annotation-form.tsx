"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import {
  ANNOTATION_KINDS,
  VERDICTS,
  type AnnotationKindName,
  type EditorAnnotation,
  type SourceLink,
  type VerdictName,
} from "@/lib/editor/types";
import type { AnnotationFields } from "./api";
import type { EditorController } from "./editor-controller";
import { ANNOTATION_KIND_LABELS, VERDICT_LABELS } from "./labels";
import { MarkdownBody } from "./markdown-body";
import { Modal } from "./modal";
import type { TextSelection } from "./value-store";

export type AnnotationFormTarget =
  | { type: "create"; selection: TextSelection; kind?: AnnotationKindName }
  | { type: "edit"; annotation: EditorAnnotation };

const INPUT =
  "w-full rounded-md border border-stone-300 bg-white px-2.5 py-1.5 text-sm outline-none focus:border-accent focus:ring-2 focus:ring-rose-200";

/** The dialog to annotate selected words, or to edit an annotation. */
export function AnnotationForm({
  controller,
  target,
  onClose,
}: {
  controller: EditorController;
  target: AnnotationFormTarget;
  onClose: () => void;
}) {
  const id = useId();
  const existing = target.type === "edit" ? target.annotation : null;
  const [kind, setKind] = useState<AnnotationKindName>(
    existing?.kind ?? (target.type === "create" ? (target.kind ?? "note") : "note"),
  );
  const [body, setBody] = useState(existing?.body ?? "");
  const [verdict, setVerdict] = useState<VerdictName | "">(existing?.verdict ?? "");
  const [claim, setClaim] = useState(existing?.claim ?? "");
  const [sources, setSources] = useState<SourceLink[]>(existing?.sources.length ? existing.sources : [{ url: "" }]);
  const [checker, setChecker] = useState(existing?.checker ?? "");
  const [error, setError] = useState<string | undefined>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [isSaving, setIsSaving] = useState(false);

  const quote = target.type === "create" ? target.selection.text : target.annotation.quote.exact;
  const isFactCheck = kind === "factcheck";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsSaving(true);
    setError(undefined);
    setFieldErrors({});
    const fields: AnnotationFields = {
      kind,
      body,
      ...(isFactCheck
        ? {
            verdict: verdict || null,
            claim: claim.trim() || null,
            sources: sources
              .filter((source) => source.url.trim())
              .map((source) => ({
                url: source.url.trim(),
                ...(source.title?.trim() ? { title: source.title.trim() } : {}),
              })),
            checker: checker.trim() || null,
          }
        : {}),
    };
    const response =
      target.type === "create"
        ? await controller.api.createAnnotation({
            ...fields,
            segmentId: target.selection.segmentId,
            start: target.selection.start,
            end: target.selection.end,
          })
        : await controller.api.updateAnnotation(target.annotation.id, {
            body: fields.body,
            ...(isFactCheck
              ? { verdict: fields.verdict, claim: fields.claim, sources: fields.sources, checker: fields.checker }
              : {}),
          });
    setIsSaving(false);
    if (!response.ok) {
      setError(
        !response.offline && response.status === 422 && target.type === "create"
          ? `${response.message} Save the paragraph, select the words again and retry.`
          : response.message,
      );
      if (!response.offline) setFieldErrors(response.fieldErrors);
      return;
    }
    controller.annotations.upsert([response.body.annotation]);
    controller.say(target.type === "create" ? "Annotation added." : "Annotation saved.");
    onClose();
  }

  return (
    <Modal title={existing ? "Edit annotation" : "Annotate"} onClose={onClose} testId="annotation-form" wide>
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        <figure className="rounded-md border-l-4 border-stone-300 bg-stone-50 px-3 py-2">
          <figcaption className="text-xs font-semibold uppercase tracking-wide text-stone-600">The words</figcaption>
          <blockquote className="font-serif text-base [overflow-wrap:anywhere]">
            “{quote.length > 400 ? `${quote.slice(0, 400)}…` : quote}”
          </blockquote>
        </figure>

        {existing ? (
          <p className="text-sm">
            <span className="font-medium">Kind:</span> {ANNOTATION_KIND_LABELS[existing.kind]}
          </p>
        ) : (
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1 text-sm font-medium text-stone-800">Kind</legend>
            {ANNOTATION_KINDS.map((option) => (
              <label key={option} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={`${id}-kind`}
                  value={option}
                  checked={kind === option}
                  onChange={() => setKind(option)}
                  className="accent-rose-800"
                />
                {ANNOTATION_KIND_LABELS[option]}
              </label>
            ))}
          </fieldset>
        )}

        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-body`} className="text-sm font-medium text-stone-800">
            {kind === "note"
              ? "Note for colleagues"
              : kind === "quote"
                ? "Why it matters (optional)"
                : "Text for readers"}
          </label>
          <p id={`${id}-body-hint`} className="text-xs text-stone-600">
            Markdown: **bold**, _italic_, [link](https://…), lists with “- ”.
          </p>
          <textarea
            id={`${id}-body`}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            rows={5}
            aria-describedby={`${id}-body-hint${fieldErrors.body ? ` ${id}-body-error` : ""}`}
            aria-invalid={fieldErrors.body ? true : undefined}
            className={INPUT}
            autoFocus
          />
          {fieldErrors.body ? (
            <p id={`${id}-body-error`} className="text-sm text-red-700">
              {fieldErrors.body}
            </p>
          ) : null}
          {body.trim() ? (
            <details className="rounded border border-stone-200 px-2 py-1">
              <summary className="cursor-pointer text-xs font-medium text-stone-700">Preview</summary>
              <MarkdownBody text={body} />
            </details>
          ) : null}
        </div>

        {isFactCheck ? (
          <div className="flex flex-col gap-3 rounded-md border border-violet-200 bg-violet-50/50 p-3">
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-verdict`} className="text-sm font-medium text-stone-800">
                Verdict
              </label>
              <select
                id={`${id}-verdict`}
                value={verdict}
                onChange={(event) => setVerdict(event.target.value as VerdictName | "")}
                className={INPUT}
                aria-invalid={fieldErrors.verdict ? true : undefined}
              >
                <option value="">Choose a verdict</option>
                {VERDICTS.map((option) => (
                  <option key={option} value={option}>
                    {VERDICT_LABELS[option]}
                  </option>
                ))}
              </select>
              {fieldErrors.verdict ? <p className="text-sm text-red-700">{fieldErrors.verdict}</p> : null}
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-claim`} className="text-sm font-medium text-stone-800">
                The claim, in a sentence
              </label>
              <textarea
                id={`${id}-claim`}
                value={claim}
                onChange={(event) => setClaim(event.target.value)}
                rows={2}
                className={INPUT}
              />
              {fieldErrors.claim ? <p className="text-sm text-red-700">{fieldErrors.claim}</p> : null}
            </div>
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-medium text-stone-800">Sources</legend>
              {sources.map((source, index) => (
                <div key={index} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto]">
                  <input
                    type="url"
                    value={source.url}
                    placeholder="https://…"
                    aria-label={`Source ${index + 1} address`}
                    onChange={(event) =>
                      setSources((current) =>
                        current.map((item, at) => (at === index ? { ...item, url: event.target.value } : item)),
                      )
                    }
                    className={INPUT}
                  />
                  <input
                    value={source.title ?? ""}
                    placeholder="Title"
                    aria-label={`Source ${index + 1} title`}
                    onChange={(event) =>
                      setSources((current) =>
                        current.map((item, at) => (at === index ? { ...item, title: event.target.value } : item)),
                      )
                    }
                    className={INPUT}
                  />
                  <Button
                    variant="secondary"
                    onClick={() => setSources((current) => current.filter((_, at) => at !== index))}
                    aria-label={`Remove source ${index + 1}`}
                    disabled={sources.length === 1 && !source.url}
                  >
                    Remove
                  </Button>
                </div>
              ))}
              {fieldErrors.sources ? <p className="text-sm text-red-700">{fieldErrors.sources}</p> : null}
              <div>
                <Button variant="secondary" onClick={() => setSources((current) => [...current, { url: "" }])}>
                  Add a source
                </Button>
              </div>
            </fieldset>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-checker`} className="text-sm font-medium text-stone-800">
                Checked by
              </label>
              <input
                id={`${id}-checker`}
                value={checker}
                onChange={(event) => setChecker(event.target.value)}
                className={INPUT}
              />
            </div>
          </div>
        ) : null}

        <FormMessage message={error} tone="error" />
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={isSaving}>
            {isSaving ? "Saving…" : existing ? "Save annotation" : "Add annotation"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
