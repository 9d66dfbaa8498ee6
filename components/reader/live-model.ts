// A live reading page's state, and how each event from GET /t/<slug>/events changes it. Events replace paragraphs and
// notes by id, so an event the page already reflects (the page and the stream overlap by design) changes nothing.
import type { LiveNote, LiveParagraph } from "@/lib/editor/live-events";
import type { ReaderNote, ReaderParagraph } from "./reading-model";

export type LiveEnding = { status: "PUBLISHED"; url: string } | { status: "UNPUBLISHED" };

export interface LiveState {
  /** In reading order (position). */
  paragraphs: LiveParagraph[];
  notes: Record<string, LiveNote>;
  /** Paragraphs whose words staff changed after readers had them. */
  corrected: Record<string, true>;
  ending: LiveEnding | null;
}

export function initialLiveState(view: { paragraphs: LiveParagraph[]; notes: LiveNote[] }): LiveState {
  return {
    paragraphs: [...view.paragraphs].sort(byPosition),
    notes: Object.fromEntries(view.notes.map((note) => [note.id, note])),
    corrected: {},
    ending: null,
  };
}

function byPosition(a: LiveParagraph, b: LiveParagraph): number {
  return a.position - b.position || a.id.localeCompare(b.id);
}

function upsert(paragraphs: LiveParagraph[], paragraph: LiveParagraph): LiveParagraph[] {
  const others = paragraphs.filter((candidate) => candidate.id !== paragraph.id);
  // Almost always the last: insert from the end.
  let index = others.length;
  while (index > 0 && byPosition(others[index - 1]!, paragraph) > 0) index -= 1;
  return [...others.slice(0, index), paragraph, ...others.slice(index)];
}

export type LiveAction = { type: "paragraph" | "annotation" | "correction" | "speaker" | "end"; data: unknown };

/** The state after one event; unknown or malformed events change nothing. */
export function applyLiveEvent(state: LiveState, { type, data }: LiveAction): LiveState {
  if (!data || typeof data !== "object") return state;
  const event = data as Record<string, unknown>;
  switch (type) {
    case "paragraph": {
      const paragraph = event.paragraph as LiveParagraph | undefined;
      return paragraph ? { ...state, paragraphs: upsert(state.paragraphs, paragraph) } : state;
    }
    case "correction": {
      if (event.removed === true && typeof event.paragraphId === "string") {
        return { ...state, paragraphs: state.paragraphs.filter((paragraph) => paragraph.id !== event.paragraphId) };
      }
      const paragraph = event.paragraph as LiveParagraph | undefined;
      if (!paragraph) return state;
      return {
        ...state,
        paragraphs: upsert(state.paragraphs, paragraph),
        corrected: { ...state.corrected, [paragraph.id]: true },
      };
    }
    case "annotation": {
      if (event.removed === true && typeof event.annotationId === "string") {
        if (!state.notes[event.annotationId]) return state;
        const { [event.annotationId]: _removed, ...notes } = state.notes;
        return { ...state, notes };
      }
      const note = event.annotation as LiveNote | undefined;
      return note ? { ...state, notes: { ...state.notes, [note.id]: note } } : state;
    }
    case "speaker": {
      const speaker = event.speaker as { id?: unknown; name?: unknown } | undefined;
      if (typeof speaker?.id !== "string" || typeof speaker.name !== "string") return state;
      const renamed = { id: speaker.id, name: speaker.name };
      return {
        ...state,
        paragraphs: state.paragraphs.map((paragraph) =>
          paragraph.speaker?.id === renamed.id ? { ...paragraph, speaker: renamed } : paragraph,
        ),
      };
    }
    case "end":
      return event.status === "PUBLISHED" || event.status === "UNPUBLISHED"
        ? { ...state, ending: event as unknown as LiveEnding }
        : state;
  }
}

function isMarked(note: LiveNote, text: string): boolean {
  return note.anchored && note.end > note.start && note.start >= 0 && text.slice(note.start, note.end) === note.exact;
}

/**
 * The paragraphs as the reading page's list renders them: numbered from one, each with its notes, numbered in
 * reading order like footnotes (marked words in text order, then the unmarked), as on a published page.
 */
export function liveReaderParagraphs(state: LiveState): ReaderParagraph[] {
  const bySegment = new Map<string, LiveNote[]>();
  for (const note of Object.values(state.notes)) {
    bySegment.set(note.paragraphId, [...(bySegment.get(note.paragraphId) ?? []), note]);
  }
  let nextNumber = 1;
  return state.paragraphs.map((paragraph, index) => {
    const notes = (bySegment.get(paragraph.id) ?? [])
      .map((note) => ({ note, marked: isMarked(note, paragraph.text) }))
      .sort(
        (a, b) =>
          Number(b.marked) - Number(a.marked) ||
          (a.marked ? a.note.start - b.note.start || b.note.end - a.note.end : 0) ||
          a.note.id.localeCompare(b.note.id),
      )
      .map(({ note, marked }): ReaderNote => {
        const reader: ReaderNote = {
          id: note.id,
          kind: note.kind,
          number: nextNumber++,
          isMarked: marked,
          start: note.start,
          end: note.end,
        };
        if (note.claim) reader.claim = note.claim;
        if (note.verdict) reader.verdict = note.verdict as NonNullable<ReaderNote["verdict"]>;
        if (note.sources.length > 0) reader.sources = note.sources;
        if (note.checker) reader.checker = note.checker;
        return reader;
      });
    return {
      id: paragraph.id,
      number: index + 1,
      text: paragraph.text,
      speakerId: paragraph.speaker?.id ?? null,
      startMs: paragraph.startMs,
      notes,
    };
  });
}
