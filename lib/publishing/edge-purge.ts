// Telling the edge cache what to forget: every expiry of public cache tags here (publish, correction, unpublish,
// restore, a server start) is also sent as `PURGE` with `Surrogate-Key: <tags>` to EDGE_PURGE_URL, when it is set
// (Varnish with xkey: deploy/varnish/default.vcl). Sent in the background and retried: a slow or absent edge never
// holds up a publication, and a purge that cannot get through is logged, not lost silently.
import { log } from "@/lib/ops/log";

/** Waits before each retry; three tries in all. */
const RETRY_DELAYS_MS = [250, 1_000];
/** One try gives up after this long. */
const TRY_TIMEOUT_MS = 2_000;

export interface EdgePurgeOptions {
  url?: string;
  fetcher?: typeof fetch;
  delays?: readonly number[];
}

/** Sends one purge, retrying on a network error or a 5xx. Resolves true when the edge took it; never rejects. */
export async function sendEdgePurge(tags: readonly string[], options: EdgePurgeOptions = {}): Promise<boolean> {
  const url = options.url ?? process.env.EDGE_PURGE_URL;
  if (!url || tags.length === 0) return true;
  const fetcher = options.fetcher ?? fetch;
  const delays = options.delays ?? RETRY_DELAYS_MS;
  const keys = [...new Set(tags)].join(" ");
  let problem = "";
  for (let attempt = 0; attempt <= delays.length; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, delays[attempt - 1]));
    try {
      const response = await fetcher(url, {
        method: "PURGE",
        headers: { "surrogate-key": keys },
        signal: AbortSignal.timeout(TRY_TIMEOUT_MS),
      });
      if (response.ok) return true;
      problem = `HTTP ${response.status}`;
      // A refusal (403: this server is not allowed to purge) will not change on a retry.
      if (response.status < 500) break;
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
  }
  log.error({ edge: url, keys, problem }, "the edge cache did not take a purge");
  return false;
}

/** Starts a purge and returns at once: the caller (a publication) does not wait for the edge. */
export function purgeEdge(tags: readonly string[]): void {
  void sendEdgePurge(tags);
}
