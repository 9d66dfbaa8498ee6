// The live readers' hub: one per server process, holding every open event stream (GET /t/<slug>/events). Readers do
// no database work of their own. Per live transcript with readers on this server, the hub reads the new events once
// (woken by PostgreSQL's NOTIFY from whichever server saved them, on SQLite by the commit of this process's own
// saves, and every LIVE_POLL_MS in case a wake-up was missed), encodes each once, and writes the same bytes to every
// stream. The last
// LIVE_BUFFER events stay in memory, so a reader who reconnects with Last-Event-ID (or opens the page a little after
// it was cached: ?after=<seq>) is answered from memory too; only a reader further behind costs one query.
import { db, onCommit, outsideTransactions } from "@/lib/db";
import { currentProvider } from "@/lib/db/provider";
import { listen, type Listener } from "@/lib/db/postgresql/listener";
import { LIVE_CHANNEL, onLiveEvents, type LiveEvent, type LiveEventType } from "@/lib/editor/live-events";
import { errorFields, log } from "@/lib/ops/log";
import { announceLivePage } from "@/lib/live/page-refresh";
import { createSlicer } from "@/lib/ops/slices";
import { processWide } from "@/lib/runtime/process-wide";

export const LIVE_BUFFER = 1_000;
export const LIVE_POLL_MS = 250;

/** LIVE_POLL_MS, or LIVE_POLL_MS from the environment (the cluster test sets it high, so only NOTIFY can deliver). */
function livePollMs(): number {
  const configured = Number(process.env.LIVE_POLL_MS);
  return Number.isInteger(configured) && configured > 0 ? configured : LIVE_POLL_MS;
}
/** A comment line this often keeps proxies from closing a quiet stream. */
export const KEEPALIVE_MS = 20_000;
/** How long EventSource waits before reconnecting (the stream's `retry:`). */
export const RETRY_MS = 2_000;
/** A channel nobody has read for this long is forgotten. */
const IDLE_MS = 60_000;
const FETCH_PAGE = 500;
/** The longest the hub writes to streams before letting other requests in. */
const BROADCAST_SLICE_MS = 1;

function concat(chunks: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}

/** One reader's stream. `write` answers false when the reader has fallen too far behind: the hub then closes it. */
export interface LiveSubscriber {
  write(chunk: Uint8Array): boolean;
  close(): void;
}

interface StoredEvent {
  seq: number;
  type: LiveEventType;
  bytes: Uint8Array;
}

interface Channel {
  transcriptId: string;
  slug: string;
  subscribers: Set<LiveSubscriber>;
  buffer: StoredEvent[];
  /** The last event read. */
  seq: number;
  ended: boolean;
  fetching: boolean;
  again: boolean;
  idleSince: number;
}

const encoder = new TextEncoder();

/** One event in the text/event-stream format: its number, its type and its JSON on one line. */
export function encodeEvent(event: LiveEvent): Uint8Array {
  return encoder.encode(`id: ${event.seq}\nevent: ${event.type}\ndata: ${event.data}\n\n`);
}

const OPENING = encoder.encode(`retry: ${RETRY_MS}\n\n`);
const KEEPALIVE = encoder.encode(":\n\n");

/** A stream's resume point: Last-Event-ID (a reconnection) or ?after (the page's own number); null when neither. */
export function resumePoint(lastEventId: string | null, after: string | null): number | null {
  for (const value of [lastEventId, after]) {
    if (value !== null && /^\d{1,9}$/.test(value.trim())) return Number(value.trim());
  }
  return null;
}

async function eventsAfter(transcriptId: string, after: number, take: number): Promise<LiveEvent[]> {
  const rows = await db.liveEvent.findMany({
    where: { transcriptId, seq: { gt: after } },
    orderBy: { seq: "asc" },
    take,
    select: { seq: true, type: true, data: true },
  });
  return rows as LiveEvent[];
}

export interface LiveHubOptions {
  pollMs?: number;
  keepaliveMs?: number;
  buffer?: number;
}

export class LiveHub {
  private readonly channels = new Map<string, Channel>();
  private readonly bySlug = new Map<string, Channel>();
  private readonly opening = new Map<string, Promise<Channel | null>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private listener: Listener | null = null;
  private stopListening: (() => void) | null = null;
  private readonly bufferSize: number;

  constructor(private readonly options: LiveHubOptions = {}) {
    this.bufferSize = options.buffer ?? LIVE_BUFFER;
  }

  /** Streams currently open on this server, and the transcripts they follow. */
  stats(): { streams: number; transcripts: number } {
    let streams = 0;
    for (const channel of this.channels.values()) streams += channel.subscribers.size;
    return { streams, transcripts: this.channels.size };
  }

