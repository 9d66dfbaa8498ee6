"use client";

import type { RefObject } from "react";
import { isVideoUrl } from "./media";

/** The recording, kept in view while the text scrolls. */
export function MediaPlayer({
  src,
  mediaRef,
  onTimeUpdate,
}: {
  src: string;
  mediaRef: RefObject<HTMLMediaElement | null>;
  onTimeUpdate: (milliseconds: number) => void;
}) {
  const common = {
    src,
    controls: true,
    preload: "metadata" as const,
    onTimeUpdate: (event: { currentTarget: HTMLMediaElement }) =>
      onTimeUpdate(Math.round(event.currentTarget.currentTime * 1000)),
    onSeeked: (event: { currentTarget: HTMLMediaElement }) =>
      onTimeUpdate(Math.round(event.currentTarget.currentTime * 1000)),
  };
  return (
    <div className="font-sans" data-testid="media-player">
      {isVideoUrl(src) ? (
        <video
          {...common}
          ref={(element) => {
            mediaRef.current = element;
          }}
          className="max-h-48 w-full rounded bg-black"
          aria-label="Recording"
        />
      ) : (
        <audio
          {...common}
          ref={(element) => {
            mediaRef.current = element;
          }}
          className="w-full"
          aria-label="Recording"
        />
      )}
    </div>
  );
}
