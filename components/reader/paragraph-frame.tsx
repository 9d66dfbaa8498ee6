"use client";

import type { ReactNode } from "react";
import { useReaderState } from "./reader-store";

/**
 * One paragraph's element (`id="p-<n>"`): hidden when the speaker filter leaves it out, and `aria-current` while the
 * recording plays it. Its content is rendered on the server and passed through.
 */
export function ParagraphFrame({
  number,
  segmentId,
  speakerId,
  children,
}: {
  number: number;
  segmentId: string;
  speakerId: string | null;
  children: ReactNode;
}) {
  const isHidden = useReaderState((state) => state.speakerId !== null && state.speakerId !== speakerId);
  const isPlaying = useReaderState((state) => state.playingSegmentId === segmentId);
  return (
    <div
      id={`p-${number}`}
      data-paragraph={number}
      data-speaker-id={speakerId ?? undefined}
      hidden={isHidden}
      aria-current={isPlaying ? "true" : undefined}
      className="reader-paragraph"
    >
      {children}
    </div>
  );
}
