// Issue 19, part 1: a live transcript takes captions while the event runs. Staff start one through the API, feed it
// cues (Verbatim's shape or a recogniser's own messages), and `npm run live` replays a caption file into it. Guesses
// (non-final results) never become paragraphs, and a live draft is on no public surface.
import { spawnSync } from "node:child_process";
import { createApiToken } from "@/lib/auth/api-tokens";
import { expect, test } from "./fixtures";
import { json, readDraft, staffMember } from "./support/publishing";

test("a live transcript is started through the API and grows from cues and a recogniser's messages", async ({
  request,
}) => {
  const reporter = await staffMember(request, "REPORTER", "Liv Feed");
  const created = await reporter.api.post("/api/transcripts/live", {
    title: "Flood briefing, live",
    occurredAt: "2024-02-14",
    speakers: ["Holm"],
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id, slug } = await json<{ id: string; slug: string }>(created);
  expect(slug).toMatch(/^flood-briefing-live/);

  const first = await reporter.api.post(`/api/transcripts/${id}/live/cues`, {
    cues: [
      { speaker: "Holm", text: "Good morning.", startMs: 0, endMs: 1000 },
      { text: "the barr", final: false },
    ],
  });
  expect(first.status(), await first.text()).toBe(202);
  expect((await json<{ segments: { text: string }[] }>(first)).segments.map((segment) => segment.text)).toEqual([
    "Good morning.",
  ]);

  // A Deepgram live session, as JSON Lines off the socket.
  const deepgram = [
    {
      type: "Results",
      start: 2.0,
      duration: 1.0,
      is_final: false,
      channel: { alternatives: [{ transcript: "the barrier" }] },
    },
    {
      type: "Results",
      start: 2.0,
      duration: 2.5,
      is_final: true,
      channel: { alternatives: [{ transcript: "The barrier holds." }] },
    },
  ];
  const second = await request.post(`/api/transcripts/${id}/live/cues`, {
    headers: { authorization: `Bearer ${(await createApiToken({ userId: reporter.id, name: "deepgram" })).secret}` },
    data: deepgram.map((message) => JSON.stringify(message)).join("\n"),
  });
  expect(second.status(), await second.text()).toBe(202);

  const draft = await readDraft(reporter.api, id);
  expect(draft.segments.map((segment) => segment.text)).toEqual(["Good morning. The barrier holds."]);
  // Guesses never reach the paragraphs.
  expect(JSON.stringify(draft)).not.toContain('the barr"');

  // Bad input gets a sentence, not a stack trace; an uploaded transcript is not live.
  const bad = await reporter.api.post(`/api/transcripts/${id}/live/cues`, { cues: [{ speaker: "Holm" }] });
  expect(bad.status()).toBe(400);
  expect((await json<{ error: { message: string } }>(bad)).error.message).toContain('"text"');

  // A live draft is on no public surface.
  expect((await request.get(`/t/${slug}`)).status()).toBe(404);
});

test("npm run live replays a caption file into a live transcript", async ({ request, baseURL }) => {
  const reporter = await staffMember(request, "REPORTER", "Ray Replay");
  const { id } = await json<{ id: string }>(
    await reporter.api.post("/api/transcripts/live", { title: "Team meeting" }),
  );
  const { secret } = await createApiToken({ userId: reporter.id, name: "replay" });
  const run = spawnSync(
    "node_modules/.bin/tsx",
    [
      "scripts/live.ts",
      "--transcript",
      id,
      "--from",
      "lib/ingest/fixtures/subtitles/teams-meeting.vtt",
      "--batch",
      "5",
      "--url",
      baseURL!,
    ],
    { encoding: "utf8", env: { ...process.env, VERBATIM_TOKEN: secret }, timeout: 60_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  const sent = /^Sent (\d+) cues \((\d+) final\)/.exec(run.stdout);
  expect(sent, run.stdout).not.toBeNull();

  const draft = await readDraft(reporter.api, id);
  expect(draft.speakers.map((speaker) => speaker.name)).toEqual(
    expect.arrayContaining(["Marta Kowalczyk", "Jonas Lindqvist"]),
  );
  // One paragraph per turn: a speaker's neighbouring cues joined, so fewer paragraphs than cues.
  expect(draft.segments.length).toBeGreaterThan(1);
  expect(draft.segments.length).toBeLessThan(Number(sent![2]));
  expect(draft.segments[0]!.text).toContain("Right, I think everyone is here, so let's start.");
  expect(draft.segments[0]!.text).toContain("The agenda today is the election night rota");

  // Usage errors are one sentence and exit 2.
  const usage = spawnSync("node_modules/.bin/tsx", ["scripts/live.ts", "--transcript", id], {
    encoding: "utf8",
    env: { ...process.env, VERBATIM_TOKEN: secret },
  });
  expect(usage.status).toBe(2);
  expect(usage.stderr).toContain("Name the transcript and the file.");
});
