"use client";

import { formatTimecode } from "@/lib/format/timecode";
import { useReaderStore } from "./reader-store";

/** A paragraph's start time: plays the recording from there. */
export function TimestampButton({ startMs }: { startMs: number }) {
  const store = useReaderStore();
  const timecode = formatTimecode(startMs);
  return (
    <button type="button" onClick={() => store?.seek(startMs)} className="reader-timestamp">
      <span className="sr-only">Play from </span>
      {timecode}
    </button>
  );
}
