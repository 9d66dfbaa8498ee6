"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";

/** Starts a live transcript (POST /api/transcripts/live) and opens it in the editor, on its Live panel. */
export function StartLiveForm() {
  const router = useRouter();
  const [isSaving, setIsSaving] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    setIsSaving(true);
    setMessage(undefined);
    setFieldErrors({});
    const response = await fetch("/api/transcripts/live", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        title: text("title"),
        occurredAt: text("occurredAt") || null,
        place: text("place") || null,
        speakers: text("speakers")
          .split(/\r?\n/)
          .map((name) => name.trim())
          .filter(Boolean),
      }),
    }).catch(() => null);
    if (!response) {
      setIsSaving(false);
      setMessage("Could not reach the server: check the connection and try again.");
      return;
    }
    const body = (await response.json().catch(() => null)) as {
      id?: string;
      error?: { message?: string; fieldErrors?: Record<string, string> };
    } | null;
    if (response.status !== 201 || !body?.id) {
      setIsSaving(false);
      setMessage(body?.error?.message ?? `The server answered ${response.status}.`);
      setFieldErrors(body?.error?.fieldErrors ?? {});
      return;
    }
    router.push(`/desk/transcripts/${body.id}`);
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="flex max-w-xl flex-col gap-4" noValidate>
      <TextField label="Title" name="title" required maxLength={300} error={fieldErrors.title} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Event date" name="occurredAt" type="date" error={fieldErrors.occurredAt} />
        <TextField label="Place" name="place" maxLength={200} error={fieldErrors.place} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="field-speakers" className="text-sm font-medium text-stone-800">
          Speakers (optional)
        </label>
        <p id="field-speakers-hint" className="text-xs text-stone-600">
          One name a line, as the caption feed will name them. Names it sends that are not here are added as they are
          heard.
        </p>
        <textarea
          id="field-speakers"
          name="speakers"
          rows={4}
          aria-describedby="field-speakers-hint"
          className="rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-xs outline-none focus:border-accent focus:ring-2 focus:ring-rose-200"
        />
      </div>
      <FormMessage message={message} tone="error" />
      <div>
        <button
          type="submit"
          disabled={isSaving}
          className="rounded-md bg-accent px-3.5 py-2 text-sm font-medium text-white hover:bg-accent-strong disabled:opacity-60"
        >
          {isSaving ? "Starting…" : "Start the live transcript"}
        </button>
      </div>
    </form>
  );
}
