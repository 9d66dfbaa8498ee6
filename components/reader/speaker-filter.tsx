"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useReaderState, useReaderStore } from "./reader-store";

export interface SpeakerOption {
  id: string;
  name: string;
  paragraphs: number;
  /** What `?speaker=` says for this speaker: "jens-stoltenberg". */
  slug: string;
}

/** The speaker a shared address names (`?speaker=<slug>`), if it is one of these. */
export function speakerFromSearch(search: string, speakers: readonly SpeakerOption[]): SpeakerOption | null {
  const wanted = new URLSearchParams(search).get("speaker");
  return (wanted && speakers.find((speaker) => speaker.slug === wanted)) || null;
}

/** The page's address with the filter in it (or out of it), keeping everything else, the #fragment included. */
export function addressWithSpeaker(href: string, slug: string | null): string {
  const url = new URL(href);
  if (slug) url.searchParams.set("speaker", slug);
  else url.searchParams.delete("speaker");
  return `${url.pathname}${url.search}${url.hash}`;
}

export function filterAnnouncement(option: SpeakerOption | null, total: number): string {
  if (!option) return `Showing all ${total} ${total === 1 ? "paragraph" : "paragraphs"}`;
  return `Showing ${option.paragraphs} ${option.paragraphs === 1 ? "paragraph" : "paragraphs"} by ${option.name}`;
}

/** "Show paragraphs by": one speaker's paragraphs, or everyone's. The count is announced politely. */
export function SpeakerFilter({ speakers, total }: { speakers: SpeakerOption[]; total: number }) {
  const id = useId();
  const store = useReaderStore();
  const selected = useReaderState((state) => state.speakerId) ?? "";
  const [announcement, setAnnouncement] = useState("");
  const selectRef = useRef<HTMLSelectElement>(null);

  function choose(speakerId: string) {
    const option = speakers.find((speaker) => speaker.id === speakerId) ?? null;
    store?.update({ speakerId: option?.id ?? null });
    setAnnouncement(filterAnnouncement(option, total));
    // The filtered view can be shared: its address says whose paragraphs it shows.
    window.history.replaceState(
      window.history.state,
      "",
      addressWithSpeaker(window.location.href, option?.slug ?? null),
    );
  }

  // An address that names a speaker opens filtered (the page itself is cached once for every reader).
  useEffect(() => {
    const option = speakerFromSearch(window.location.search, speakers);
    if (option) store?.update({ speakerId: option.id });
  }, [speakers, store]);

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
