"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import { MarkdownBody } from "@/components/editor/markdown-body";
import { isStageDirection } from "@/lib/ingest/wrappers/stage-directions";
import type { LiveTranscriptView } from "@/lib/live/public";
import { CopyLinks } from "./copy-links";
import { applyLiveEvent, initialLiveState, liveReaderParagraphs, type LiveAction, type LiveState } from "./live-model";
import { ReaderProvider } from "./reader-store";
import { TranscriptParagraph } from "./transcript-paragraph";

/** New paragraphs are announced to screen readers together, at most this often, never one by one. */
const ANNOUNCE_EVERY_MS = 15_000;
/** Within this distance below the screen, the newest paragraph still counts as on screen: the reader follows. */
const FOLLOW_MARGIN_PX = 160;
/** After the end, how often (and how many times) the page asks for the published transcript. */
const REFRESH_EVERY_MS = 1_500;
const REFRESH_TRIES = 8;
const EVENT_TYPES = ["paragraph", "annotation", "correction", "speaker", "end"] as const;
/** After the server refused the stream, the wait before opening it again: doubled each time, up to the most. */
const REOPEN_FIRST_MS = 2_000;
const REOPEN_MOST_MS = 30_000;

type Action = LiveAction | { type: "reset"; view: LiveTranscriptView };

function reducer(state: LiveState, action: Action): LiveState {
  return action.type === "reset" ? initialLiveState(action.view) : applyLiveEvent(state, action);
}

