// POST /api/transcripts and the request reader it uses: the body is read as a counted stream, so an oversized upload
// is cut off at the limit whether or not it declares a Content-Length, and names are capped before they become titles.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/transcripts/route";
import { createApiToken } from "@/lib/auth/api-tokens";
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

describe("the reporter's date, place and speaker names reach the draft", () => {
  const QA_SESSION = fs.readFileSync(path.join(process.cwd(), "lib", "ingest", "fixtures", "qa-session.txt"), "utf8");

  it("stores a multipart upload's overrides, merging two speakers given one name", async () => {
    const reporter = await createTestUser();
    const { secret } = await createApiToken({ userId: reporter.id, name: "overrides" });
    const { body, contentType } = multipart([
      { name: "file", filename: "qa-session.txt", content: QA_SESSION },
      { name: "occurredAt", content: "2021-03-04" },
      { name: "place", content: "Ämari air base" },
      {
        name: "speakerNames",
        content: JSON.stringify([
          { from: "Maria Kask", to: "Maria Kask, Minister" },
          { from: "Question", to: "Anna Berg" },
        ]),
      },
    ]);
    const response = await POST(post(body, { authorization: `Bearer ${secret}`, "content-type": contentType }));
    expect(response.status).toBe(201);
    const { id, speakers } = (await response.json()) as { id: string; speakers: number };
    expect(speakers).toBe(3);
    const transcript = await db.transcript.findUniqueOrThrow({
      where: { id },
      include: {
        speakers: { orderBy: { position: "asc" } },
        segments: { orderBy: { position: "asc" }, include: { speaker: true } },
      },
    });
    expect(transcript.occurredAt?.toISOString()).toBe("2021-03-04T00:00:00.000Z");
    expect(transcript.place).toBe("Ämari air base");
    expect(transcript.speakers.map(({ name, role, outlet }) => ({ name, role, outlet }))).toEqual([
      { name: "Moderator", role: "MODERATOR", outlet: null },
      { name: "Anna Berg", role: "QUESTIONER", outlet: "Postimees" },
      { name: "Maria Kask, Minister", role: null, outlet: null },
    ]);
    expect(transcript.segments.map((segment) => segment.speaker?.name)).toEqual([
      "Moderator",
      "Anna Berg",
      "Maria Kask, Minister",
      "Anna Berg",
      "Maria Kask, Minister",
    ]);
    // No label was picked: the suggested one still waits for a person to confirm it.
    expect(transcript.fidelityConfirmedAt).toBeNull();
  });

  it("clears the date and place when sent empty, and keeps the parser's when left out", async () => {
    const reporter = await createTestUser();
    const { secret } = await createApiToken({ userId: reporter.id, name: "clear" });
    const send = async (fields: Record<string, unknown>) => {
      const response = await POST(
        post(JSON.stringify({ filename: "qa-session.txt", text: QA_SESSION, ...fields }), {
          authorization: `Bearer ${secret}`,
          "content-type": "application/json",
        }),
      );
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: string };
      return db.transcript.findUniqueOrThrow({ where: { id }, select: { occurredAt: true, place: true } });
    };
    expect(await send({ occurredAt: "", place: null })).toEqual({ occurredAt: null, place: null });
    expect(await send({})).toEqual({ occurredAt: new Date("2021-03-03T00:00:00Z"), place: "Tallinn" });
  });

  it("refuses an impossible date and a speaker list that is not JSON, naming the field", async () => {
    const badDate = await readTranscriptRequest(
      post(JSON.stringify({ text: QA_SESSION, occurredAt: "2021-02-30" }), { "content-type": "application/json" }),
    ).catch((error: unknown) => error);
    expect(badDate).toMatchObject({
      code: "BAD_REQUEST",
      message: "occurredAt: Give the date as YYYY-MM-DD, a real day.",
    });

    const { body, contentType } = multipart([
      { name: "file", filename: "qa-session.txt", content: QA_SESSION },
      { name: "speakerNames", content: "Maria Kask=Minister" },
    ]);
    const badNames = await readTranscriptRequest(post(body, { "content-type": contentType })).catch(
      (error: unknown) => error,
    );
    expect(badNames).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^speakerNames: send a JSON array/),
    });
  });

  it("passes names to keep apart to the parser, from repeated multipart fields", async () => {
    const { body, contentType } = multipart([
      { name: "file", filename: "qa-session.txt", content: QA_SESSION },
      { name: "keepSpeakersApart", content: "Dana" },
      { name: "keepSpeakersApart", content: "Blinken, Antony" },
      { name: "dryRun", content: "true" },
    ]);
    const { input, overrides } = await readTranscriptRequest(post(body, { "content-type": contentType }));
    expect(input.keepSpeakersApart).toEqual(["Dana", "Blinken, Antony"]);
    expect(overrides).toEqual({});
  });
});
