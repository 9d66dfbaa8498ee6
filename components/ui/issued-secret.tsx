"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A secret (link or token) shown once, with a copy button. */
export function IssuedSecret({ label, secret, note }: { label: string; secret: string; note?: string }) {
  const [isCopied, setIsCopied] = useState(false);
  return (
    <div className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
      <label className="block font-medium text-emerald-950">
        {label}
        <input
          readOnly
          value={secret}
          data-testid="issued-secret"
          onFocus={(event) => event.currentTarget.select()}
          className="mt-1 w-full rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs"
        />
      </label>
      <div className="mt-2 flex items-center justify-between gap-2">
        <span className="text-emerald-900">{note}</span>
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(secret);
            setIsCopied(true);
          }}
        >
          {isCopied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}
