"use client";

import { useEffect, useRef } from "react";
import { findPlayingSegment, isVideoUrl } from "@/components/editor/media";
import { useReaderStore } from "./reader-store";

export interface TimedParagraph {
  segmentId: string;
  startMs: number | null;
}

/**
 * The recording, kept in view while the text scrolls: timestamps seek it, and the paragraph being spoken is marked
 * `aria-current` as it plays.
 */
export function ReaderMediaPlayer({ src, paragraphs }: { src: string; paragraphs: TimedParagraph[] }) {
  const store = useReaderStore();
  const mediaRef = useRef<HTMLMediaElement | null>(null);

  useEffect(() => {
    if (!store) return;
    const order = paragraphs.map((paragraph) => paragraph.segmentId);
    const starts = new Map(paragraphs.map((paragraph) => [paragraph.segmentId, paragraph.startMs]));
    const media = mediaRef.current;
    if (!media) return;
    const follow = () =>
      store.update({
        playingSegmentId: findPlayingSegment(order, (id) => starts.get(id), Math.round(media.currentTime * 1000)),
      });
    media.addEventListener("timeupdate", follow);
    media.addEventListener("seeked", follow);
    store.setSeeker((milliseconds) => {
      const seek = () => {
        media.currentTime = milliseconds / 1000;
        void media.play().catch(() => {
          // Autoplay refused or the file is unreachable: the position is still set for the reader's own Play.
        });
      };
      // Setting the time before the metadata has loaded is lost in some browsers: wait for it.
      if (media.readyState >= HTMLMediaElement.HAVE_METADATA) seek();
      else media.addEventListener("loadedmetadata", seek, { once: true });
    });
    return () => {
      media.removeEventListener("timeupdate", follow);
      media.removeEventListener("seeked", follow);
      store.setSeeker(null);
    };
  }, [store, paragraphs]);

  const props = { src, controls: true, preload: "metadata" as const, "aria-label": "Recording" };
  return (
    <div className="reader-player reader-controls sticky top-0 z-10 -mx-4 border-b border-stone-200 bg-paper/95 px-4 py-2 font-sans">
      {isVideoUrl(src) ? (
        <video
          {...props}
          ref={(element) => {
            mediaRef.current = element;
          }}
          className="max-h-48 w-full rounded bg-black"
        />
      ) : (
        <audio
          {...props}
          ref={(element) => {
            mediaRef.current = element;
          }}
          className="w-full"
        />
      )}
    </div>
  );
}
