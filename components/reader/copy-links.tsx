"use client";

import { useEffect, useRef, useState } from "react";

/**
 * One handler for every "Copy link" button of the reading page (`<button data-copy="/t/…#p-3">`, rendered on the
 * server without a client component each). The address is made absolute against the page and copied; "Link copied"
 * shows and is announced once, at the bottom of the screen. Where the clipboard is unavailable (an insecure origin,
 * a refused permission), the address is shown there selected, to copy by hand.
 */
export function CopyLinks() {
  const [state, setState] = useState<{ status: "idle" | "copied" | "manual"; address: string }>({
    status: "idle",
    address: "",
  });
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    async function onClick(event: MouseEvent) {
      const button = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-copy]") : null;
      const href = button?.dataset.copy;
      if (!href) return;
      const address = new URL(href, window.location.href).toString();
      try {
        await navigator.clipboard.writeText(address);
        setState({ status: "copied", address });
      } catch {
        setState({ status: "manual", address });
      }
    }
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);

  useEffect(() => {
    if (state.status === "copied") {
      const timer = setTimeout(() => setState((current) => ({ ...current, status: "idle" })), 2500);
      return () => clearTimeout(timer);
    }
    if (state.status === "manual") {
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  }, [state]);

  return (
    <div
      className="reader-controls pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-4"
      data-testid="copy-link-status"
    >
      <div role="status" className="pointer-events-auto">
        {state.status === "idle" ? null : (
          <div className="flex max-w-md flex-wrap items-center gap-2 rounded-md border border-stone-300 bg-white px-3 py-2 font-sans text-sm shadow-lg">
            {state.status === "copied" ? (
              <span className="text-emerald-900">Link copied</span>
            ) : (
              <>
                <span>Copy the link from the box</span>
                <input
                  ref={inputRef}
                  readOnly
                  value={state.address}
                  aria-label="Link to copy"
                  className="w-full rounded border border-stone-400 px-2 py-0.5 text-xs"
                />
                <button
                  type="button"
                  className="reader-copy"
                  onClick={() => setState((current) => ({ ...current, status: "idle" }))}
                >
                  Close
                </button>
              </>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
