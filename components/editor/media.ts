// Pure helpers for playing along with the recording.

/** Video for .mp4, .webm, .mov and .m4v addresses; audio otherwise. */
export function isVideoUrl(url: string): boolean {
  return /\.(mp4|webm|mov|m4v)(?:[?#]|$)/i.test(url);
}

/**
 * The paragraph being spoken: the last one, in reading order, whose start is at or before the time. Timings rise
 * through a transcript, so the scan stops at the first paragraph that starts later.
 */
export function findPlayingSegment(
  order: readonly string[],
  startOf: (segmentId: string) => number | null | undefined,
  milliseconds: number,
): string | null {
  let playing: string | null = null;
  for (const segmentId of order) {
    const start = startOf(segmentId);
    if (start === null || start === undefined) continue;
    if (start > milliseconds) break;
    playing = segmentId;
  }
  return playing;
}
