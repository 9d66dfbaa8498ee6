// Parsing in worker threads: the same result as in-process, refusals that cross the thread boundary intact, time
// and memory limits that refuse a file and replace its thread, and a main thread that stays free meanwhile.
import { afterAll, describe, expect, it } from "vitest";
import { ingestFile } from "@/lib/ingest/pipeline";
import { createIngestPool, type IngestPool } from "./ingest-pool";
import { fixture, utf8 } from "@/lib/ingest/test-support/fixtures";
import { buildLongSrt } from "@/lib/ingest/test-support/subtitles";
import { IngestError } from "@/lib/ingest/types";
import { watchEventLoopGaps } from "@/lib/test/event-loop";

/** About 3 MB and a couple of seconds of parsing. */
const LONG_SRT = utf8(buildLongSrt(30_000));
/** About 10 MB, whose parse needs well over 64 MB of heap. */
const HUGE_SRT = utf8(buildLongSrt(100_000));
const SHORT = { bytes: utf8("MODERATOR: Good morning.\nQUESTION: Thank you."), filename: "short.txt" };

const pools: IngestPool[] = [];
function pool(options: Parameters<typeof createIngestPool>[0]): IngestPool {
  const created = createIngestPool(options);
  pools.push(created);
  return created;
}

afterAll(async () => {
  await Promise.all(pools.map((created) => created.close()));
});

async function refusalOf(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof IngestError)) throw new Error(`expected an IngestError, got ${String(error)}`);
  return error;
}

describe("the ingestion worker pool", () => {
  it("gives the same result as parsing in-process", async () => {
    const bytes = fixture("nato-press-conference-2019-02-14.txt");
    const input = { bytes, filename: "nato.txt", restore: [3] };
    expect(await pool({ threads: 1 }).ingest(input)).toEqual(await ingestFile(input));
  });

  it("re-throws a refusal as an IngestError with its code and sentence", async () => {
    const error = await refusalOf(pool({ threads: 1 }).ingest({ bytes: utf8(" \n "), filename: "blank.txt" }));
    expect(error.code).toBe("EMPTY");
    expect(error.message).toBe("The file contains only whitespace.");
  });

  it("keeps the main thread free while a large file parses", async () => {
    const workers = pool({ threads: 1 });
    await workers.ingest(SHORT); // the thread has loaded the pipeline
    const input = { bytes: LONG_SRT, filename: "hearing.srt" };
    // The baseline, measured in the same run: in-process, the parse holds the event loop for its whole duration.
    const blocked = watchEventLoopGaps();
    await ingestFile(input);
    const inProcessGap = blocked.stop();
    const gaps = watchEventLoopGaps();
    const result = await workers.ingest(input);
    const longestGap = gaps.stop();
    expect(result.source.format).toBe("srt");
    expect(inProcessGap).toBeGreaterThan(100);
    expect(longestGap).toBeLessThan(inProcessGap / 3);
  }, 60_000);

  it("refuses a file that runs past the time limit, then parses the next one on a fresh thread", async () => {
    const workers = pool({ threads: 1, timeoutMs: 30_000 });
    const firstThread = await workers.ingest(SHORT);
    const started = performance.now();
    const error = await refusalOf(workers.ingest({ bytes: LONG_SRT, filename: "hearing.srt" }, { timeoutMs: 200 }));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error.code).toBe("TIME_LIMIT");
    expect(error.message).toBe(
      "Reading this file took longer than 0.2 s, the limit per file. Split the transcript into parts and upload them one by one.",
    );
    expect(await workers.ingest(SHORT)).toEqual(firstThread);
  }, 60_000);

  it("refuses a file that needs more memory than a thread may use, then parses the next one", async () => {
    const workers = pool({ threads: 1, memoryMb: 64 });
    const error = await refusalOf(workers.ingest({ bytes: HUGE_SRT, filename: "hearing.srt" }));
    expect(error.code).toBe("MEMORY_LIMIT");
    expect(error.message).toBe(
      "Reading this file needed more than the 64 MB of memory allowed per file. Split the transcript into parts and upload them one by one.",
    );
    const next = await workers.ingest(SHORT);
    expect(next.segments.map((segment) => segment.text)).toEqual(["Good morning.", "Thank you."]);
  }, 60_000);

  it("refuses work as BUSY when every thread is busy and the queue is full", async () => {
    const workers = pool({ threads: 1, maxQueue: 1 });
    await workers.ingest(SHORT); // the thread is up, so nothing counts as waiting for it to start
    const running = workers.ingest({ bytes: LONG_SRT, filename: "hearing.srt" });
    const queued = workers.ingest(SHORT);
    const error = await refusalOf(workers.ingest(SHORT));
    expect(error.code).toBe("BUSY");
    expect(error.message).toBe("The desk is busy reading other uploads. Try again in a minute.");
    await Promise.all([running, queued]);
  }, 60_000);

  it("applies the upload size limit before sending bytes to a thread", async () => {
    const error = await refusalOf(
      pool({ threads: 1 }).ingest({ bytes: utf8("x".repeat(3000)), filename: "a.txt" }, { maxBytes: 1000 }),
    );
    expect(error.code).toBe("TOO_LARGE");
  });
});
