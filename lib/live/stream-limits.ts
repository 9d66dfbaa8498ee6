// How many live event streams one server holds open, in all and for one client address. A stream costs little (a
// socket and a few kilobytes), but each holds a file descriptor for as long as the event runs: without a bound, one
// client opening streams in a loop could take every descriptor the process has, and then nobody could load a page.
// Over a bound, the stream is refused with a sentence and Retry-After (429 for the client's own share, 503 when the
// server is full); the reading page keeps what it has and tries again later (components/reader/live-transcript.tsx).

export interface StreamLimits {
  /** Open streams per client address; 0: no limit. */
  perClient: number;
  /** Open streams on this server; 0: no limit. */
  total: number;
}

/**
 * Generous per address: a newsroom, a school or a mobile carrier puts many readers behind one address, and each tab
 * of each of them is a stream.
 */
export const DEFAULT_STREAM_LIMITS: Readonly<StreamLimits> = { perClient: 200, total: 10_000 };

/** Seconds a refused reader is asked to wait before trying again. */
export const STREAM_RETRY_AFTER_SECONDS = 30;

export class StreamLimitConfigError extends Error {}

function readLimit(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new StreamLimitConfigError(`${name} is a number of open live streams (0 for no limit); "${raw}" is not one.`);
  }
  return value;
}

/** The limits from LIVE_STREAMS_PER_CLIENT and LIVE_MAX_STREAMS, or the defaults. */
export function configuredStreamLimits(env: Record<string, string | undefined> = process.env): StreamLimits {
  return {
    perClient: readLimit(env, "LIVE_STREAMS_PER_CLIENT", DEFAULT_STREAM_LIMITS.perClient),
    total: readLimit(env, "LIVE_MAX_STREAMS", DEFAULT_STREAM_LIMITS.total),
  };
}

export type StreamTicket =
  { allowed: true; release: () => void } | { allowed: false; status: 429 | 503; message: string };

/** Counts the streams open now; `open` takes a place for one, or says why there is none. */
export class StreamCounter {
  private readonly byClient = new Map<string, number>();
  private open_ = 0;

  constructor(private readonly limits: StreamLimits) {}

  open(address: string): StreamTicket {
    const mine = this.byClient.get(address) ?? 0;
    if (this.limits.perClient > 0 && mine >= this.limits.perClient) {
      return {
        allowed: false,
        status: 429,
        message: `Too many live streams are open from your address (${this.limits.perClient}). Close some, or try again in a moment.`,
      };
    }
    if (this.limits.total > 0 && this.open_ >= this.limits.total) {
      return {
        allowed: false,
        status: 503,
        message: "This server is following as many live readers as it can. Try again in a moment.",
      };
    }
    this.byClient.set(address, mine + 1);
    this.open_ += 1;
    let released = false;
    return {
      allowed: true,
      release: () => {
        if (released) return;
        released = true;
        this.open_ -= 1;
        const left = (this.byClient.get(address) ?? 1) - 1;
        if (left > 0) this.byClient.set(address, left);
        else this.byClient.delete(address);
      },
    };
  }

  get size(): number {
    return this.open_;
  }

  /** Addresses with a stream open (what the counter keeps: nothing for those who left). */
  get clients(): number {
    return this.byClient.size;
  }
}
