// A dedicated connection that LISTENs on one channel and stays connected: on a lost connection it reconnects with a
// growing pause, and tells the caller, who may have missed messages meanwhile. Used by the server (scripts/serve.ts)
// outside Next, so it needs nothing but pg.
import pg from "pg";
import { poolConfig } from "./connection";

export interface Listener {
  /** Whether the connection is up and listening now. */
  isConnected(): boolean;
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Called after every (re)connection, first included: messages sent while disconnected are lost. */
  onConnected?: (isReconnect: boolean) => void;
  onError?: (error: Error) => void;
  /** The longest pause between reconnection attempts. */
  maxRetryMs?: number;
}

export function listen(
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
  { onConnected, onError, maxRetryMs = 5_000 }: ListenOptions = {},
): Listener {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
  let client: pg.Client | null = null;
  let connected = false;
  let closed = false;
  let attempts = 0;
  let hasConnected = false;
  let timer: NodeJS.Timeout | null = null;

  const schedule = () => {
    if (closed || timer) return;
    const pause = Math.min(maxRetryMs, 100 * 2 ** Math.min(attempts, 10));
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, pause);
    timer.unref();
  };

  const connect = async () => {
    const config = poolConfig(url);
    const next = new pg.Client({ ...config, keepAlive: true });
    client = next;
    next.on("notification", (message) => {
      if (message.channel === channel) onMessage(message.payload ?? "");
    });
    next.on("error", (error) => {
      connected = false;
      onError?.(error);
      void next.end().catch(() => undefined);
      if (client === next) schedule();
    });
    next.on("end", () => {
      if (client === next && connected) {
        connected = false;
        schedule();
      }
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
      if (closed) {
        await next.end();
        return;
      }
      const isReconnect = hasConnected;
      hasConnected = true;
      connected = true;
      attempts = 0;
      onConnected?.(isReconnect);
    } catch (error) {
      connected = false;
      attempts++;
      onError?.(error instanceof Error ? error : new Error(String(error)));
      void next.end().catch(() => undefined);
      schedule();
    }
  };

  void connect();
  return {
    isConnected: () => connected,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      connected = false;
      await client?.end().catch(() => undefined);
    },
  };
}
