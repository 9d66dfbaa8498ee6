// Long work on the request thread in bounded slices. A loop over 10,000 paragraphs (replace across a transcript,
// building a snapshot, syncing the search index, writing an export) calls `slice()` as it goes; once the current
// slice has run for its budget, `slice()` lets the event loop answer whatever is waiting (other readers' requests,
// timers) before the loop goes on. Work shorter than the budget never yields, so small transcripts pay nothing.
import { setImmediate as nextTurn } from "node:timers/promises";

/** How long one slice may hold the thread: SLICE_BUDGET_MS, else 10 ms (0 yields at every call, for tests). */
export function sliceBudgetMs(): number {
  const configured = Number(process.env.SLICE_BUDGET_MS);
  return process.env.SLICE_BUDGET_MS !== undefined && Number.isFinite(configured) && configured >= 0 ? configured : 10;
}

/**
 * Prisma's limit for a transaction whose work yields between slices (publishing a hearing, replacing across it):
 * its default (5 s) is for the short ones. SQLite holds other writers off meanwhile; they wait, or get a 503 to retry.
 */
export const SLICED_TRANSACTION_TIMEOUT_MS = 5 * 60_000;

export interface Slicer {
  /** Yields to the event loop when this slice has used its budget; otherwise returns at once. */
  slice(): Promise<void>;
  /** How many times it yielded so far. */
  readonly yields: number;
}

export function createSlicer(budgetMs: number = sliceBudgetMs()): Slicer {
  let started = performance.now();
  let yields = 0;
  return {
    async slice() {
      if (performance.now() - started < budgetMs) return;
      yields += 1;
      await nextTurn();
      started = performance.now();
    },
    get yields() {
      return yields;
    },
  };
}

/** `work` for each item in order, yielding between items as the budget says. */
export async function forEachInSlices<T>(
  items: Iterable<T>,
  work: (item: T, index: number) => unknown,
  slicer: Slicer = createSlicer(),
): Promise<void> {
  let index = 0;
  for (const item of items) {
    await work(item, index++);
    await slicer.slice();
  }
}

/** `map` in slices. */
export async function mapInSlices<T, U>(
  items: readonly T[],
  work: (item: T, index: number) => U | Promise<U>,
  slicer: Slicer = createSlicer(),
): Promise<U[]> {
  const results: U[] = [];
  await forEachInSlices(items, async (item, index) => results.push(await work(item, index)), slicer);
  return results;
}
