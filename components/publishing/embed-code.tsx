"use client";

import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";

export interface EmbedCodeItem {
  /** What the code shows: the transcript's title, or a quote's speaker and words. */
  label: string;
  /** The <iframe> markup (lib/embed/embed-code.ts). */
  code: string;
}

/** One code box and its Copy button. Where the clipboard is refused, the code is selected to copy by hand. */
function CodeBox({ item, testId }: { item: EmbedCodeItem; testId: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "manual">("idle");
  const boxId = useId();

  useEffect(() => {
    if (status !== "copied") return;
    const timer = setTimeout(() => setStatus("idle"), 2500);
    return () => clearTimeout(timer);
  }, [status]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(item.code);
      setStatus("copied");
    } catch {
      (document.getElementById(boxId) as HTMLTextAreaElement | null)?.select();
      setStatus("manual");
    }
  }

  return (
    <div className="flex flex-col gap-1.5" data-testid={testId}>
      <label htmlFor={boxId} className="text-sm font-medium [overflow-wrap:anywhere]">
        {item.label}
      </label>
      <textarea
        id={boxId}
        readOnly
        rows={3}
        value={item.code}
        onFocus={(event) => event.currentTarget.select()}
        className="w-full rounded-md border border-stone-300 bg-stone-50 p-2 font-mono text-xs [overflow-wrap:anywhere]"
      />
      <div className="flex items-center gap-3">
        <Button variant="secondary" onClick={copy}>
          Copy<span className="sr-only"> embed code for {item.label}</span>
        </Button>
        <span role="status" className="text-sm text-emerald-900">
          {status === "copied" ? "Copied" : status === "manual" ? "Copy the selected code by hand" : ""}
        </span>
      </div>
    </div>
  );
}

/** The desk's "Embed code" button: reveals the <iframe> code for the whole transcript and for each key quote. */
export function EmbedCode({ transcript, quotes }: { transcript: EmbedCodeItem; quotes: EmbedCodeItem[] }) {
  const [isOpen, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button variant="secondary" aria-expanded={isOpen} aria-controls={panelId} onClick={() => setOpen(!isOpen)}>
          {isOpen ? "Hide embed code" : "Embed code"}
        </Button>
      </div>
      {isOpen ? (
        <div id={panelId} className="flex flex-col gap-4" data-testid="embed-code">
          <p className="text-sm text-stone-700">
            Paste this into another site&rsquo;s page to show the published transcript in a frame. It follows
            corrections, and shows nothing once the transcript is unpublished.
          </p>
          <CodeBox item={transcript} testId="embed-code-transcript" />
          {quotes.length > 0 ? (
            <div className="flex flex-col gap-3">
              <h3 className="text-sm font-semibold">Key quotes</h3>
              <ul className="flex flex-col gap-4">
                {quotes.map((quote, index) => (
                  <li key={index}>
                    <CodeBox item={quote} testId="embed-code-quote" />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