  /**
   * Opens a reader's stream on the live transcript at `slug`, after event `after` (null: only what comes next).
   * Null when nothing is live there (the route answers 404). Returns how to close it.
   */
  async connect(slug: string, after: number | null, subscriber: LiveSubscriber): Promise<(() => void) | null> {
    const channel = await this.channelFor(slug);
    if (!channel || channel.ended) return null;
    const backlog = await this.backlog(channel, after);
    const endsHere = backlog.some((event) => event.type === "end");
    // Ended while the backlog was read: a reader who would not get the end from it finds nothing live.
    if (channel.ended && !endsHere) return null;
    subscriber.write(OPENING);
    for (const event of backlog) subscriber.write(event.bytes);
    if (endsHere) {
      subscriber.close();
      return () => undefined;
    }
    channel.subscribers.add(subscriber);
    this.start();
    return () => {
      if (channel.subscribers.delete(subscriber) && channel.subscribers.size === 0) channel.idleSince = Date.now();
    };
  }

  /** Reads what is new for this transcript now (a save here, a NOTIFY from another server). */
  poke(transcriptId: string): void {
    const channel = this.channels.get(transcriptId);
    if (channel && !channel.ended) void this.fetch(channel);
  }

  /** Stops the timers and the listener, and closes every stream (tests, shutdown). */
  async close(): Promise<void> {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    this.stopListening?.();
    this.stopListening = null;
    for (const channel of this.channels.values()) for (const subscriber of channel.subscribers) subscriber.close();
    this.channels.clear();
    this.bySlug.clear();
    await this.listener?.close();
    this.listener = null;
  }

  private async channelFor(slug: string): Promise<Channel | null> {
    const known = this.bySlug.get(slug);
    if (known) return known;
    let opening = this.opening.get(slug);
    if (!opening) {
      opening = this.open(slug).finally(() => this.opening.delete(slug));
      this.opening.set(slug, opening);
    }
    return opening;
  }

  private async open(slug: string): Promise<Channel | null> {
    const transcript = await db.transcript.findFirst({
      where: { publicSlug: slug, status: "LIVE", deletedAt: null },
      select: { id: true, liveSeq: true },
    });
    if (!transcript) return null;
    const existing = this.channels.get(transcript.id);
    if (existing && !existing.ended) {
      this.bySlug.set(slug, existing);
      return existing;
    }
    // The latest events, so readers resuming from a page cached a little while ago are answered from memory.
    const loaded = (
      await db.liveEvent.findMany({
        where: { transcriptId: transcript.id },
        orderBy: { seq: "desc" },
        take: this.bufferSize,
        select: { seq: true, type: true, data: true },
      })
    ).reverse() as LiveEvent[];
    // A transcript live a second time (published, reopened, live again) starts after its last ending.
    const recent = loaded.slice(loaded.findLastIndex((event) => event.type === "end") + 1);
    const channel: Channel = {
      transcriptId: transcript.id,
      slug,
      subscribers: new Set(),
      buffer: recent.map((event) => ({ seq: event.seq, type: event.type, bytes: encodeEvent(event) })),
      seq: Math.max(transcript.liveSeq, recent.at(-1)?.seq ?? 0),
      ended: false,
      fetching: false,
      again: false,
      idleSince: Date.now(),
    };
    this.channels.set(transcript.id, channel);
    this.bySlug.set(slug, channel);
    this.listenForOtherServers();
    return channel;
  }

  /** The events after `after` this reader has not had: from memory, or (far behind) the database and then memory. */
  private async backlog(channel: Channel, after: number | null): Promise<StoredEvent[]> {
    if (after === null || after >= channel.seq) return [];
    const oldest = channel.buffer[0]?.seq ?? channel.seq + 1;
    if (oldest <= after + 1) return channel.buffer.filter((event) => event.seq > after);
    const missed: StoredEvent[] = [];
    let from = after;
    // Read up to the oldest event in memory; then the rest comes from memory, read after the await.
    while (from < (channel.buffer[0]?.seq ?? channel.seq + 1) - 1) {
      const page = await eventsAfter(channel.transcriptId, from, FETCH_PAGE);
      if (page.length === 0) break;
      for (const event of page) missed.push({ seq: event.seq, type: event.type, bytes: encodeEvent(event) });
      from = page.at(-1)!.seq;
    }
    return [...missed, ...channel.buffer.filter((event) => event.seq > from)];
  }

