import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createSlicer, forEachInSlices, mapInSlices } from "./slices";

/** Whether a callback queued on the event loop before `work` started had run by the time `work` finished. */
async function eventLoopRanDuring(work: () => Promise<unknown>): Promise<boolean> {
  let ran = false;
  setImmediate(() => (ran = true));
  await work();
  return ran;
}

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Holds the thread, as parsing or rendering would.
  }
};

describe("work in slices", () => {
  it("lets waiting callbacks run once a slice has used its budget", async () => {
    const slicer = createSlicer(5);
    const ran = await eventLoopRanDuring(async () => {
      for (let step = 0; step < 4; step++) {
        busy(3);
        await slicer.slice();
      }
    });
    expect(ran).toBe(true);
    expect(slicer.yields).toBeGreaterThanOrEqual(1);
  });

  it("never yields while under the budget, so short work pays nothing", async () => {
    const slicer = createSlicer(10_000);
    const ran = await eventLoopRanDuring(async () => {
      for (let step = 0; step < 100; step++) await slicer.slice();
    });
    expect(ran).toBe(false);
    expect(slicer.yields).toBe(0);
  });

  it("visits every item once, in order, and maps them in order, yielding at every item with a budget of 0", async () => {
    const seen: [string, number][] = [];
    const slicer = createSlicer(0);
    await forEachInSlices(["a", "b", "c"], (item, index) => seen.push([item, index]), slicer);
    expect(seen).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 2],
    ]);
    expect(slicer.yields).toBe(3);
    const doubled = await mapInSlices([1, 2, 3], async (value) => {
      await nextTurn();
      return value * 2;
    });
    expect(doubled).toEqual([2, 4, 6]);
  });
});
