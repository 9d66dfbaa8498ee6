"use client";

import { useEffect, useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { Share } from "./api";
import type { EditorController } from "./editor-controller";

/** "Share with a colleague": the people who may open and edit this transcript besides its owner. */
export function ShareBox({ controller }: { controller: EditorController }) {
  const id = useId();
  const [shares, setShares] = useState<Share[] | null>(null);
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    void controller.api.loadShares().then((response) => {
      if (!isCurrent) return;
      if (response.ok) setShares(response.body.shares);
      else setError(response.message);
    });
    return () => {
      isCurrent = false;
    };
  }, [controller]);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!email.trim()) return;
    setIsBusy(true);
    setError(null);
    const response = await controller.api.addShare(email.trim());
    setIsBusy(false);
    if (!response.ok) {
      setError(response.message);
      return;
    }
    setShares(response.body.shares);
    setEmail("");
  }

  async function remove(share: Share) {
    setIsBusy(true);
    setError(null);
    const response = await controller.api.removeShare(share.userId);
    setIsBusy(false);
    if (!response.ok) {
      setError(response.message);
      return;
    }
    setShares(response.body.shares);
  }

  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-2" data-testid="share-box">
      <h2 id={`${id}-title`} className="font-semibold">
        Share with a colleague
      </h2>
      <p className="text-xs text-stone-700">They can open and edit this transcript as you can.</p>
      {shares === null && !error ? <p className="text-sm text-stone-600">Loading…</p> : null}
      {shares && shares.length > 0 ? (
        <ul className="flex flex-col gap-1 text-sm">
          {shares.map((share) => (
            <li key={share.userId} className="flex items-center justify-between gap-2">
              <span className="min-w-0 [overflow-wrap:anywhere]">
                {share.name} <span className="text-stone-600">{share.email}</span>
              </span>
              <button
                type="button"
                className="rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100"
                disabled={isBusy}
                onClick={() => void remove(share)}
                aria-label={`Stop sharing with ${share.name}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : shares ? (
        <p className="text-sm text-stone-600">Not shared with anyone yet.</p>
      ) : null}
      <form onSubmit={add} className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor={`${id}-email`} className="text-xs font-medium text-stone-800">
            Colleague’s email
          </label>
          <input
            id={`${id}-email`}
            type="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm"
          />
        </div>
        <Button type="submit" variant="secondary" disabled={isBusy || !email.trim()}>
          Share
        </Button>
      </form>
      {error ? (
        <p className="text-sm text-red-800" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
