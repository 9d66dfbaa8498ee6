"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { postJson } from "./post-json";

export interface CorrectableParagraph {
  id: string;
  number: number;
  speaker: string | null;
  /** As published. */
  text: string;
  /** The working copy's words when someone has edited them since (not published), else null. */
  workingText: string | null;
}

const fieldClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm focus:border-accent focus:outline-none";

function excerpt(text: string): string {
  return text.length > 70 ? `${text.slice(0, 70)}…` : text;
}

/** An editor corrects one published paragraph and says why; readers see both at the passage. */
export function CorrectionForm({
  transcriptId,
  paragraphs,
}: {
  transcriptId: string;
  paragraphs: CorrectableParagraph[];
}) {
  const router = useRouter();
  const ids = useId();
  const [segmentId, setSegmentId] = useState("");
  const [text, setText] = useState("");
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  const chosen = paragraphs.find((paragraph) => paragraph.id === segmentId) ?? null;

  function choose(id: string) {
    setSegmentId(id);
    setText(paragraphs.find((paragraph) => paragraph.id === id)?.text ?? "");
    setDone(undefined);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const result = await postJson(`/api/transcripts/${transcriptId}/corrections`, { segmentId, text, reason });
    setPending(false);
    if (!result.ok) {
      setError(Object.values(result.fieldErrors)[0] ?? result.message);
      return;
    }
    setDone("Correction published. Readers see it at the passage and on the corrections page.");
    setSegmentId("");
    setText("");
    setReason("");
    router.refresh();
  }

  return (
    <form onSubmit={save} className="flex flex-col gap-3" data-testid="correction-form">
      <label className="text-sm font-medium" htmlFor={`${ids}-paragraph`}>
        Paragraph
        <select
          id={`${ids}-paragraph`}
          className={fieldClass}
          value={segmentId}
          onChange={(event) => choose(event.target.value)}
          required
        >
          <option value="">Choose the published paragraph to correct…</option>
          {paragraphs.map((paragraph) => (
            <option key={paragraph.id} value={paragraph.id}>
              {paragraph.number}. {paragraph.speaker ? `${paragraph.speaker}: ` : ""}
              {excerpt(paragraph.text)}
            </option>
          ))}
        </select>
      </label>
      {chosen?.workingText ? (
        <div
          role="note"
          aria-labelledby={`${ids}-edited`}
          className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-sm"
          data-testid="unpublished-edit-warning"
        >
          <p id={`${ids}-edited`} className="font-semibold">
            This paragraph has unpublished edits.
          </p>
          <p className="mt-1">
            Publishing a correction replaces the working copy&rsquo;s words with the corrected ones; the edits stay in
            the history. Start from whichever text is right:
          </p>
          <dl className="mt-2 flex flex-col gap-2 [overflow-wrap:anywhere]">
            <div>
              <dt className="font-medium">Published (what readers see)</dt>
              <dd className="mt-0.5 whitespace-pre-wrap">{chosen.text}</dd>
            </div>
            <div>
              <dt className="font-medium">Working copy (not published)</dt>
              <dd className="mt-0.5 whitespace-pre-wrap">{chosen.workingText}</dd>
            </div>
          </dl>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button type="button" variant="secondary" onClick={() => setText(chosen.text)}>
              Start from the published text
            </Button>
            <Button type="button" variant="secondary" onClick={() => setText(chosen.workingText ?? chosen.text)}>
              Start from the working copy
            </Button>
          </div>
        </div>
      ) : null}
      {segmentId ? (
        <>
          <label className="text-sm font-medium" htmlFor={`${ids}-text`}>
            What it should say
            <textarea
              id={`${ids}-text`}
              className={fieldClass}
              rows={5}
              value={text}
              onChange={(event) => setText(event.target.value)}
              required
            />
          </label>
          <label className="text-sm font-medium" htmlFor={`${ids}-reason`}>
            Why (readers see this)
            <input
              id={`${ids}-reason`}
              className={fieldClass}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              required
            />
          </label>
          <div>
            <Button type="submit" disabled={pending}>
              Publish correction
            </Button>
          </div>
        </>
      ) : null}
      <FormMessage message={error} tone="error" />
      <FormMessage message={done} tone="success" />
    </form>
  );
}
