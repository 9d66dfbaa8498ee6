"use client";

import { useId, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { FIDELITY_NAMES, type EditorTranscriptMeta, type FidelityName } from "@/lib/editor/types";
import { readTranscriptConflict, type MetadataPatch, type TranscriptConflictCurrent } from "./api";
import type { EditorController } from "./editor-controller";
import { fidelityHint, fidelityLabel, formatWhen } from "./labels";

const INPUT =
  "w-full rounded-md border bg-white px-2.5 py-1.5 text-sm outline-none focus:border-accent focus:ring-2 focus:ring-rose-200";

interface Fields {
  title: string;
  slug: string;
  summary: string;
  occurredAt: string;
  place: string;
  sourceUrl: string;
  mediaUrl: string;
  fidelity: FidelityName;
  fidelityConfirmed: boolean;
  tags: string;
}

function fieldsOf(meta: EditorTranscriptMeta): Fields {
  return {
    title: meta.title,
    slug: meta.slug,
    summary: meta.summary ?? "",
    occurredAt: meta.occurredAt ?? "",
    place: meta.place ?? "",
    sourceUrl: meta.sourceUrl ?? "",
    mediaUrl: meta.mediaUrl ?? "",
    fidelity: meta.fidelity,
    fidelityConfirmed: meta.fidelityConfirmed !== null,
    tags: meta.tags.join(", "),
  };
}

export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of text.split(",")) {
    const tag = part.trim().replace(/\s+/g, " ");
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

/** The transcript's own fields, saved with the version they were read at. */
export function DetailsForm({
  controller,
  meta,
  onSaved,
}: {
  controller: EditorController;
  meta: EditorTranscriptMeta;
  onSaved: (meta: EditorTranscriptMeta) => void;
}) {
  const id = useId();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(meta));
  const [baseVersion, setBaseVersion] = useState(meta.version);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const [conflict, setConflict] = useState<TranscriptConflictCurrent | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const set = (name: Exclude<keyof Fields, "fidelityConfirmed">) => (value: string) =>
    setFields((current) => ({ ...current, [name]: value }));

  async function save(event?: FormEvent<HTMLFormElement>, version = baseVersion) {
    event?.preventDefault();
    setIsSaving(true);
    setMessage(null);
    setFieldErrors({});
    const patch: MetadataPatch = {
      baseVersion: version,
      title: fields.title.trim(),
      slug: fields.slug.trim(),
      summary: fields.summary.trim() || null,
      occurredAt: fields.occurredAt || null,
      place: fields.place.trim() || null,
      sourceUrl: fields.sourceUrl.trim() || null,
      mediaUrl: fields.mediaUrl.trim() || null,
      fidelity: fields.fidelity,
      // Sent only when ticked or unticked here, so saving other details does not re-confirm in this person's name.
      ...(fields.fidelityConfirmed !== (meta.fidelityConfirmed !== null)
        ? { fidelityConfirmed: fields.fidelityConfirmed }
        : {}),
      tags: parseTags(fields.tags),
    };
    const response = await controller.api.updateMetadata(patch);
    setIsSaving(false);
    if (!response.ok) {
      const current = readTranscriptConflict(response);
      if (current) {
        setConflict(current);
        setMessage({ text: response.message, tone: "error" });
        return;
      }
      setMessage({ text: response.message, tone: "error" });
      if (!response.offline) setFieldErrors(response.fieldErrors);
      return;
    }
    const saved = response.body.transcript;
    setConflict(null);
    setBaseVersion(saved.version);
    setFields(fieldsOf(saved));
    setMessage({ text: "Details saved.", tone: "success" });
    onSaved(saved);
  }

  function useTheirs() {
    if (!conflict) return;
    setFields(fieldsOf(conflict.transcript));
    setBaseVersion(conflict.transcript.version);
    onSaved(conflict.transcript);
    setConflict(null);
    setMessage(null);
  }

  const field = (name: keyof Fields, label: string, input: (props: InputProps) => ReactNode, hint?: string) => {
    const inputId = `${id}-${name}`;
    const error = fieldErrors[name];
    const describedBy = [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(" ");
    return (
      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="text-sm font-medium text-stone-800">
          {label}
        </label>
        {hint ? (
          <p id={`${inputId}-hint`} className="text-xs text-stone-600">
            {hint}
          </p>
        ) : null}
        {input({
          id: inputId,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy || undefined,
          className: `${INPUT} ${error ? "border-red-600" : "border-stone-300"}`,
        })}
        {error ? (
          <p id={`${inputId}-error`} className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form
      onSubmit={save}
      className="flex flex-col gap-3"
      data-testid="details-form"
      noValidate
      aria-labelledby={`${id}-heading`}
    >
      {/* Not `${id}-title`: that is the Title field's id. */}
      <h2 id={`${id}-heading`} className="font-semibold">
        Details
      </h2>
      {field("title", "Title", (props) => (
        <input {...props} value={fields.title} onChange={(event) => set("title")(event.target.value)} required />
      ))}
      {field(
        "slug",
        "Address (slug)",
        (props) => (
          <input {...props} value={fields.slug} onChange={(event) => set("slug")(event.target.value)} />
        ),
        `Lower-case words joined by hyphens; the public page's address. ${
          meta.slugFollowsTitle
            ? "It follows the title until you type one here or the transcript is first published."
            : "A new address takes effect when the transcript is next published; links to the old one keep working."
        }`,
      )}
      {field("summary", "Summary", (props) => (
        <textarea {...props} rows={3} value={fields.summary} onChange={(event) => set("summary")(event.target.value)} />
      ))}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-1">
        {field("occurredAt", "Event date", (props) => (
          <input
            {...props}
            type="date"
            value={fields.occurredAt}
            onChange={(event) => set("occurredAt")(event.target.value)}
          />
        ))}
        {field("place", "Place", (props) => (
          <input {...props} value={fields.place} onChange={(event) => set("place")(event.target.value)} />
        ))}
      </div>
      {field("sourceUrl", "Source address", (props) => (
        <input
          {...props}
          type="url"
          inputMode="url"
          value={fields.sourceUrl}
          onChange={(event) => set("sourceUrl")(event.target.value)}
          placeholder="https://"
        />
      ))}
      {field(
        "mediaUrl",
        "Audio or video address",
        (props) => (
          <input
            {...props}
            type="url"
            inputMode="url"
            value={fields.mediaUrl}
            onChange={(event) => set("mediaUrl")(event.target.value)}
            placeholder="https://…/recording.mp3"
          />
        ),
        "With paragraph timings, the editor plays along and highlights the paragraph being spoken.",
      )}
      {field(
        "fidelity",
        "Fidelity",
        (props) => (
          <select {...props} value={fields.fidelity} onChange={(event) => set("fidelity")(event.target.value)}>
            {FIDELITY_NAMES.map((fidelity) => (
              <option key={fidelity} value={fidelity}>
                {fidelityLabel(fidelity)}
              </option>
            ))}
          </select>
        ),
        fidelityHint(fields.fidelity),
      )}
      <div className="flex flex-col gap-1 text-sm">
        <label className="flex items-start gap-2" htmlFor={`${id}-fidelity-confirmed`}>
          <input
            id={`${id}-fidelity-confirmed`}
            type="checkbox"
            className="mt-1"
            checked={fields.fidelityConfirmed}
            onChange={(event) => setFields((current) => ({ ...current, fidelityConfirmed: event.target.checked }))}
          />
          <span>I have checked this label against the recording</span>
        </label>
        <p className="text-stone-700" data-testid="fidelity-confirmation">
          {meta.fidelityConfirmed
            ? `Confirmed${meta.fidelityConfirmed.by ? ` by ${meta.fidelityConfirmed.by}` : ""}, ${formatWhen(meta.fidelityConfirmed.at)}.`
            : "Not confirmed yet: readers see this label, so a person must check it before publishing."}
        </p>
      </div>
      {field(
        "tags",
        "Tags",
        (props) => (
          <input {...props} value={fields.tags} onChange={(event) => set("tags")(event.target.value)} />
        ),
        "Separated by commas. Each tag is a public topic: readers find it on the page, in the feeds and in search, as they do the accepted topics in Entities.",
      )}

      {conflict ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" role="alert">
          <p>
            {conflict.by?.name ?? "A colleague"} saved these details at {formatWhen(conflict.at)}, after you opened
            them. Your changes are still in the form.
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button variant="secondary" onClick={useTheirs}>
              Use theirs
            </Button>
            <Button onClick={() => void save(undefined, conflict.transcript.version)}>Save mine over theirs</Button>
          </div>
        </div>
      ) : (
        <FormMessage message={message?.text} tone={message?.tone ?? "error"} />
      )}
      <div>
        <Button type="submit" disabled={isSaving || !fields.title.trim()}>
          {isSaving ? "Saving…" : "Save details"}
        </Button>
      </div>
    </form>
  );
}

interface InputProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  className: string;
}
