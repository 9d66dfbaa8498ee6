import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { person } from "@/lib/editor/test-support";
import { feedLiveCues, startLiveTranscript } from "@/lib/live/feed";
import { liveStreamSlug, serveLiveStream } from "@/lib/live/node-stream";
import { transitionTranscript } from "@/lib/publishing/workflow";

let server: Server;
let origin: string;

beforeAll(async () => {
  // The production server's own handling of the address, on a real socket.
  server = createServer((request, response) => {
    const slug = liveStreamSlug(request.method, request.url);
    if (slug === undefined) return response.writeHead(418).end();
    void serveLiveStream(request, response, slug);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Reads a stream until `until` is in it (or it ends), then stops. */
async function readUntil(response: Response, until: string): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes(until)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text;
}

const cue = (text: string, startMs: number) => ({
  speaker: "Holm",
  text,
  startMs,
  endMs: startMs + 1_000,
  final: true,
});

describe("the production server's live event streams", () => {
  it("knows its address: GET /t/<slug>/events only, with a valid slug", () => {
    expect(liveStreamSlug("GET", "/t/flood-briefing/events")).toBe("flood-briefing");
    expect(liveStreamSlug("GET", "/t/flood-briefing/events?after=3")).toBe("flood-briefing");
    expect(liveStreamSlug("GET", "/t/Not%20A%20Slug/events")).toBeNull();
    expect(liveStreamSlug("GET", "/t/%E0%A4%A/events")).toBeNull();
    expect(liveStreamSlug("POST", "/t/flood-briefing/events")).toBeUndefined();
    expect(liveStreamSlug("GET", "/t/flood-briefing")).toBeUndefined();
    expect(liveStreamSlug("GET", "/t/flood-briefing/events/more")).toBeUndefined();
  });

  it("answers 404 until the transcript is live, then streams its events and resumes after Last-Event-ID", async () => {
    const editor = await person("Stream Editor", "EDITOR");
    const { id, slug } = await startLiveTranscript(editor, { title: `Socket briefing ${Math.random()}` });
    const before = await fetch(`${origin}/t/${slug}/events`);
    expect(before.status).toBe(404);
    expect(await before.text()).toBe("Nothing is live at this address.\n");
    expect((await fetch(`${origin}/t/Bad%20Slug/events`)).status).toBe(404);

    await transitionTranscript(editor, id, { to: "LIVE" });
    await feedLiveCues(editor, id, [cue("First words.", 0)]);
    await feedLiveCues(editor, id, [cue("Second paragraph, after a pause.", 60_000)]);
    const fromStart = await fetch(`${origin}/t/${slug}/events?after=0`);
    expect(fromStart.status).toBe(200);
    expect(fromStart.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(fromStart.headers.get("cache-control")).toContain("no-transform");
    const text = await readUntil(fromStart, "id: 2\n");
    expect(text.startsWith("retry: 2000\n\n")).toBe(true);
    expect(text).toMatch(/id: 1\nevent: paragraph\ndata: \{"paragraph":\{.*"text":"First words\."/);

    // EventSource reconnecting after event 1: Last-Event-ID wins over the page's ?after.
    const resumed = await fetch(`${origin}/t/${slug}/events?after=0`, { headers: { "last-event-id": "1" } });
    const again = await readUntil(resumed, "id: 2\n");
    expect(again).not.toContain("id: 1\n");
    expect(again).toContain("Second paragraph, after a pause.");
  });
});
