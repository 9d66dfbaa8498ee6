// A live transcript as readers see it when they open its page: its final paragraphs and the public notes an editor
// added or approved, with the number of the last live event they reflect, so the page's stream resumes right after
// it (GET /t/<slug>/events?after=<seq>). Only while it is live: anything else is null, and so a 404.
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import { PUBLIC_TAG, slugTag } from "@/lib/publishing/cache-tags";
import {
  liveNote,
  liveNoteSelect,
  liveParagraph,
  PUBLIC_NOTE_KINDS,
  type LiveNote,
  type LiveParagraph,
} from "@/lib/editor/live-events";
import { liveSegments } from "@/lib/transcripts/working-copy";

export interface LiveTranscriptView {
  id: string;
  slug: string;
  path: string;
  title: string;
  summary: string | null;
  occurredAt: string | null;
  place: string | null;
  liveSince: string | null;
  /** The last live event this view includes: the stream sends the ones after it. */
  seq: number;
  /** Each with its speaker's name. */
  paragraphs: LiveParagraph[];
  notes: LiveNote[];
}

export async function loadLiveTranscript(slug: string): Promise<LiveTranscriptView | null> {
  const transcript = await db.transcript.findFirst({
    where: { publicSlug: slug, status: "LIVE", deletedAt: null },
    select: {
      id: true,
      title: true,
      summary: true,
      occurredAt: true,
      place: true,
      liveSince: true,
      liveSeq: true,
    },
  });
  if (!transcript) return null;
  // The number is read before the rows: whatever changes in between is in both, and the stream's events replace
  // paragraphs and notes by id, so nothing is shown twice or missed.
  const [speakers, segments, notes] = await Promise.all([
    db.speaker.findMany({
      where: { transcriptId: transcript.id },
      orderBy: { position: "asc" },
      select: { id: true, name: true },
    }),
    db.segment.findMany({
      where: liveSegments(transcript.id),
      orderBy: { position: "asc" },
      select: { id: true, position: true, speakerId: true, text: true, startMs: true },
    }),
    db.annotation.findMany({
      where: {
        transcriptId: transcript.id,
        deletedAt: null,
        awaitingApproval: false,
        kind: { in: PUBLIC_NOTE_KINDS },
        segment: { deletedAt: null },
      },
      orderBy: [{ start: "asc" }, { createdAt: "asc" }],
      select: liveNoteSelect,
    }),
  ]);
  const names = new Map(speakers.map((speaker) => [speaker.id, speaker.name]));
  return {
    id: transcript.id,
    slug,
    path: `/t/${slug}`,
    title: transcript.title,
    summary: transcript.summary,
    occurredAt: transcript.occurredAt?.toISOString() ?? null,
    place: transcript.place,
    liveSince: transcript.liveSince?.toISOString() ?? null,
    seq: transcript.liveSeq,
    paragraphs: segments.map((segment) => liveParagraph(segment, names)),
    notes: notes.map(liveNote),
  };
}

/**
 * The live page's content, cached like every public page and tagged with its address: publishing or withdrawing it
 * expires it at once, and while it runs the server refreshes it every LIVE_PAGE_REFRESH_MS at most (scripts/serve.ts),
 * so a late reader's page is a few seconds old and its stream sends the rest from the hub's memory.
 */
export function getLiveTranscript(slug: string): Promise<LiveTranscriptView | null> {
  return unstable_cache(loadLiveTranscript, ["live-transcript", slug], { tags: [PUBLIC_TAG, slugTag(slug)] })(slug);
}
