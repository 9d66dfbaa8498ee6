"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
// Shapes and choices shared with the server (type-only and plain constants: no server code reaches the browser).
import {
  DEFAULT_EXPIRY_HOURS,
  EXPIRY_CHOICES,
  type CreatedPreviewLink,
  type PreviewLinkEntry,
} from "@/lib/preview-links/choices";
import { apiRequest } from "./api";

const STATUS_LABELS: Record<PreviewLinkEntry["status"], string> = {
  active: "Active",
  expired: "Expired",
  revoked: "Revoked",
};

const STATUS_CLASSES: Record<PreviewLinkEntry["status"], string> = {
  active: "bg-emerald-100 text-emerald-950",
  expired: "bg-stone-200 text-stone-800",
  revoked: "bg-red-100 text-red-950",
};

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

/**
 * "Preview links": read-only links to this working copy for someone outside the staff (a source checking their
 * quotes, a lawyer). A new link's address is shown once, to copy: only a fingerprint of it is kept.
 */
export function PreviewLinksBox({ transcriptId }: { transcriptId: string }) {
  const id = useId();
  const base = `/api/transcripts/${encodeURIComponent(transcriptId)}/preview-links`;
  const [links, setLinks] = useState<PreviewLinkEntry[] | null>(null);
  const [hours, setHours] = useState(String(DEFAULT_EXPIRY_HOURS));
  const [created, setCreated] = useState<CreatedPreviewLink | null>(null);
  const [isCopied, setIsCopied] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [isBusy, setIsBusy] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const revokeButtons = useRef(new Map<string, HTMLButtonElement>());

  async function reload() {
    const response = await apiRequest<{ links: PreviewLinkEntry[] }>("GET", base);
    if (response.ok) setLinks(response.body.links);
    else setError(response.message);
  }

  useEffect(() => {
    let isCurrent = true;
    void apiRequest<{ links: PreviewLinkEntry[] }>("GET", base).then((response) => {
      if (!isCurrent) return;
      if (response.ok) setLinks(response.body.links);
      else setError(response.message);
    });
    return () => {
      isCurrent = false;
    };
  }, [base]);

  // The new address is focused and selected, ready to copy; a revoke's confirmation takes the focus when it opens.
  useEffect(() => {
    if (created) urlRef.current?.select();
  }, [created]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    setIsCopied(false);
    const response = await apiRequest<{ link: CreatedPreviewLink }>("POST", base, { expiresInHours: Number(hours) });
    setIsBusy(false);
    if (!response.ok) {
      setError(response.message);
      return;
    }
    setCreated(response.body.link);
    setAnnouncement(`Preview link created. It expires ${formatTime(response.body.link.expiresAt)}. Copy it now.`);
    await reload();
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.url);
      setIsCopied(true);
      setAnnouncement("Link copied to the clipboard.");
    } catch {
      // Where the clipboard is refused, the address is selected to copy by hand.
      urlRef.current?.select();
      setAnnouncement("The clipboard is not available here: the link is selected, copy it by hand.");
    }
  }

  function cancelRevoke(linkId: string) {
    setConfirming(null);
    // Back to the Revoke button that opened the question, once it is rendered again.
    requestAnimationFrame(() => revokeButtons.current.get(linkId)?.focus());
  }

  async function revoke(link: PreviewLinkEntry) {
    setIsBusy(true);
    setError(null);
    const response = await apiRequest<null>("DELETE", `${base}/${encodeURIComponent(link.id)}`);
    setIsBusy(false);
    setConfirming(null);
    if (!response.ok) {
      setError(response.message);
      return;
    }
    if (created?.id === link.id) setCreated(null);
    setAnnouncement(`Link created ${formatTime(link.createdAt)} revoked: it no longer opens the preview.`);
    await reload();
    // The row's own buttons are gone: the section's heading keeps the focus in this panel.
    headingRef.current?.focus();
  }

  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-2" data-testid="preview-links">
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="font-semibold">
        Preview links
      </h2>
      <p className="text-xs text-stone-700">
        A read-only link to this working copy for someone outside the staff, such as a source checking their quotes. It
        shows no internal notes and is never listed or indexed.
      </p>
      <form onSubmit={create} className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor={`${id}-expiry`} className="text-xs font-medium text-stone-800">
            Link expires after
          </label>
          <select
            id={`${id}-expiry`}
            value={hours}
            onChange={(event) => setHours(event.target.value)}
            className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm"
          >
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.hours} value={choice.hours}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary" disabled={isBusy}>
          Create link
        </Button>
      </form>
      {created ? (
        <div className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm" data-testid="new-preview-link">
          <label htmlFor={`${id}-url`} className="block font-medium text-emerald-950">
            New preview link
          </label>
          <input
            id={`${id}-url`}
            ref={urlRef}
            readOnly
            value={created.url}
            aria-describedby={`${id}-url-note`}
            onFocus={(event) => event.currentTarget.select()}
            className="mt-1 w-full rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs"
          />
          <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
            <span id={`${id}-url-note`} className="text-emerald-950">
              Copy it now: it is shown only once. Expires {formatTime(created.expiresAt)}.
            </span>
            <Button variant="secondary" onClick={() => void copy()}>
              {isCopied ? "Copied" : "Copy link"}
            </Button>
          </div>
        </div>
      ) : null}
      {links === null && !error ? <p className="text-sm text-stone-600">Loading…</p> : null}
      {links && links.length > 0 ? (
        <ul className="flex flex-col gap-2 text-sm" aria-label="Preview links made for this transcript">
          {links.map((link) => (
            <li key={link.id} className="rounded-md border border-stone-200 p-2" data-testid="preview-link-row">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className={`rounded-full px-2 text-xs font-medium ${STATUS_CLASSES[link.status]}`}>
                  {STATUS_LABELS[link.status]}
                </span>
                {link.status === "active" && confirming !== link.id ? (
                  <button
                    ref={(element) => {
                      if (element) revokeButtons.current.set(link.id, element);
                      else revokeButtons.current.delete(link.id);
                    }}
                    type="button"
                    className="rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100"
                    disabled={isBusy}
                    onClick={() => setConfirming(link.id)}
                    aria-label={`Revoke the link created ${formatTime(link.createdAt)}`}
                  >
                    Revoke
                  </button>
                ) : null}
              </div>
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-xs text-stone-700">
                <dt>Created by</dt>
                <dd>{link.createdBy?.name ?? "a former colleague"}</dd>
                <dt>Created</dt>
                <dd>{formatTime(link.createdAt)}</dd>
                <dt>{link.status === "expired" ? "Expired" : "Expires"}</dt>
                <dd>{formatTime(link.expiresAt)}</dd>
                {link.revokedAt ? (
                  <>
                    <dt>Revoked</dt>
                    <dd>{formatTime(link.revokedAt)}</dd>
                  </>
                ) : null}
              </dl>
              {confirming === link.id ? (
                <div
                  role="group"
                  aria-labelledby={`${id}-confirm-${link.id}`}
                  className="mt-2 flex flex-wrap items-center gap-2 rounded bg-red-50 p-2"
                >
                  <p id={`${id}-confirm-${link.id}`} className="w-full text-xs text-red-950">
                    Revoke this link? Whoever holds it will get “page not found”.
                  </p>
                  <button
                    ref={confirmRef}
                    type="button"
                    className={buttonClasses("danger")}
                    disabled={isBusy}
                    onClick={() => void revoke(link)}
                  >
                    Revoke link
                  </button>
                  <Button variant="secondary" disabled={isBusy} onClick={() => cancelRevoke(link.id)}>
                    Cancel
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : links ? (
        <p className="text-sm text-stone-600">No preview links yet.</p>
      ) : null}
      <p aria-live="polite" className="sr-only" data-testid="preview-links-status">
        {announcement}
      </p>
      {error ? (
        <p className="text-sm text-red-800" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
