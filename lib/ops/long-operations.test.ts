// Operations across a whole transcript yield to the event loop between slices of their work (lib/ops/slices.ts), so
// on a 10,000-paragraph hearing other readers are answered meanwhile (`npm run bench:big` measures how well). With a
// budget of 0 every slice point yields: a callback queued before the operation runs before it ends. On SQLite the
// whole operation is otherwise one unbroken run of the thread (better-sqlite3 answers synchronously).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyReplace } from "@/lib/editor/replace";
import { transitionTranscript } from "@/lib/publishing/workflow";
import { readyTranscript, staff } from "@/lib/publishing/test-support";

let budget: string | undefined;
beforeEach(() => {
  budget = process.env.SLICE_BUDGET_MS;
  process.env.SLICE_BUDGET_MS = "0";
});
afterEach(() => {
  if (budget === undefined) delete process.env.SLICE_BUDGET_MS;
  else process.env.SLICE_BUDGET_MS = budget;
});

/** Whether a callback queued on the event loop before `work` started had run by the time `work` finished. */
async function eventLoopRanDuring<T>(work: () => Promise<T>): Promise<{ ran: boolean; result: T }> {
  let ran = false;
  setImmediate(() => (ran = true));
  const result = await work();
  return { ran, result };
}

const paragraphs = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    text: `Statement ${index + 1}: the embankment at Lindvik failed in two places.`,
    speaker: index % 2 === 0 ? "Jens Stoltenberg" : "Questioner Ana",
  }));

describe("long operations in slices", () => {
  it("replaces across every paragraph while letting other work run between them", async () => {
    const reporter = await staff("Rita Reporter", "REPORTER");
    const transcript = await readyTranscript(reporter, reporter, paragraphs(40));
    const { ran, result } = await eventLoopRanDuring(() =>
      applyReplace(reporter, transcript.id, {
        find: "Lindvik",
        replace: "Lindvik town",
        matchCase: true,
        wholeWord: true,
      }),
    );
    expect(ran).toBe(true);
    expect(result.replaced).toBe(40);
  });

  it("publishes (checks, snapshot, public index) while letting other work run between its steps", async () => {
    const reporter = await staff("Rita Reporter", "REPORTER");
    const editor = await staff("Eddie Editor", "EDITOR");
    const transcript = await readyTranscript(reporter, editor, paragraphs(40));
    const { ran, result } = await eventLoopRanDuring(() =>
      transitionTranscript(editor, transcript.id, { to: "PUBLISHED" }),
    );
    expect(ran).toBe(true);
    expect(result.status).toBe("PUBLISHED");
  });
});