  private async fetch(channel: Channel): Promise<void> {
    if (channel.fetching) {
      channel.again = true;
      return;
    }
    channel.fetching = true;
    try {
      for (;;) {
        const events = await eventsAfter(channel.transcriptId, channel.seq, FETCH_PAGE);
        await this.deliver(channel, events);
        if (events.length > 0 && !channel.ended) announceLivePage(channel.slug);
        if (events.length < FETCH_PAGE || channel.ended) break;
      }
    } catch (error) {
      log.error({ transcriptId: channel.transcriptId, ...errorFields(error) }, "could not read live events");
    } finally {
      channel.fetching = false;
    }
    if (channel.again) {
      channel.again = false;
      void this.fetch(channel);
    }
  }

  /**
   * Keeps `events` in memory and writes them to every stream: as one chunk (one write per stream, however many events),
   * in slices, so that writing to thousands of streams never holds the thread from other requests for long.
   */
  private async deliver(channel: Channel, events: LiveEvent[]): Promise<void> {
    const fresh = events.filter((event) => event.seq > channel.seq);
    if (fresh.length === 0) return;
    const stored = fresh.map((event) => ({ seq: event.seq, type: event.type, bytes: encodeEvent(event) }));
    channel.seq = stored.at(-1)!.seq;
    channel.buffer.push(...stored);
    if (channel.buffer.length > this.bufferSize) channel.buffer.splice(0, channel.buffer.length - this.bufferSize);
    const isEnd = stored.some((event) => event.type === "end");
    if (isEnd) {
      // New readers find nothing live from now; the ones here get the end, then their streams close.
      channel.ended = true;
      if (this.bySlug.get(channel.slug) === channel) this.bySlug.delete(channel.slug);
    }
    const chunk = stored.length === 1 ? stored[0]!.bytes : concat(stored.map((event) => event.bytes));
    // Taken now: a reader who connects meanwhile had these events from memory (they are in the buffer already).
    const recipients = [...channel.subscribers];
    const slicer = createSlicer(BROADCAST_SLICE_MS);
    for (const subscriber of recipients) {
      if (!channel.subscribers.has(subscriber)) continue;
      if (!subscriber.write(chunk)) {
        // Too far behind to keep up: it reconnects with Last-Event-ID and resumes from memory.
        channel.subscribers.delete(subscriber);
        subscriber.close();
      }
      await slicer.slice();
    }
    if (isEnd) {
      for (const subscriber of channel.subscribers) subscriber.close();
      channel.subscribers.clear();
    }
  }

  private start(): void {
    if (this.timers.length > 0) return;
    const tick = () => {
      const now = Date.now();
      for (const channel of this.channels.values()) {
        if (channel.subscribers.size > 0 && !channel.ended) void this.fetch(channel);
        else if (now - channel.idleSince > IDLE_MS) {
          this.channels.delete(channel.transcriptId);
          if (this.bySlug.get(channel.slug) === channel) this.bySlug.delete(channel.slug);
        }
      }
    };
    const keepalive = () => {
      for (const channel of this.channels.values()) {
        for (const subscriber of channel.subscribers) subscriber.write(KEEPALIVE);
      }
    };
    this.timers.push(setInterval(tick, this.options.pollMs ?? livePollMs()));
    this.timers.push(setInterval(keepalive, this.options.keepaliveMs ?? KEEPALIVE_MS));
    for (const timer of this.timers) timer.unref();
    // This process's own saves on SQLite: the signal comes from inside the transaction, so the transcript is looked
    // at once it has committed (on PostgreSQL, the NOTIFY this server hears too comes after the commit).
    const committing = new Set<string>();
    const stopSaves = onLiveEvents((transcriptId) => committing.add(transcriptId));
    const stopCommits = onCommit(() =>
      // Whatever the hub reads is read as committed, never through the transaction that just ended.
      outsideTransactions(() => {
        for (const transcriptId of committing) this.poke(transcriptId);
        committing.clear();
      }),
    );
    this.stopListening = () => {
      stopSaves();
      stopCommits();
    };
  }

  /** On PostgreSQL, other servers' saves: their NOTIFY wakes this hub as soon as they commit. */
  private listenForOtherServers(): void {
    const url = process.env.DATABASE_URL ?? "";
    if (this.listener || currentProvider(url || undefined) !== "postgresql") return;
    this.listener = listen(url, LIVE_CHANNEL, (transcriptId) => this.poke(transcriptId), {
      // Anything sent while disconnected is read now.
      onConnected: (isReconnect) => {
        if (isReconnect) for (const id of this.channels.keys()) this.poke(id);
      },
      onError: (error) => log.warn(errorFields(error), "the live events listener lost its connection"),
    });
  }
}

/** This process's hub (one, whichever copy of this module asks). */
export function liveHub(): LiveHub {
  return processWide("live-hub", () => new LiveHub());
}
