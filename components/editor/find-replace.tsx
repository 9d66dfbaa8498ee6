"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { REPLACE_PREVIEW_LIMIT } from "@/lib/editor/paging";
import type { ReplacePreview, ReplaceMatch, ReplaceRequest } from "./api";
import type { EditorController } from "./editor-controller";

const INPUT =
  "w-full rounded-md border border-stone-300 bg-white px-2.5 py-1.5 text-sm outline-none focus:border-accent focus:ring-2 focus:ring-rose-200";

function matchKey(match: ReplaceMatch): string {
  return `${match.segmentId}:${match.start}`;
}

const count = (value: number) => value.toLocaleString("en-GB");

/** "3 matches", or, when the preview stopped at its limit, how many there are and that only some are listed. */
function matchCountSentence(preview: ReplacePreview): string {
  const listed = preview.matches.length;
  const isCapped = preview.truncated ?? listed >= REPLACE_PREVIEW_LIMIT;
  if (!isCapped) return `${count(listed)} ${listed === 1 ? "match" : "matches"}`;
  const total = preview.total && preview.total > listed ? count(preview.total) : `${count(listed)} or more`;
  return `${total} matches: the first ${count(listed)} are listed. Replace all replaces every one, listed or not.`;
}

/** Find and replace across the whole transcript: preview every match with its context, replace the ticked ones. */
export function FindReplace({
  controller,
  focusSignal,
  onClose,
}: {
  controller: EditorController;
  /** Changes when Ctrl+F is pressed again while the panel is open: the find field takes focus. */
  focusSignal: number;
  onClose: () => void;
}) {
  const id = useId();
  const findRef = useRef<HTMLInputElement>(null);
  const [find, setFind] = useState("");
  const [replace, setReplace] = useState("");
  const [matchCase, setMatchCase] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [found, setFound] = useState<ReplacePreview | null>(null);
  const matches = found?.matches ?? null;
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ text: string; tone: "error" | "info" } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  /** The search the preview was made for: replacing uses it, not what the fields say now. */
  const [previewed, setPreviewed] = useState<ReplaceRequest | null>(null);

  useEffect(() => {
    findRef.current?.focus();
    findRef.current?.select();
  }, [focusSignal]);

  async function preview(event?: FormEvent) {
    event?.preventDefault();
    if (!find) return;
    setIsBusy(true);
    setMessage(null);
    // Unsaved typing is saved first, so the server searches what is on screen.
    await controller.queue.flushAll();
    const request: ReplaceRequest = { find, replace, matchCase, wholeWord };
    const response = await controller.api.previewReplace(request);
    setIsBusy(false);
    if (!response.ok) {
      setMessage({ text: response.message, tone: "error" });
      return;
    }
    setPreviewed(request);
    setFound(response.body);
    setChosen(new Set(response.body.matches.map(matchKey)));
    if (response.body.matches.length === 0) setMessage({ text: `No matches for “${find}”.`, tone: "info" });
  }

  /** The ticked matches, or with `everywhere` every match in the transcript, listed or not. */
  async function apply({ everywhere }: { everywhere: boolean }) {
    if (!previewed || !matches) return;
    const only = matches.filter((match) => chosen.has(matchKey(match)));
    if (!everywhere && only.length === 0) return;
    setIsBusy(true);
    setMessage({ text: "Replacing…", tone: "info" });
    const replaced = everywhere
      ? await controller.replace({ ...previewed, replace })
      : await controller.replace(
          {
            ...previewed,
            replace,
            only: only.map((match) => ({ segmentId: match.segmentId, start: match.start })),
          },
          Math.max(...only.map((match) => match.position)),
        );
    setIsBusy(false);
    if (replaced === null) {
      setMessage(null);
      return;
    }
    setFound(null);
    setPreviewed(null);
    setMessage({
      text: `Replaced ${count(replaced)} ${replaced === 1 ? "match" : "matches"}. Ctrl+Z undoes it.`,
      tone: "info",
    });
  }

  const selectedCount = matches?.filter((match) => chosen.has(matchKey(match))).length ?? 0;

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-stone-300 bg-white p-3 font-sans shadow-sm"
      data-testid="find-replace"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-sm font-semibold">
          Find and replace
        </h2>
        <button type="button" className="rounded px-2 py-1 text-sm text-stone-700 hover:bg-stone-100" onClick={onClose}>
          Close
        </button>
      </div>
      <form onSubmit={preview} className="mt-2 grid gap-2 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-find`} className="text-xs font-medium text-stone-800">
            Find
          </label>
          <input
            ref={findRef}
            id={`${id}-find`}
            value={find}
            onChange={(event) => {
              setFind(event.target.value);
              setFound(null);
            }}
            className={INPUT}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-replace`} className="text-xs font-medium text-stone-800">
            Replace with
          </label>
          <input
            id={`${id}-replace`}
            value={replace}
            onChange={(event) => setReplace(event.target.value)}
            className={INPUT}
          />
        </div>
        <div className="flex flex-wrap items-center gap-4 text-sm sm:col-span-2">
          <label className="flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={matchCase}
              onChange={(event) => {
                setMatchCase(event.target.checked);
                setFound(null);
              }}
              className="accent-rose-800"
            />
            Match case
          </label>
          <label className="flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={wholeWord}
              onChange={(event) => {
                setWholeWord(event.target.checked);
                setFound(null);
              }}
              className="accent-rose-800"
            />
            Whole word
          </label>
          <Button type="submit" variant="secondary" disabled={!find || isBusy} className="ml-auto">
            Preview
          </Button>
          <Button
            onClick={() => void apply({ everywhere: false })}
            disabled={!matches || selectedCount === 0 || isBusy}
          >
            Replace {count(selectedCount)} selected
          </Button>
          <Button
            variant="secondary"
            onClick={() => void apply({ everywhere: true })}
            disabled={!matches || matches.length === 0 || isBusy}
          >
            Replace all
          </Button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {message ? (
          <p className={`mt-2 text-sm ${message.tone === "error" ? "text-red-800" : "text-stone-700"}`}>
            {message.text}
          </p>
        ) : null}
        {found && found.matches.length > 0 ? (
          <p className="mt-2 text-sm text-stone-700">{matchCountSentence(found)}</p>
        ) : null}
      </div>
      {matches && matches.length > 0 ? (
        <>
          <div className="mt-1 flex gap-3 text-xs">
            <button
              type="button"
              className="text-accent underline"
              onClick={() => setChosen(new Set(matches.map(matchKey)))}
            >
              Select all
            </button>
            <button type="button" className="text-accent underline" onClick={() => setChosen(new Set())}>
              Select none
            </button>
          </div>
          <ul className="mt-2 flex max-h-72 flex-col gap-1 overflow-y-auto text-sm" aria-label="Matches">
            {matches.map((match) => {
              const key = matchKey(match);
              return (
                <li key={key} className="flex items-start gap-2 rounded px-1 py-1 hover:bg-stone-50">
                  <input
                    type="checkbox"
                    className="mt-1 accent-rose-800"
                    checked={chosen.has(key)}
                    aria-label={`Replace in paragraph ${match.position + 1}: ${match.before}${match.match}${match.after}`}
                    onChange={(event) =>
                      setChosen((current) => {
                        const next = new Set(current);
                        if (event.target.checked) next.add(key);
                        else next.delete(key);
                        return next;
                      })
                    }
                  />
                  <button
                    type="button"
                    className="min-w-0 flex-1 text-left [overflow-wrap:anywhere]"
                    onClick={() => void controller.revealParagraph(match)}
                  >
                    <span className="mr-1 text-xs text-stone-600">¶{match.position + 1}</span>
                    <span className="font-serif text-stone-700">…{match.before}</span>
                    <mark className="bg-amber-200 font-serif text-ink">{match.match}</mark>
                    <ins className="bg-emerald-100 font-serif text-emerald-950 no-underline">
                      {replace ? `→${replace}` : " (removed)"}
                    </ins>
                    <span className="font-serif text-stone-700">{match.after}…</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
