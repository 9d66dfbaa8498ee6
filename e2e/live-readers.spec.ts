// Issue 19, parts 3 and 4: readers follow a live transcript. An editor takes it live; from then its reading page grows
// as captions are saved (over GET /t/<slug>/events), shows an editor's public notes within two seconds and a
// reporter's once an editor approves them, never an internal note, and turns into the published transcript (or says
// it was withdrawn) when the event ends, all without a reload.
import { spawn } from "node:child_process";
import http from "node:http";
import type { Page, Route } from "@playwright/test";
import { createApiToken } from "@/lib/auth/api-tokens";
import { expect, signIn, test } from "./fixtures";
import { expectFitsAndPassesAxe } from "./support/accessibility";
import {
  annotate,
  json,
  publishOverWarnings,
  readDraft,
  staffMember,
  transition,
  uniqueTag,
  type ApiAnnotation,
} from "./support/publishing";

const CAPTIONS = "lib/ingest/fixtures/subtitles/teams-meeting.vtt";

/** Runs `npm run live` in the background, as a caption feed would during the event; resolves with its exit code. */
function replay(
  baseURL: string,
  transcriptId: string,
  token: string,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    "node_modules/.bin/tsx",
    [
      "scripts/live.ts",
      "--transcript",
      transcriptId,
      "--from",
      CAPTIONS,
      "--realtime",
      "--speed",
      "10",
      "--url",
      baseURL,
    ],
    { env: { ...process.env, VERBATIM_TOKEN: token } },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

/** What the page's own stream carries from its start, read for a moment in the page (as EventSource would). */
async function readStream(page: Page, path: string): Promise<string> {
  return page.evaluate(async (url) => {
    const controller = new AbortController();
    const response = await fetch(url, { signal: controller.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const stop = setTimeout(() => controller.abort(), 1_500);
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    } catch {
      // aborted: what arrived is the answer
    }
    clearTimeout(stop);
    return text;
  }, `${path}/events?after=0`);
}

async function startLive(api: Awaited<ReturnType<typeof staffMember>>["api"], title: string) {
  const created = await api.post("/api/transcripts/live", { title, speakers: ["Marta Kowalczyk"] });
  expect(created.status(), await created.text()).toBe(201);
  return json<{ id: string; slug: string }>(created);
}

test("a reader's page grows from a replayed caption file, shows an editor's fact-check within 2 s, never an internal note, and becomes the published transcript", async ({
  page,
  request,
  baseURL,
}) => {
  const editor = await staffMember(request, "EDITOR", "Eva Livedesk");
  const tag = uniqueTag();
  const { id, slug } = await startLive(editor.api, `Election night rota ${tag}`);
  // Not live yet: readers find nothing, page or stream.
  expect((await request.get(`/t/${slug}`)).status()).toBe(404);
  expect((await request.get(`/t/${slug}/events`)).status()).toBe(404);
  const live = await transition(editor.api, id, { to: "LIVE" });
  expect(live.status(), await live.text()).toBe(200);
  expect(await json(live)).toMatchObject({ status: "LIVE", url: expect.stringContaining(`/t/${slug}`) });

  await page.goto(`/t/${slug}`);
  await expect(page.getByTestId("live-badge")).toHaveText("Live");
  await expect(page.getByText("New paragraphs appear as they are transcribed.")).toBeVisible();
  // Marks this document: after a reload the mark would be gone.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  const { secret } = await createApiToken({ userId: editor.id, name: "caption feed" });
  const fed = replay(baseURL!, id, secret);
  await expect(page.locator(".reader-text").first()).toContainText("Right, I think everyone is here", {
    timeout: 15_000,
  });
  const { code, output } = await fed;
  expect(code, output).toBe(0);
  await expect(page.getByText("check the numbers against the official site at nine")).toBeVisible({ timeout: 5_000 });
  const draft = await readDraft(editor.api, id);
  await expect(page.locator(".reader-text")).toHaveText(draft.segments.map((segment) => segment.text));
  await expect(page.getByTestId("live-count")).toHaveText(`${draft.segments.length} paragraphs`);

  const segment = draft.segments.find((candidate) => candidate.text.includes("factor of a hundred"))!;
  await annotate(editor.api, id, segment, "factor of a hundred", {
    kind: "note",
    body: `Internal ${tag}: ring the county office first`,
  });
  await annotate(editor.api, id, segment, "factor of a hundred", {
    kind: "factcheck",
    verdict: "accurate",
    claim: "The test run's turnout was off by a factor of a hundred.",
    body: `Fact-check ${tag}: the county feed sent per-mille figures.`,
  });
  await expect(page.getByText(`Fact-check ${tag}: the county feed sent per-mille figures.`)).toBeVisible({
    timeout: 2_000,
  });
  const streamed = await readStream(page, `/t/${slug}`);
  expect(streamed).toContain(`Fact-check ${tag}`);
  expect(streamed).toMatch(/^id: \d+\nevent: paragraph\n/m);
  expect(streamed).not.toContain(`Internal ${tag}`);
  expect(await page.content()).not.toContain(`Internal ${tag}`);
  expect((await request.get(`/t/${slug}`)).status()).toBe(200);

  // Ending: the same document becomes the published transcript, with its fact-check and without the note.
  await publishOverWarnings(editor.api, id);
  await expect(page.getByTestId("transcript-reader")).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId("live-badge")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await expect(page.getByText(`Fact-check ${tag}: the county feed sent per-mille figures.`)).toBeVisible();
  expect(await page.content()).not.toContain(`Internal ${tag}`);
  // Its stream is over: a reconnecting reader is told there is nothing live, and refreshes into the page.
  expect((await request.get(`/t/${slug}/events`)).status()).toBe(404);
});

test("a reporter's fact-check reaches live readers once an editor approves it; withdrawing tells every reader", async ({
  page,
  browser,
  request,
}) => {
  const reporter = await staffMember(request, "REPORTER", "Rolf Livereporter");
  const editor = await staffMember(request, "EDITOR", "Edith Liveeditor");
  const tag = uniqueTag();
  const { id, slug } = await startLive(reporter.api, `Harbour council live ${tag}`);
  const feed = (cues: unknown[]) => reporter.api.post(`/api/transcripts/${id}/live/cues`, { cues });
  expect((await feed([{ speaker: "Mayor Berg", text: "The harbour wall costs 4 million kroner." }])).status()).toBe(
    202,
  );

  // The editor takes it live from the desk.
  await signIn(page, editor.email, editor.password);
  await page.goto(`/desk/transcripts/${id}/publish`);
  await page.getByRole("button", { name: "Go live" }).click();
  await expect(page.getByTestId("workflow-status")).toHaveText("Live");
  await expect(page.getByTestId("live-status")).toBeVisible();

  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await reader.goto(`/t/${slug}`);
  await expect(reader.locator(".reader-text")).toHaveText(["The harbour wall costs 4 million kroner."]);

  const [segment] = (await readDraft(reporter.api, id)).segments;
  const factCheck: ApiAnnotation & { awaitingApproval?: boolean } = await annotate(
    reporter.api,
    id,
    segment!,
    "4 million kroner",
    { kind: "factcheck", verdict: "misleading", body: `Check ${tag}: the budget says 4.6 million.` },
  );
  expect(factCheck.awaitingApproval).toBe(true);
  // A reporter cannot approve it; the reader sees nothing of it meanwhile, while new paragraphs keep coming.
  expect((await reporter.api.post(`/api/transcripts/${id}/annotations/${factCheck.id}/approval`, {})).status()).toBe(
    403,
  );
  expect((await feed([{ speaker: "Councillor Dahl", text: "Who pays for it?", startMs: 30_000 }])).status()).toBe(202);
  await expect(reader.locator(".reader-text")).toHaveCount(2);
  await expect(reader.getByText(`Check ${tag}`)).toHaveCount(0);

  // The editor approves it in the editor's Notes panel.
  await page.goto(`/desk/transcripts/${id}`);
  await page.getByRole("tab", { name: /^Notes/ }).click();
  await expect(page.getByTestId("awaiting-approval")).toBeVisible();
  await page.getByRole("button", { name: "Approve for readers" }).click();
  await expect(page.getByTestId("awaiting-approval")).toHaveCount(0);
  await expect(reader.getByText(`Check ${tag}: the budget says 4.6 million.`)).toBeVisible({ timeout: 2_000 });

  // A reader at the bottom follows the newest paragraph; one who scrolled up is not pulled down, and is told.
  await reader.setViewportSize({ width: 360, height: 400 });
  await reader.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const points = (from: number) =>
    Array.from({ length: 6 }, (_, index) => ({
      speaker: index % 2 ? "Mayor Berg" : "Councillor Dahl",
      text: `Point ${from + index} about the harbour wall and its cost to the town.`,
      startMs: 60_000 + (from + index) * 20_000,
    }));
  expect((await feed(points(1))).status()).toBe(202);
  await expect(reader.getByText("Point 6 about the harbour wall")).toBeInViewport();
  // Once the (smooth) scroll has finished, the reader scrolls back up.
  await expect
    .poll(async () => {
      const before = await reader.evaluate(() => window.scrollY);
      await reader.waitForTimeout(150);
      return before === (await reader.evaluate(() => window.scrollY));
    })
    .toBe(true);
  await reader.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
  await expect.poll(() => reader.evaluate(() => window.scrollY)).toBe(0);
  expect((await feed(points(7))).status()).toBe(202);
  const jump = reader.getByRole("button", { name: /6 new paragraphs: go to the latest/ });
  await expect(jump).toBeVisible();
  // Still where they were (give or take the browser's scroll anchoring), the new paragraphs below.
  expect(await reader.evaluate(() => window.scrollY)).toBeLessThan(50);
  await expect(reader.getByText("Point 12 about the harbour wall")).not.toBeInViewport();
  await jump.click();
  await expect(reader.getByText("Point 12 about the harbour wall")).toBeInViewport();
  await expect(reader.getByTestId("live-announcer")).toHaveAttribute("aria-live", "polite");

  // Withdrawn: every reader's page says so, and the address answers 404.
  const withdrawn = await transition(editor.api, id, { to: "UNPUBLISHED", note: "Wrong meeting" });
  expect(withdrawn.status(), await withdrawn.text()).toBe(200);
  await expect(reader.getByTestId("live-withdrawn")).toContainText("withdrawn", { timeout: 5_000 });
  await expect(reader.getByText("The harbour wall costs 4 million kroner.")).toHaveCount(0);
  expect((await request.get(`/t/${slug}`)).status()).toBe(404);
  await readerContext.close();
});

/** Opens a raw event stream as a reader behind a trusted proxy at `address`; resolves once its status is known. */
function openStream(
  url: string,
  address: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Promise<string>; close: () => void }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { headers: { accept: "text/event-stream", "x-forwarded-for": address } },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        const ended = new Promise<string>((done) => response.once("close", () => done(body)));
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: ended,
          close: () => request.destroy(),
        });
      },
    );
    request.once("error", reject);
  });
}

