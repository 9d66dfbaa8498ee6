"use client";

import { useCallback, useId, useState, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { ParsePreview, type PreviewChoices, type ReparseRequest } from "@/components/upload/parse-preview";
import {
  postTranscript,
  type ApiOutcome,
  type CreatedResponse,
  type PreviewResponse,
} from "@/components/upload/post-transcript";

type ItemState =
  | { phase: "reading"; progress: number }
  | { phase: "failed"; message: string }
  /** `error` is set when creating the draft failed: the preview, with the reporter's choices, stays. */
  | { phase: "previewed"; result: PreviewResponse; error?: string }
  | { phase: "creating"; result: PreviewResponse; progress: number }
  | { phase: "created"; result: PreviewResponse; draft: CreatedResponse };

export interface UploadItem {
  key: string;
  file: File;
  state: ItemState;
}

const ACCEPT = ".txt,.md,.markdown,.srt,.vtt,.docx,.json,text/plain,text/markdown,text/vtt,application/json";

/** The form for a dry run of `file` with the reporter's kept lines and speakers kept apart. */
function previewForm(file: File, request: ReparseRequest = { restore: [], keepSpeakersApart: [] }): FormData {
  const form = new FormData();
  form.set("file", file);
  form.set("dryRun", "true");
  if (request.restore.length > 0) form.set("restore", request.restore.join(","));
  for (const name of request.keepSpeakersApart) form.append("keepSpeakersApart", name);
  return form;
}

/** The form that creates the draft: only what the reporter chose is sent, so the rest stays as parsed. */
function createForm(file: File, choices: PreviewChoices): FormData {
  const form = new FormData();
  form.set("file", file);
  form.set("title", choices.title);
  // Sent only when the reporter picked a label: the suggestion alone still needs a person to confirm it.
  if (choices.fidelity) form.set("fidelity", choices.fidelity);
  if (choices.restore.length > 0) form.set("restore", choices.restore.join(","));
  for (const name of choices.keepSpeakersApart) form.append("keepSpeakersApart", name);
  const { occurredAt, place, speakerNames } = choices.overrides;
  if (occurredAt !== undefined) form.set("occurredAt", occurredAt ?? "");
  if (place !== undefined) form.set("place", place ?? "");
  if (speakerNames) form.set("speakerNames", JSON.stringify(speakerNames));
  return form;
}

export function UploadWorkspace({ maxBytes }: { maxBytes: number }) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const [pasted, setPasted] = useState("");
  const [isDragging, setIsDragging] = useState(false);
  const pasteId = useId();

  const update = useCallback((key: string, state: ItemState) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, state } : item)));
  }, []);

  const preview = useCallback(
    async (file: File) => {
      const key = `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`;
      setItems((current) => [...current, { key, file, state: { phase: "reading", progress: 0 } }]);
      if (file.size > maxBytes) {
        update(key, {
          phase: "failed",
          message: `The file is larger than the ${Math.round(maxBytes / 1048576)} MB limit.`,
        });
        return;
      }
      const outcome = await postTranscript<PreviewResponse>(previewForm(file), (progress) =>
        update(key, { phase: "reading", progress }),
      );
      update(
        key,
        outcome.ok ? { phase: "previewed", result: outcome.body } : { phase: "failed", message: outcome.message },
      );
    },
    [maxBytes, update],
  );

  const addFiles = (files: FileList | File[]) => Array.from(files).forEach((file) => void preview(file));

  async function createDraft(item: UploadItem, choices: PreviewChoices) {
    if (item.state.phase !== "previewed") return;
    const result = item.state.result;
    update(item.key, { phase: "creating", result, progress: 0 });
    const outcome = await postTranscript<CreatedResponse>(createForm(item.file, choices), (progress) =>
      update(item.key, { phase: "creating", result, progress }),
    );
    // One file or several, each created draft joins the list of links above the uploads: no redirect, so the
    // reporter's way through is the same whatever they dropped.
    update(
      item.key,
      outcome.ok
        ? { phase: "created", result, draft: outcome.body }
        : { phase: "previewed", result, error: outcome.message },
    );
  }

  const created = items.flatMap((item) => (item.state.phase === "created" ? [{ item, draft: item.state.draft }] : []));

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setIsDragging(false);
    if (event.dataTransfer.files.length > 0) addFiles(event.dataTransfer.files);
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-4 lg:grid-cols-2">
        <div
          onDragOver={(event) => {
            event.preventDefault();
            setIsDragging(true);
          }}
          onDragLeave={() => setIsDragging(false)}
          onDrop={onDrop}
          data-testid="drop-zone"
          className={`flex min-h-48 flex-col items-center justify-center gap-3 rounded-lg border-2 border-dashed p-6 text-center ${
            isDragging ? "border-accent bg-rose-50" : "border-stone-300 bg-white"
          }`}
        >
          <p className="font-medium">Drop transcript files here</p>
          <p className="text-sm text-stone-600">
            Text, Markdown, SubRip (.srt), WebVTT (.vtt), Word (.docx) or JSON from a transcription tool. Several at
            once is fine; up to {Math.round(maxBytes / 1048576)} MB each.
          </p>
          <label className="file-picker cursor-pointer rounded-md bg-accent px-3.5 py-2 text-sm font-medium text-white hover:bg-accent-strong">
            Choose files
            <input
              type="file"
              multiple
              accept={ACCEPT}
              className="sr-only"
              onChange={(event) => {
                if (event.target.files) addFiles(event.target.files);
                event.target.value = "";
              }}
            />
          </label>
        </div>
        <div className="flex flex-col gap-2 rounded-lg border border-stone-200 bg-white p-4">
          <label htmlFor={pasteId} className="font-medium">
            Or paste text
          </label>
          <textarea
            id={pasteId}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            rows={6}
            placeholder="Paste a transcript copied from a video page, an email or a document…"
            className="flex-1 rounded-md border border-stone-300 px-3 py-2 font-mono text-sm"
          />
          <div>
            <Button
              variant="secondary"
              disabled={pasted.trim().length === 0}
              onClick={() => {
                void preview(new File([pasted], "pasted.txt", { type: "text/plain" }));
                setPasted("");
              }}
            >
              Preview pasted text
            </Button>
          </div>
        </div>
      </div>

      <section
        aria-labelledby={created.length > 0 ? `${pasteId}-created` : undefined}
        className={created.length > 0 ? "rounded-lg border border-emerald-200 bg-emerald-50 p-4" : "sr-only"}
      >
        {created.length > 0 ? (
          <h2 id={`${pasteId}-created`} className="font-medium text-emerald-950">
            Created drafts ({created.length})
          </h2>
        ) : null}
        {/* A live region that exists before the first draft, so screen readers announce each one as it lands. */}
        <ul className="mt-2 flex flex-col gap-1" aria-live="polite" data-testid="created-drafts">
          {created.map(({ item, draft }) => (
            <li key={item.key} className="break-words">
              <a href={`/desk/transcripts/${draft.id}`} className="font-medium text-accent underline">
                {draft.title}
              </a>{" "}
              <span className="text-sm text-stone-600">from {item.file.name}</span>
            </li>
          ))}
        </ul>
      </section>

      <ol className="flex flex-col gap-6" aria-label="Uploads">
        {items.map((item) => (
          <li
            key={item.key}
            className="rounded-lg border border-stone-200 bg-white p-4 sm:p-5"
            data-testid="upload-item"
          >
            <UploadItemView
              item={item}
              reparse={(request) => postTranscript<PreviewResponse>(previewForm(item.file, request))}
              onCreate={(choices) => createDraft(item, choices)}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}

function ProgressBar({ label, fraction }: { label: string; fraction: number }) {
  const percent = Math.round(fraction * 100);
  return (
    <div className="flex items-center gap-3">
      <progress max={100} value={percent} aria-label={label} className="h-2 w-48 accent-rose-800" />
      <span className="text-sm text-stone-600">
        {label} {percent < 100 ? `${percent}%` : "… parsing"}
      </span>
    </div>
  );
}

function UploadItemView({
  item,
  reparse,
  onCreate,
}: {
  item: UploadItem;
  reparse: (request: ReparseRequest) => Promise<ApiOutcome<PreviewResponse>>;
  onCreate: (choices: PreviewChoices) => void;
}) {
  const { state } = item;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-mono text-sm break-all text-stone-700">{item.file.name}</h2>
        <span className="text-xs text-stone-500">{(item.file.size / 1024).toFixed(1)} KB</span>
      </div>
      {state.phase === "reading" ? <ProgressBar label="Uploading" fraction={state.progress} /> : null}
      {state.phase === "failed" ? (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          data-testid="upload-error"
        >
          {state.message}
        </p>
      ) : null}
      {state.phase === "previewed" || state.phase === "creating" ? (
        <ParsePreview
          result={state.result}
          reparse={reparse}
          isCreating={state.phase === "creating"}
          creatingProgress={state.phase === "creating" ? state.progress : 0}
          error={state.phase === "previewed" ? state.error : undefined}
          onCreate={onCreate}
        />
      ) : null}
      {state.phase === "created" ? (
        <p className="text-sm text-emerald-900">Draft created: “{state.draft.title}”, listed under Created drafts.</p>
      ) : null}
    </div>
  );
}