/** Whether the newest paragraph is on screen (or nearly): the reader is at the latest. */
function isAtLatest(list: HTMLElement | null): boolean {
  const last = list?.lastElementChild;
  if (!last) return true;
  return last.getBoundingClientRect().top < window.innerHeight + FOLLOW_MARGIN_PX;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

type Refusal = "withdrawn" | "ended" | "try-again";

/**
 * Why the server answered the stream with something other than a stream (EventSource then gives up for good). Not
 * live any more: the page's own address tells whether it was withdrawn (404) or published. Anything else (too many
 * streams from this address, a server in trouble, no network): try again later.
 */
async function whyRefused(path: string, after: number): Promise<Refusal> {
  const probe = new AbortController();
  try {
    const stream = await fetch(`${path}/events?after=${after}`, { cache: "no-store", signal: probe.signal });
    if (stream.status !== 404) return "try-again";
    const page = await fetch(path, { method: "HEAD", cache: "no-store" });
    if (page.status === 404) return "withdrawn";
    return page.ok ? "ended" : "try-again";
  } catch {
    return "try-again";
  } finally {
    probe.abort();
  }
}

/**
 * A live transcript's reading page: the paragraphs and approved notes as they stood when the page was made, then
 * every event from its stream (GET /t/<slug>/events?after=<seq>). It follows the newest paragraph unless the reader
 * has scrolled up, announces what arrived politely and in batches, and when the event ends becomes the published
 * transcript (or says it was withdrawn) without a reload.
 */
export function LiveTranscript({ view }: { view: LiveTranscriptView }) {
  const router = useRouter();
  const [state, dispatch] = useReducer(reducer, view, initialLiveState);
  const [isFollowing, setIsFollowing] = useState(true);
  const [unseen, setUnseen] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const [isConnected, setIsConnected] = useState(false);
  const pending = useRef({ paragraphs: 0, notes: 0 });
  const following = useRef(true);
  const lastCount = useRef(view.paragraphs.length);
  const list = useRef<HTMLDivElement>(null);

  // Bumped to open the stream again after the server refused it.
  const [attempt, setAttempt] = useState(0);
  // The last event this page has, so a stream opened again resumes after it.
  const lastSeq = useRef(view.seq);
  const refusals = useRef(0);

  // A newer page (a refresh) replaces what this one built, and its stream starts after what that page shows.
  useEffect(() => {
    dispatch({ type: "reset", view });
    lastSeq.current = view.seq;
  }, [view]);

  useEffect(() => {
    let isCurrent = true;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const source = new EventSource(`${view.path}/events?after=${lastSeq.current}`);
    const listeners = EVENT_TYPES.map((type) => {
      const listener = (event: MessageEvent<string>) => {
        const seq = Number(event.lastEventId);
        if (Number.isSafeInteger(seq) && seq > lastSeq.current) lastSeq.current = seq;
        let data: unknown;
        try {
          data = JSON.parse(event.data);
        } catch {
          return;
        }
        if (type === "annotation" && data && typeof data === "object" && "annotation" in data) {
          pending.current.notes += 1;
        }
        dispatch({ type, data });
        if (type === "end") source.close();
      };
      source.addEventListener(type, listener);
      return [type, listener] as const;
    });
    source.onopen = () => {
      refusals.current = 0;
      setIsConnected(true);
    };
    source.onerror = () => {
      setIsConnected(false);
      // A dropped connection: the browser reconnects by itself, with Last-Event-ID. A refusal closes it for good.
      if (source.readyState !== EventSource.CLOSED) return;
      void whyRefused(view.path, lastSeq.current).then((why) => {
        if (!isCurrent) return;
        if (why === "withdrawn") dispatch({ type: "end", data: { status: "UNPUBLISHED" } });
        else if (why === "ended") dispatch({ type: "end", data: { status: "PUBLISHED", url: view.path } });
        else {
          const wait = Math.min(REOPEN_MOST_MS, REOPEN_FIRST_MS * 2 ** refusals.current);
          refusals.current += 1;
          reopen = setTimeout(() => setAttempt((count) => count + 1), wait);
        }
      });
    };
    return () => {
      isCurrent = false;
      clearTimeout(reopen);
      for (const [type, listener] of listeners) source.removeEventListener(type, listener);
      source.close();
    };
  }, [view, attempt]);

  // Following: the newest paragraph is on screen (a short page, or the reader went there); scrolling up stops it,
  // coming back down starts it again. A reader who opens a long page at its top is reading from the start.
  useEffect(() => {
    const onScroll = () => {
      const near = isAtLatest(list.current);
      following.current = near;
      setIsFollowing(near);
      if (near) setUnseen(0);
    };
    onScroll();
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll, { passive: true });
    return () => {
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
    };
  }, []);

  const count = state.paragraphs.length;
  useEffect(() => {
    const added = count - lastCount.current;
    lastCount.current = count;
    if (added <= 0) return;
    pending.current.paragraphs += added;
    if (following.current) {
      const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      document.getElementById(`p-${count}`)?.scrollIntoView({ block: "end", behavior: reduce ? "auto" : "smooth" });
    } else {
      setUnseen((current) => current + added);
    }
  }, [count]);

  // One polite sentence for everything that arrived since the last one.
  useEffect(() => {
    const timer = setInterval(() => {
      const { paragraphs, notes } = pending.current;
      if (paragraphs === 0 && notes === 0) return;
      pending.current = { paragraphs: 0, notes: 0 };
      const parts = [
        paragraphs > 0 ? plural(paragraphs, "new paragraph", "new paragraphs") : null,
        notes > 0 ? plural(notes, "note added or updated", "notes added or updated") : null,
      ].filter(Boolean);
      setAnnouncement(`${parts.join(" and ")} in the live transcript.`);
    }, ANNOUNCE_EVERY_MS);
    return () => clearInterval(timer);
  }, []);

  // Ended and published: ask for the page again until it is the published transcript (this component then goes).
  const ending = state.ending;
  useEffect(() => {
    if (ending?.status !== "PUBLISHED") return;
    let tries = 0;
    router.refresh();
    const timer = setInterval(() => {
      tries += 1;
      router.refresh();
      if (tries >= REFRESH_TRIES) clearInterval(timer);
    }, REFRESH_EVERY_MS);
    return () => clearInterval(timer);
  }, [ending, router]);

  const paragraphs = useMemo(() => liveReaderParagraphs(state), [state]);
  const speakerNames = useMemo(
    () =>
      Object.fromEntries(
        state.paragraphs.flatMap((paragraph) =>
          paragraph.speaker ? [[paragraph.speaker.id, paragraph.speaker.name]] : [],
        ),
      ),
    [state.paragraphs],
  );
  const bodies = useMemo(
    () =>
      Object.fromEntries(
        Object.values(state.notes)
          .filter((note) => note.body.trim())
          .map((note) => [note.id, <MarkdownBody key={note.id} text={note.body} className="reader-note-body" />]),
      ),
    [state.notes],
  );

  if (ending?.status === "UNPUBLISHED") {
    return (
      <article className="flex flex-col gap-4" data-testid="live-withdrawn">
        <h1 className="font-serif text-3xl font-bold tracking-tight [overflow-wrap:anywhere] sm:text-4xl">
          {view.title}
        </h1>
        <p role="status" className="rounded-md border border-stone-300 bg-stone-50 p-4">
          The newsroom has withdrawn this live transcript. It is no longer available.
        </p>
      </article>
    );
  }

  return (
    <ReaderProvider>
      <article className="flex flex-col gap-8" data-testid="live-transcript" data-live-seq={view.seq}>
        <header className="flex flex-col gap-3">
          <p className="flex flex-wrap items-center gap-3 text-sm">
            <span className="live-badge" data-testid="live-badge">
              {ending ? "Ended" : "Live"}
            </span>
            <span className="text-stone-700">
              {ending
                ? "The event has ended. Loading the published transcript…"
                : isConnected
                  ? "New paragraphs appear as they are transcribed."
                  : "Connecting…"}
            </span>
          </p>
          <h1 className="font-serif text-3xl font-bold tracking-tight [overflow-wrap:anywhere] sm:text-4xl">
            {view.title}
          </h1>
          {view.place || view.summary ? (
            <p className="text-stone-700">{[view.place, view.summary].filter(Boolean).join(" · ")}</p>
          ) : null}
          <p className="text-sm text-stone-700">
            A machine transcript, corrected and annotated by the newsroom as the event runs: wording may still change.
          </p>
        </header>
        <section aria-labelledby="transcript-title" className="flex flex-col gap-3">
          <div className="flex flex-wrap items-baseline justify-between gap-3 border-b border-stone-300 pb-2">
            <h2 id="transcript-title" className="font-serif text-2xl font-semibold">
              Transcript
            </h2>
            <span className="text-sm text-stone-700" data-testid="live-count">
              {plural(count, "paragraph", "paragraphs")}
            </span>
          </div>
          <CopyLinks />
          {count === 0 ? (
            <p className="text-stone-700">The transcript starts here as soon as the first words are final.</p>
          ) : null}
          <div ref={list} className="reader-paragraphs flex flex-col">
            {paragraphs.map((paragraph) => (
              <TranscriptParagraph
                key={paragraph.id}
                paragraph={paragraph}
                label={
                  (paragraph.speakerId ? speakerNames[paragraph.speakerId] : undefined) ??
                  (isStageDirection(paragraph.text) ? "Stage direction" : "Unattributed")
                }
                permalink={`${view.path}#p-${paragraph.number}`}
                hasMedia={false}
                bodies={bodies}
                corrections={
                  state.corrected[paragraph.id] ? (
                    <p className="reader-live-corrected">Corrected by the newsroom during the event.</p>
                  ) : null
                }
              />
            ))}
          </div>
        </section>
        <div aria-live="polite" className="sr-only" data-testid="live-announcer">
          {announcement}
        </div>
        {!isFollowing && unseen > 0 ? (
          <button
            type="button"
            className="live-jump"
            onClick={() => {
              following.current = true;
              setIsFollowing(true);
              setUnseen(0);
              document.getElementById(`p-${count}`)?.scrollIntoView({ block: "end" });
            }}
          >
            {plural(unseen, "new paragraph", "new paragraphs")}: go to the latest
          </button>
        ) : null}
      </article>
    </ReaderProvider>
  );
}