test("a reader whose stream is refused keeps the page and opens it again later; a withdrawal it never heard is told all the same; one address cannot hold every stream", async ({
  browser,
  request,
  baseURL,
}) => {
  const editor = await staffMember(request, "EDITOR", "Rune Reconnect");
  const tag = uniqueTag();
  const { id, slug } = await startLive(editor.api, `Ferry strike briefing ${tag}`);
  const feed = (cues: unknown[]) => editor.api.post(`/api/transcripts/${id}/live/cues`, { cues });
  expect((await feed([{ speaker: "Union Chair Lund", text: "The crews walk out at six." }])).status()).toBe(202);
  expect((await transition(editor.api, id, { to: "LIVE" })).status()).toBe(200);

  // The server refuses this reader's stream for a while (a proxy in trouble): the page keeps what it has.
  const context = await browser.newContext();
  const reader = await context.newPage();
  const isStream = (url: URL) => url.pathname === `/t/${slug}/events`;
  let refused = 0;
  const refuse = (route: Route) => {
    refused += 1;
    return route.fulfill({ status: 503, contentType: "text/plain", body: "Busy." });
  };
  await reader.route(isStream, refuse);
  await reader.goto(`/t/${slug}`);
  await expect(reader.locator(".reader-text")).toHaveText(["The crews walk out at six."]);
  // The stream, the question why, and (2 s later) the stream again.
  await expect.poll(() => refused, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  await expect(reader.getByText("Connecting…")).toBeVisible();
  expect(
    (await feed([{ speaker: "Minister Holm", text: "We will meet them at noon.", startMs: 20_000 }])).status(),
  ).toBe(202);
  // Served again: the page opens its stream by itself, after what it has, and the new paragraph arrives.
  await reader.unroute(isStream, refuse);
  await expect(reader.locator(".reader-text")).toHaveText(
    ["The crews walk out at six.", "We will meet them at noon."],
    {
      timeout: 15_000,
    },
  );
  await expect(reader.getByText("New paragraphs appear as they are transcribed.")).toBeVisible();

  // One address holds at most LIVE_STREAMS_PER_CLIENT streams (200): the next gets 429 with a sentence and
  // Retry-After; another address is still served.
  const streamUrl = `${baseURL}/t/${slug}/events?after=0`;
  const crowd = "198.51.100.7";
  const held = await Promise.all(Array.from({ length: 200 }, () => openStream(streamUrl, crowd)));
  try {
    expect(held.every((stream) => stream.status === 200)).toBe(true);
    const over = await openStream(streamUrl, crowd);
    expect(over.status).toBe(429);
    expect(over.headers["retry-after"]).toBe("30");
    expect(await over.body).toContain("Too many live streams are open from your address");
    const neighbour = await openStream(streamUrl, "203.0.113.200");
    expect(neighbour.status).toBe(200);
    neighbour.close();
  } finally {
    for (const stream of held) stream.close();
  }
  // Closed streams free their places.
  await expect
    .poll(async () => {
      const again = await openStream(streamUrl, crowd);
      again.close();
      return again.status;
    })
    .toBe(200);

  // A second reader whose stream never got through when the transcript was withdrawn: once it can ask again, it is
  // told the transcript was withdrawn (not shown a bare "not found").
  const late = await context.newPage();
  await late.route(isStream, refuse);
  await late.goto(`/t/${slug}`);
  await expect(late.locator(".reader-text")).toHaveCount(2);
  const withdrawn = await transition(editor.api, id, { to: "UNPUBLISHED", note: "Briefing postponed" });
  expect(withdrawn.status(), await withdrawn.text()).toBe(200);
  // The first reader hears it on its stream.
  await expect(reader.getByTestId("live-withdrawn")).toBeVisible({ timeout: 5_000 });
  await late.unroute(isStream, refuse);
  await expect(late.getByTestId("live-withdrawn")).toContainText("withdrawn", { timeout: 40_000 });
  await expect(late.getByText("The crews walk out at six.")).toHaveCount(0);
  await context.close();
});

for (const [width, height] of [
  [360, 780],
  [1280, 900],
] as const) {
  test(`a live reading page with notes passes axe and fits at ${width} px`, async ({ page, request }) => {
    await page.setViewportSize({ width, height });
    const editor = await staffMember(request, "EDITOR", "Axel Liveaxe");
    const { id, slug } = await startLive(editor.api, `Accessible live briefing ${uniqueTag()}`);
    await editor.api.post(`/api/transcripts/${id}/live/cues`, {
      cues: [
        { speaker: "Marta Kowalczyk", text: "Turnout reached 71 percent in the county.", startMs: 0 },
        { text: "Thank you. Next question.", startMs: 20_000 },
      ],
    });
    const [first] = (await readDraft(editor.api, id)).segments;
    await annotate(editor.api, id, first!, "71 percent", {
      kind: "factcheck",
      verdict: "accurate",
      body: "The county's figure is 71.3 percent.",
    });
    expect((await transition(editor.api, id, { to: "LIVE" })).status()).toBe(200);
    await expectFitsAndPassesAxe(page, `/t/${slug}`);
    await expect(page.getByText("The county's figure is 71.3 percent.")).toBeVisible();
    await page.screenshot({ path: `test-results/live-page-${width}.png`, fullPage: true });
  });
}
