// Failpoints: named places in a long operation where a test can stop the thread, so that "what if the process dies
// right here" is tested at exactly that point instead of by racing a timer (as etcd's gofail and TiKV's fail-rs do).
// Off unless VERBATIM_FAILPOINTS names the point; a server never has it set outside tests.
import fs from "node:fs";

/** The places a test can stop at. */
export type FailpointName =
  | "store-draft.after-segments"
  /** Publishing, with the transcript's state, its publication and the public index written, not committed. */
  | "publish.after-index"
  /** A correction, with the new publication, the working copy's edit and the public index written, not committed. */
  | "correction.after-index"
  /** SQLite: while the file `<database>.disk-full` exists, writes that need a new page fail with SQLITE_FULL. */
  | "sqlite.disk-full";

export function failpointEnabled(name: FailpointName): boolean {
  return (process.env.VERBATIM_FAILPOINTS ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .includes(name);
}

/**
 * When `name` is enabled, prints `[failpoint] <name> reached` on stderr and blocks this thread for good: the test
 * that enabled it watches for the line and then kills the process.
 */
export function failpoint(name: FailpointName): void {
  if (!failpointEnabled(name)) return;
  process.stderr.write(`[failpoint] ${name} reached\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

/**
 * For failpoints a test turns on and off while the server runs: enabled by VERBATIM_FAILPOINTS, and armed while
 * `marker` exists (the test creates and deletes it).
 */
export function failpointArmed(name: FailpointName, marker: string): boolean {
  return failpointEnabled(name) && fs.existsSync(marker);
}
