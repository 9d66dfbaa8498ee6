// The index pages (home, the archive, speakers, topic and place pages) list what is published and, because they
// are cached, prove that publishing and unpublishing expire them: each page is visited before a change and after.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { db } from "@/lib/db";
import { expect, test } from "./fixtures";
import { expectFitsAndPassesAxe } from "./support/accessibility";
import {
  annotate,
  briefingText,
  publicStatus,
  publishOverWarnings,
  readDraft,
  renameSpeaker,
  staffMember,
  transition,
  uniqueTag,
  uploadDraft,
  type Api,
} from "./support/publishing";

const NATO = fs.readFileSync(
  path.join(__dirname, "..", "lib", "ingest", "fixtures", "nato-press-conference-2019-02-14.txt"),
  "utf8",
);
const QUOTE_WORDS = "Allies welcomed the European Union’s focus on defence";

/** A day of its own for this run, so the archive's date filter isolates its transcripts from other tests'. */
function uniqueDay(): string {
  const day = new Date(Date.UTC(2021, 0, 1) + Math.floor(Math.random() * 1400) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Dates the event and confirms the fidelity label, as a reporter does in Details. */
async function dateDraft(api: Api, transcriptId: string, occurredAt: string) {
  const { version } = await readDraft(api, transcriptId);
  const response = await api.patch(`/api/transcripts/${transcriptId}`, {
    baseVersion: version,
    occurredAt,
    fidelityConfirmed: true,
  });
  expect(response.status(), await response.text()).toBe(200);
}

async function expectAccessibleAndFitting(page: Page, url: string) {
  await expectFitsAndPassesAxe(page, url);
  const shots = process.env.DISCOVERY_SCREENSHOTS;
  if (shots) {
    const width = page.viewportSize()?.width ?? 0;
    const name = url.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home";
    await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
  }
}

test("index pages list published transcripts, their speakers, quotes and topics, and forget them once unpublished", async ({
  page,
  request,
}) => {
  // Two transcripts, a republication, an unpublication and a dozen pages through axe at two widths.
  test.setTimeout(300_000);
  const tag = uniqueTag();
  const reporter = await staffMember(request, "REPORTER", `Rosa Reporter ${tag}`);
  const editor = await staffMember(request, "EDITOR", `Edgar Editor ${tag}`);
  const natoDay = uniqueDay();
  const briefingDay = nextDay(natoDay);
  const natoTitle = `NATO defence ministers ${tag}`;
  const briefingTitle = `Fisheries briefing ${tag}`;
  const minister = `Minister Holm ${tag}`;
  const topic = `Defence spending ${tag}`;
  const topicPath = `/topics/defence-spending-${tag}`;
  const natoRange = `/transcripts?from=${natoDay}&to=${natoDay}`;

  // The pages are visited (and cached) before anything is published: what follows proves publishing expires them.
  await page.goto(natoRange);
  await expect(page.getByRole("heading", { level: 2, name: /^No transcripts on / })).toBeVisible();
  await page.goto("/speakers");
  await expect(page.getByRole("link", { name: minister })).toHaveCount(0);

  // The NATO press conference, with a key quote, dated a day of its own.
  const nato = await uploadDraft(reporter.api, { title: natoTitle, text: NATO });
  const welcomed = nato.segments.find((segment) => segment.text.includes(QUOTE_WORDS))!;
  const quote = await annotate(reporter.api, nato.id, welcomed, QUOTE_WORDS, {
    kind: "quote",
    body: "NATO's view of EU defence plans.",
  });
  await dateDraft(reporter.api, nato.id, natoDay);
  await publishOverWarnings(editor.api, nato.id);

  // A second transcript, the next day, whose minister is named for this run.
  const briefing = await uploadDraft(reporter.api, { title: briefingTitle, text: briefingText(tag) });
  const holm = briefing.speakers.find((speaker) => /holm/i.test(speaker.name))!;
  await renameSpeaker(reporter.api, briefing.id, holm.id, minister);
  await dateDraft(reporter.api, briefing.id, briefingDay);
  await publishOverWarnings(editor.api, briefing.id);

  // The reporter accepts ingestion's suggestion of Kosovo as a place and tags a topic; the editor republishes.
  // The API has no list of suggestions (the desk page reads them), so the test finds the row the desk would show.
  const kosovo = await db.transcriptEntity.findFirstOrThrow({
    where: { transcriptId: nato.id, status: "SUGGESTED", entity: { type: "PLACE", name: "Kosovo" } },
    select: { id: true },
  });
  const accepted = await reporter.api.patch(`/api/transcripts/${nato.id}/entities/${kosovo.id}`, {
    status: "accepted",
  });
  expect(accepted.status(), await accepted.text()).toBe(200);
  const tagged = await reporter.api.post(`/api/transcripts/${nato.id}/entities`, { type: "topic", name: topic });
  expect(tagged.status(), await tagged.text()).toBe(201);
  expect(await publicStatus(request, topicPath), "not public before republication").toBe(404);
  await publishOverWarnings(editor.api, nato.id);

  // Home: both in the latest transcripts, the key quote under Most quoted, the minister among the speakers.
  await page.goto("/");
  const latest = page.getByTestId("transcript-list");
  await expect(latest.getByRole("link", { name: natoTitle })).toBeVisible();
  await expect(latest.getByRole("link", { name: briefingTitle })).toBeVisible();
  await expect(page.getByTestId("quote-list").locator(`a[href="/q/${quote.id}"]`)).toBeVisible();
  await expect(page.getByRole("link", { name: "All transcripts →" })).toHaveAttribute("href", "/transcripts");
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    "href",
    /\/feed\.xml$/,
  );

  // The archive's date filter: each day shows its own transcript and not the other's; the form keeps the dates.
  await page.goto(natoRange);
  await expect(page.getByTestId("transcript-list").getByRole("link", { name: natoTitle })).toBeVisible();
  await expect(page.getByRole("link", { name: briefingTitle })).toHaveCount(0);
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(natoDay);
  await page.getByLabel("From", { exact: true }).fill(briefingDay);
  await page.getByLabel("To", { exact: true }).fill(briefingDay);
  await page.getByRole("button", { name: "Show transcripts" }).click();
  await expect(page).toHaveURL(`/transcripts?from=${briefingDay}&to=${briefingDay}`);
  await expect(page.getByTestId("transcript-list").getByRole("link", { name: briefingTitle })).toBeVisible();
  await expect(page.getByRole("link", { name: natoTitle })).toHaveCount(0);
  await page.goto(`/transcripts?from=${natoDay}&to=${briefingDay}`);
  await expect(page.getByTestId("transcript-list").getByRole("article")).toHaveText([
    new RegExp(briefingTitle),
    new RegExp(natoTitle),
  ]);

  // Dates that are not dates are explained, never a crash; a page past the end is a 404; old addresses redirect.
  await page.goto("/transcripts?from=2019-02-30&to=soon");
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "“2019-02-30” is not a date and “soon” is not a date",
  );
  await page.goto("/transcripts?from=1901-01-01&to=1901-01-02");
  await expect(
    page.getByRole("heading", { name: "No transcripts between 1 January 1901 and 2 January 1901" }),
  ).toBeVisible();
  expect(await publicStatus(request, `${natoRange}&page=2`)).toBe(404);
  expect(await publicStatus(request, "/transcripts?page=zero")).toBe(404);
  const moved = await request.get("/latest/2", { maxRedirects: 0 });
  // Next answers 308; the server sends a permanent redirect of a GET as 301 (lib/http/permanent-redirects.ts).
  expect(moved.status()).toBe(301);
  expect(moved.headers()["location"]).toMatch(/\/transcripts\?page=2$/);

  // Speakers: both named speakers in the index; Jens Stoltenberg's page has the transcript and the key quote.
  await page.goto("/speakers");
  await expect(page.getByTestId("speaker-index").getByRole("link", { name: "Jens Stoltenberg" })).toBeVisible();
  await expect(page.getByTestId("speaker-index").getByRole("link", { name: minister })).toBeVisible();
  await page.getByTestId("speaker-index").getByRole("link", { name: "Jens Stoltenberg" }).click();
  await expect(page).toHaveURL("/speakers/jens-stoltenberg");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jens Stoltenberg");
  await expect(page.getByTestId("transcript-list").getByRole("link", { name: natoTitle })).toBeVisible();
  await expect(page.getByTestId("quote-list").locator(`a[href="/q/${quote.id}"]`)).toContainText(QUOTE_WORDS);
  // The site's feeds and the speaker's own.
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveCount(2);
  await expect(
    page.locator('link[rel="alternate"][type="application/rss+xml"][href$="/speakers/jens-stoltenberg/feed.xml"]'),
  ).toHaveCount(1);
  const speakerSearch = page.getByRole("search", { name: "Search what Jens Stoltenberg said" });
  await expect(speakerSearch.locator('input[type="hidden"][name="speaker"]')).toHaveValue("jens-stoltenberg");
  await expect(speakerSearch).toHaveAttribute("action", "/search");
  expect(await publicStatus(request, "/speakers/nobody-by-this-name")).toBe(404);

  // The topic and the place list the transcript; the topic page searches within its transcripts.
  await page.goto(topicPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(topic);
  await expect(page.getByTestId("transcript-list").getByRole("link", { name: natoTitle })).toBeVisible();
  await expect(page.getByRole("link", { name: briefingTitle })).toHaveCount(0);
  await expect(
    page.getByRole("search", { name: "Search within these transcripts" }).locator('input[name="topic"]'),
  ).toHaveValue(`defence-spending-${tag}`);
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveCount(2);
  await expect(
    page.locator(`link[rel="alternate"][type="application/rss+xml"][href$="${topicPath}/feed.xml"]`),
  ).toHaveCount(1);
  await page.goto("/places/kosovo");
  await expect(page.getByTestId("transcript-list").getByRole("link", { name: natoTitle })).toBeVisible();
  expect(await publicStatus(request, `/organisations/defence-spending-${tag}`), "a topic is not an organisation").toBe(
    404,
  );

  // The reading page links its topics and its named speaker to their pages.
  await page.goto(`/t/${nato.slug}`);
  const topics = page.getByRole("navigation", { name: "Topics" });
  await expect(topics.getByRole("link", { name: topic })).toHaveAttribute("href", topicPath);
  await expect(topics.getByRole("link", { name: "Kosovo" })).toHaveAttribute("href", "/places/kosovo");
  await expect(page.locator("#speakers-title + ul").getByRole("link", { name: "Jens Stoltenberg" })).toHaveAttribute(
    "href",
    "/speakers/jens-stoltenberg",
  );

  // Every index page is readable at a phone's width and a desktop's.
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const url of [
      "/",
      "/transcripts",
      natoRange,
      "/transcripts?from=2019-02-30",
      "/speakers",
      "/speakers/jens-stoltenberg",
      topicPath,
      "/places/kosovo",
      `/t/${nato.slug}`,
    ]) {
      await expectAccessibleAndFitting(page, url);
    }
  }

  // Unpublished, both are gone from every page above, though each was cached a moment ago.
  for (const id of [nato.id, briefing.id]) {
    const response = await transition(editor.api, id, { to: "UNPUBLISHED", note: "Legal review." });
    expect(response.status(), await response.text()).toBe(200);
  }
  await page.goto("/");
  await expect(page.getByRole("link", { name: natoTitle })).toHaveCount(0);
  await expect(page.getByRole("link", { name: briefingTitle })).toHaveCount(0);
  await expect(page.locator(`a[href="/q/${quote.id}"]`)).toHaveCount(0);
  await page.goto(natoRange);
  await expect(page.getByRole("heading", { level: 2, name: /^No transcripts on / })).toBeVisible();
  await page.goto("/speakers");
  await expect(page.getByRole("link", { name: minister })).toHaveCount(0);
  // Other tests may publish the NATO press conference too: his page may stay, but not with this run's transcript.
  const stoltenberg = await request.get("/speakers/jens-stoltenberg");
  if (stoltenberg.status() === 200) {
    const html = await stoltenberg.text();
    expect(html).not.toContain(natoTitle);
    expect(html).not.toContain(`/q/${quote.id}`);
  } else {
    expect(stoltenberg.status()).toBe(404);
  }
  expect(await publicStatus(request, topicPath)).toBe(404);
  const kosovoPage = await request.get("/places/kosovo");
  if (kosovoPage.status() === 200) expect(await kosovoPage.text()).not.toContain(natoTitle);
  else expect(kosovoPage.status()).toBe(404);
});
