"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Copies an address (relative ones are made absolute against the page). Where the clipboard is unavailable (an
 * insecure origin, a refused permission), the address is shown selected, to copy by hand.
 */
export function CopyLinkButton({
  href,
  label = "Copy link",
  accessibleSuffix,
  className = "",
}: {
  href: string;
  label?: string;
  /** Words for screen readers after the label: " to paragraph 3". */
  accessibleSuffix?: string;
  className?: string;
}) {
  const [status, setStatus] = useState<"idle" | "copied" | "manual">("idle");
  const [address, setAddress] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (status === "copied") {
      const timer = setTimeout(() => setStatus("idle"), 2500);
      return () => clearTimeout(timer);
    }
    if (status === "manual") inputRef.current?.select();
  }, [status]);

  async function copy() {
    const absolute = new URL(href, window.location.href).toString();
    setAddress(absolute);
    try {
      await navigator.clipboard.writeText(absolute);
      setStatus("copied");
    } catch {
      setStatus("manual");
    }
  }

  return (
    <span className={`reader-controls inline-flex flex-wrap items-center gap-2 ${className}`}>
      <button
        type="button"
        onClick={copy}
        className="rounded border border-stone-300 bg-white px-2 py-0.5 font-sans text-xs font-medium text-stone-800 hover:bg-stone-100"
      >
        {label}
        {accessibleSuffix ? <span className="sr-only">{accessibleSuffix}</span> : null}
      </button>
      {status === "manual" ? (
        <input
          ref={inputRef}
          readOnly
          value={address}
          aria-label="Link to copy"
          className="w-full max-w-xs rounded border border-stone-400 px-2 py-0.5 font-sans text-xs"
        />
      ) : null}
      <span role="status" className="font-sans text-xs text-emerald-900">
        {status === "copied" ? "Link copied" : status === "manual" ? "Copy the link from the box" : ""}
      </span>
    </span>
  );
}
