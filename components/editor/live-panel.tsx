"use client";

import type { LiveStatus } from "@/lib/editor/types";

/** No cue for this long while live is worth a word to the desk: the feed may have dropped. */
export const SILENCE_WARNING_MS = 30_000;

function seconds(milliseconds: number): string {
  const whole = Math.round(milliseconds / 1000);
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

/**
 * The Live panel of a live transcript: the caption feed's health (its last cue, cues a minute, the longest silence
 * lately) and the words still being heard, which are not a paragraph yet. Refreshed by the editor's heartbeat.
 */
export function LivePanel({
  transcriptId,
  status,
  now,
}: {
  transcriptId: string;
  status: LiveStatus | null;
  now: number;
}) {
  const health = status?.health ?? null;
  const silentFor = health?.lastCueAt ? now - Date.parse(health.lastCueAt) : null;
  return (
    <section aria-labelledby="live-panel-title" className="flex flex-col gap-3 text-sm" data-testid="live-panel">
      <h2 id="live-panel-title" className="font-semibold">
        Live captions
      </h2>
      {!health || health.received === 0 ? (
        <p className="text-stone-700">
          Waiting for the first captions. Send them to{" "}
          <code className="break-all">POST /api/transcripts/{transcriptId}/live/cues</code>, or replay a file with{" "}
          <code>npm run live</code> (docs/editing.md).
        </p>
      ) : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="text-stone-700">Last cue</dt>
          <dd data-testid="live-last-cue">{silentFor === null ? "—" : `${seconds(Math.max(0, silentFor))} ago`}</dd>
          <dt className="text-stone-700">Cues in the last minute</dt>
          <dd data-testid="live-rate">{health.cuesPerMinute}</dd>
          <dt className="text-stone-700">Longest silence (10 min)</dt>
          <dd>{seconds(health.longestGapMs)}</dd>
          <dt className="text-stone-700">Cues received</dt>
          <dd data-testid="live-received">{health.received.toLocaleString("en-GB")}</dd>
        </dl>
      )}
      <p role="status" className="font-medium text-amber-900">
        {silentFor !== null && silentFor > SILENCE_WARNING_MS
          ? `No captions for ${seconds(silentFor)}: check the feed.`
          : ""}
      </p>
      <div>
        <h3 className="font-semibold">Still being heard</h3>
        {status?.tail ? (
          <p className="mt-1 italic text-stone-700" data-testid="live-tail">
            {status.tail.speaker ? `${status.tail.speaker}: ` : ""}
            {status.tail.text}
          </p>
        ) : (
          <p className="mt-1 text-stone-700">Nothing pending: every word heard is in a paragraph.</p>
        )}
        <p className="mt-1 text-xs text-stone-600">
          The recogniser may still change these words. They are not saved as a paragraph and nobody outside the desk
          sees them.
        </p>
      </div>
    </section>
  );
}
