"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Restores a revision through the API (a new revision; nothing is destroyed), then shows the page again. */
export function RestoreRevisionButton({ transcriptId, number }: { transcriptId: string; number: number }) {
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null });

  async function restore() {
    if (!window.confirm(`Restore revision ${number}? This adds a new revision; nothing is lost.`)) return;
    setState({ busy: true, message: null });
    try {
      const response = await fetch(`/api/transcripts/${transcriptId}/revisions/${number}/restore`, { method: "POST" });
      const body = (await response.json().catch(() => null)) as {
        revision?: number;
        error?: { message: string };
      } | null;
      if (!response.ok) {
        setState({ busy: false, message: body?.error?.message ?? `The server answered ${response.status}.` });
        return;
      }
      setState({ busy: false, message: `Restored as revision ${body?.revision}.` });
      router.push(`/desk/transcripts/${transcriptId}/history?from=${number}&to=${body?.revision}`);
      router.refresh();
    } catch {
      setState({ busy: false, message: "The server could not be reached. Check your connection and try again." });
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button variant="secondary" onClick={restore} disabled={state.busy}>
        {state.busy ? "Restoring…" : `Restore revision ${number}`}
      </Button>
      <span role="status" className="text-sm text-stone-700">
        {state.message}
      </span>
    </span>
  );
}
