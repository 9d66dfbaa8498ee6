"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A one-time link shown once to the admin, with a copy button. */
export function IssuedLink({ url, expiresAt, emailed }: { url: string; expiresAt: string; emailed: boolean }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
      <label className="block font-medium text-emerald-950">
        One-time link {emailed ? "(also sent by email)" : "(pass it on yourself: email is not configured)"}
        <input
          readOnly
          value={url}
          data-testid="issued-link"
          onFocus={(event) => event.currentTarget.select()}
          className="mt-1 w-full rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs"
        />
      </label>
      <div className="mt-2 flex items-center justify-between gap-2">
        <span className="text-emerald-900">
          Works once, until {new Date(expiresAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}.
        </span>
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(url);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </Button>
      </div>
    </div>
  );
}
