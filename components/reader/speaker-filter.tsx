"use client";

import { useId, useRef, useState } from "react";
import { useReaderStore } from "./reader-store";

export interface SpeakerOption {
  id: string;
  name: string;
  paragraphs: number;
}

export function filterAnnouncement(option: SpeakerOption | null, total: number): string {
  if (!option) return `Showing all ${total} ${total === 1 ? "paragraph" : "paragraphs"}`;
  return `Showing ${option.paragraphs} ${option.paragraphs === 1 ? "paragraph" : "paragraphs"} by ${option.name}`;
}

/** "Show paragraphs by": one speaker's paragraphs, or everyone's. The count is announced politely. */
export function SpeakerFilter({ speakers, total }: { speakers: SpeakerOption[]; total: number }) {
  const id = useId();
  const store = useReaderStore();
  const [selected, setSelected] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const selectRef = useRef<HTMLSelectElement>(null);

  function choose(speakerId: string) {
    setSelected(speakerId);
    const option = speakers.find((speaker) => speaker.id === speakerId) ?? null;
    store?.update({ speakerId: option?.id ?? null });
    setAnnouncement(filterAnnouncement(option, total));
  }

  return (
    <div className="reader-controls flex flex-wrap items-center gap-2 font-sans text-sm">
      <label htmlFor={id} className="font-medium">
        Show paragraphs by
      </label>
      <select
        id={id}
        ref={selectRef}
        value={selected}
        onChange={(event) => choose(event.target.value)}
        className="max-w-full rounded-md border border-stone-400 bg-white px-2 py-1.5"
      >
        <option value="">Everyone ({total})</option>
        {speakers.map((speaker) => (
          <option key={speaker.id} value={speaker.id}>
            {speaker.name} ({speaker.paragraphs})
          </option>
        ))}
      </select>
      {selected ? (
        <button
          type="button"
          onClick={() => {
            choose("");
            // The button goes away with the filter: keep the keyboard where it was.
            selectRef.current?.focus();
          }}
          className="text-accent underline underline-offset-2 hover:text-accent-strong"
        >
          Show everyone
        </button>
      ) : null}
      <p role="status" aria-live="polite" className="w-full text-stone-700 sm:w-auto">
        {announcement}
      </p>
    </div>
  );
}
