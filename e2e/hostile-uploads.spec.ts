// Hostile uploads against the running production server: a zip bomb, a chunked body far over the limit and a huge
// subtitle file must neither stall the public pages nor take the server's memory with them.
import type { APIRequestContext } from "@playwright/test";
import { createApiToken } from "@/lib/auth/api-tokens";
import { buildDocxBomb } from "@/lib/ingest/test-support/docx";
import { buildLongSrt } from "@/lib/ingest/test-support/subtitles";
import { expect, seedUser, test } from "./fixtures";
import { postChunked } from "./support/chunked-upload";
import { findListeningPid, residentBytes } from "./support/process-memory";

const MB = 1024 * 1024;

async function bearerFor(name: string): Promise<Record<string, string>> {
  const reporter = await seedUser("REPORTER", name);
  const { secret } = await createApiToken({ userId: reporter.id, name });
  return { authorization: `Bearer ${secret}` };
}

/** A public page, timed. */
async function timePublicPage(request: APIRequestContext): Promise<{ status: number; milliseconds: number }> {
  const started = performance.now();
  const response = await request.get("/", { timeout: 120_000 });
  return { status: response.status(), milliseconds: performance.now() - started };
}

test("a decompression-bomb .docx is refused quickly with a clear message while a public page answers", async ({
  request,
}) => {
  const headers = await bearerFor("Bomb Sender");
  // 20 MB of Word XML in a file of a few KB: the shape of the 76 KB file that froze the server for 27 s.
  const bomb = Buffer.from(buildDocxBomb(20));
  expect(bomb.byteLength).toBeLessThan(100 * 1024);

  const started = performance.now();
  const upload = request
    .post("/api/transcripts", {
      headers,
      multipart: {
        file: {
          name: "minutes.docx",
          mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          buffer: bomb,
        },
      },
      timeout: 120_000,
    })
    .then(async (response) => ({ response, milliseconds: performance.now() - started }));
  const publicPage = timePublicPage(request);

  const [{ response, milliseconds }, page] = await Promise.all([upload, publicPage]);
  expect(response.status()).toBe(415);
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe("BAD_ARCHIVE");
  expect(error.message).toMatch(/zip bomb/);
  expect(error.message).toMatch(/save it again, or upload the text\.$/);
  expect(milliseconds).toBeLessThan(5_000);
  expect(page.status).toBe(200);
  expect(page.milliseconds).toBeLessThan(3_000);
});

test("a chunked upload far over the limit is cut off with 413 without the server holding it in memory", async ({
  baseURL,
}) => {
  const headers = await bearerFor("Chunked Sender");
  const pid = findListeningPid(Number(new URL(baseURL!).port));
  const before = residentBytes(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, residentBytes(pid));
  }, 25);
  const totalBytes = 400 * MB;
  let sentBytes = 0;
  try {
    const result = await postChunked({
      url: `${baseURL}/api/transcripts`,
      headers: { ...headers, "content-type": "multipart/form-data; boundary=verbatim" },
      totalBytes,
    });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toEqual({
      error: { code: "TOO_LARGE", message: "The upload is over the 25 MB limit. Split the transcript into parts." },
    });
    // The answer came at the limit (25 MB plus room for multipart framing), not after the 400 MB on offer.
    expect(result.sentBytes).toBeLessThan(100 * MB);
    sentBytes = result.sentBytes;
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, residentBytes(pid));
  console.log(`server memory grew by ${Math.round((peak - before) / MB)} MB; ${Math.round(sentBytes / MB)} MB sent`);
  // Reading up to the limit may cost a few copies of 35 MB; buffering the body whole took 400 MB and more.
  expect(peak - before).toBeLessThan(200 * MB);
});

test("a 100,000-cue subtitle file does not stall the public pages while it is read and saved", async ({ request }) => {
  test.setTimeout(180_000);
  const headers = await bearerFor("Long Hearing");
  const srt = Buffer.from(buildLongSrt(100_000));
  expect(srt.byteLength).toBeGreaterThan(8 * MB);

  let settled = false;
  const upload = request
    .post("/api/transcripts", {
      headers,
      multipart: { file: { name: "hearing.srt", mimeType: "application/x-subrip", buffer: srt } },
      timeout: 150_000,
    })
    .finally(() => {
      settled = true;
    });
  const latencies: number[] = [];
  while (!settled) {
    const page = await timePublicPage(request);
    expect(page.status).toBe(200);
    latencies.push(page.milliseconds);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const response = await upload;
  expect(response.status()).toBe(201);
  expect(await response.json()).toMatchObject({ format: "srt", speakers: 7 });
  console.log(
    `public page during the upload: ${latencies.length} requests, max ${Math.round(Math.max(...latencies))} ms`,
  );
  // The upload took seconds; pages kept coming throughout. Parsing on the event loop stalled them for 30 s.
  expect(latencies.length).toBeGreaterThan(5);
  expect(Math.max(...latencies)).toBeLessThan(3_000);
});
