import fs from "node:fs";
import path from "node:path";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db";
import { expect, seedUser, test } from "./fixtures";

const NATO = fs.readFileSync(
  path.join(__dirname, "..", "lib", "ingest", "fixtures", "nato-press-conference-2019-02-14.txt"),
);

test("POST /api/transcripts requires a token and refuses a revoked one", async ({ request }) => {
  const anonymous = await request.post("/api/transcripts", {
    multipart: { file: { name: "nato.txt", mimeType: "text/plain", buffer: NATO } },
  });
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({
    error: { code: "UNAUTHORIZED", message: "Send an API token (Authorization: Bearer …) or sign in." },
  });

  const madeUp = await request.post("/api/transcripts", {
    headers: { authorization: "Bearer vbt_notarealtoken" },
    data: { text: "Hello." },
  });
  expect(madeUp.status()).toBe(401);

  const reporter = await seedUser("REPORTER", "Otto Automation");
  const token = await createApiToken({ userId: reporter.id, name: "importer" });
  const created = await request.post("/api/transcripts", {
    headers: { authorization: `Bearer ${token.secret}` },
    multipart: { file: { name: "nato.txt", mimeType: "text/plain", buffer: NATO } },
  });
  expect(created.status()).toBe(201);
  const body = await created.json();
  expect(body).toMatchObject({
    title:
      "Press conference by NATO Secretary General Jens Stoltenberg following the meetings of NATO Defence Ministers",
    format: "txt",
    speakers: 1,
  });
  const transcript = await db.transcript.findUniqueOrThrow({ where: { id: body.id }, include: { sourceFiles: true } });
  expect(transcript.createdById).toBe(reporter.id);
  expect(transcript.status).toBe("DRAFT");
  expect(Buffer.from(transcript.sourceFiles[0]!.content).equals(NATO)).toBe(true);

  await revokeApiToken({ userId: reporter.id, tokenId: token.id });
  const revoked = await request.post("/api/transcripts", {
    headers: { authorization: `Bearer ${token.secret}` },
    data: { filename: "note.txt", text: "MODERATOR: Good morning." },
  });
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).error.message).toBe("This API token is not valid or has been revoked.");
});

test("bad input through the API gets a 4xx with a one-line message and writes nothing", async ({ request }) => {
  const reporter = await seedUser();
  const { secret } = await createApiToken({ userId: reporter.id, name: "bad input" });
  const headers = { authorization: `Bearer ${secret}` };
  const before = await db.transcript.count({ where: { createdById: reporter.id } });

  const empty = await request.post("/api/transcripts", { headers, data: { filename: "empty.txt", text: "  \n\t " } });
  expect(empty.status()).toBe(400);
  expect((await empty.json()).error.code).toBe("EMPTY");

  const pdf = await request.post("/api/transcripts", {
    headers,
    multipart: {
      file: {
        name: "notes.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"),
      },
    },
  });
  expect(pdf.status()).toBe(415);
  expect((await pdf.json()).error.message).toMatch(/PDF/);

  const unknownJson = await request.post("/api/transcripts", {
    headers,
    data: { filename: "export.json", text: JSON.stringify({ words: [{ w: "hello" }] }) },
  });
  expect(unknownJson.status()).toBe(422);
  expect((await unknownJson.json()).error.code).toBe("UNKNOWN_JSON");

  const tooLarge = await request.post("/api/transcripts", {
    headers,
    multipart: { file: { name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(25 * 1024 * 1024 + 1, "a") } },
  });
  expect(tooLarge.status()).toBe(413);
  expect((await tooLarge.json()).error).toEqual({ code: "TOO_LARGE", message: expect.stringMatching(/25 MB/) });

  const badField = await request.post("/api/transcripts", {
    headers,
    data: { filename: "a.txt", text: "Hello there.", fidelity: "PERFECT" },
  });
  expect(badField.status()).toBe(400);
  expect((await badField.json()).error.message).toMatch(/^fidelity: /);

  expect(await db.transcript.count({ where: { createdById: reporter.id } })).toBe(before);
});

test("a dry run returns the parse without writing anything", async ({ request }) => {
  const reporter = await seedUser();
  const { secret } = await createApiToken({ userId: reporter.id, name: "preview" });
  const response = await request.post("/api/transcripts", {
    headers: { authorization: `Bearer ${secret}` },
    data: { filename: "nato.txt", text: NATO.toString("utf8"), dryRun: true },
  });
  expect(response.status()).toBe(200);
  const { preview } = await response.json();
  expect(preview.occurredAt).toBe("2019-02-14");
  expect(await db.transcript.count({ where: { createdById: reporter.id } })).toBe(0);
});
