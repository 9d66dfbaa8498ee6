// POST /api/transcripts reads its body as a counted stream: an oversized upload is cut off at the limit whether or
// not it declares a Content-Length, and names are capped before they become titles.
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/transcripts/route";
import { createApiToken } from "@/lib/api-tokens";
import { maxBodyBytes, readTranscriptRequest } from "@/lib/api/transcript-request";
import { db } from "@/lib/db";
import { createTestUser } from "@/lib/test/factories";

const CHUNK_BYTES = 16 * 1024;

/** A body that makes `chunks` chunks on demand and counts how many were pulled. */
function countingBody(chunks: number, byte = "a".charCodeAt(0)) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) {
        controller.close();
        return;
      }
      pulled++;
      controller.enqueue(new Uint8Array(CHUNK_BYTES).fill(byte));
    },
  });
  return { stream, pulled: () => pulled };
}

function post(body: BodyInit, headers: Record<string, string>): Request {
  // No Content-Length: a stream body goes out chunked, as `curl -T -` or a proxy might send it.
  const init: RequestInit & { duplex: "half" } = { method: "POST", body, headers, duplex: "half" };
  return new Request("http://localhost/api/transcripts", init);
}

function multipart(fields: { name: string; filename?: string; content: string }[]) {
  const boundary = "----verbatim-test-boundary";
  const parts = fields.map(({ name, filename, content }) => {
    const disposition = `form-data; name="${name}"${filename === undefined ? "" : `; filename="${filename}"`}`;
    return `--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: text/plain\r\n\r\n${content}\r\n`;
  });
  return {
    body: `${parts.join("")}--${boundary}--\r\n`,
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe("request bodies are counted as they stream", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("answers 413 in the JSON error shape and stops reading a chunked body ten times the limit", async () => {
    vi.stubEnv("INGEST_MAX_BYTES", String(100 * 1024));
    const reporter = await createTestUser();
    const { secret } = await createApiToken({ userId: reporter.id, name: "stream test" });
    const limit = maxBodyBytes();
    const totalChunks = Math.ceil((limit * 10) / CHUNK_BYTES);
    const { stream, pulled } = countingBody(totalChunks);

    const response = await POST(
      post(stream, { authorization: `Bearer ${secret}`, "content-type": "multipart/form-data; boundary=x" }),
    );

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: "TOO_LARGE", message: "The upload is over the 0.098 MB limit. Split the transcript into parts." },
    });
    // The reader stopped just past the limit (a chunk or two of read-ahead), never near the 10× on offer.
    expect(pulled() * CHUNK_BYTES).toBeLessThan(limit + 4 * CHUNK_BYTES);
    expect(pulled()).toBeLessThan(totalChunks / 5);
  });

  it("cuts off a JSON body the same way", async () => {
    vi.stubEnv("INGEST_MAX_BYTES", String(100 * 1024));
    const { stream, pulled } = countingBody(200);
    const error = await readTranscriptRequest(post(stream, { "content-type": "application/json" })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: "TOO_LARGE" });
    expect(pulled()).toBeLessThan(20);
  });

  it("refuses a declared Content-Length over the limit before reading a byte", async () => {
    vi.stubEnv("INGEST_MAX_BYTES", String(100 * 1024));
    const { stream, pulled } = countingBody(100);
    const request = post(stream, {
      "content-type": "application/json",
      "content-length": String(10 * 1024 * 1024),
    });
    await expect(readTranscriptRequest(request)).rejects.toMatchObject({
      code: "TOO_LARGE",
      message: "The file is 10 MB; the limit is 0.098 MB. Split the transcript into parts.",
    });
    // ReadableStream pulls once on its own to fill its queue; nothing reads past that.
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it("still reads a chunked multipart upload under the limit", async () => {
    const { body, contentType } = multipart([
      { name: "file", filename: "note.txt", content: "MODERATOR: Good morning." },
      { name: "dryRun", content: "true" },
    ]);
    const encoded = new TextEncoder().encode(body);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < encoded.length; offset += 7)
          controller.enqueue(encoded.slice(offset, offset + 7));
        controller.close();
      },
    });
    const { input, dryRun } = await readTranscriptRequest(post(stream, { "content-type": contentType }));
    expect(new TextDecoder().decode(input.bytes)).toBe("MODERATOR: Good morning.");
    expect(input.filename).toBe("note.txt");
    expect(dryRun).toBe(true);
  });
});

describe("upload names are capped at 255 characters", () => {
  it("truncates a 1,000,000-character multipart filename, keeping the extension, and titles the draft from it", async () => {
    const reporter = await createTestUser();
    const { secret } = await createApiToken({ userId: reporter.id, name: "long names" });
    const { body, contentType } = multipart([
      { name: "file", filename: `${"minutes ".repeat(125_000)}.txt`, content: "Good morning, everyone." },
    ]);
    const response = await POST(post(body, { authorization: `Bearer ${secret}`, "content-type": contentType }));
    expect(response.status).toBe(201);
    const { id, title } = (await response.json()) as { id: string; title: string };
    expect(title.length).toBeLessThanOrEqual(255);
    const source = await db.sourceFile.findFirstOrThrow({ where: { transcriptId: id } });
    expect(source.filename).toHaveLength(255);
    expect(source.filename.endsWith(".txt")).toBe(true);
  });

  it("truncates a long JSON filename rather than refusing it", async () => {
    const request = post(JSON.stringify({ filename: `${"y".repeat(5_000)}.srt`, text: "Hello." }), {
      "content-type": "application/json",
    });
    const { input } = await readTranscriptRequest(request);
    expect(input.filename).toBe(`${"y".repeat(251)}.srt`);
  });
});
