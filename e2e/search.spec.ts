// Public and staff search through a real browser and the public API: the NATO press conference found by a phrase,
// the speaker filter, the snippet's link landing on the paragraph, and nothing left to find once it is unpublished.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, signIn, test, TEST_PASSWORD } from "./fixtures";
import {
  json,
  publishOverWarnings,
  readDraft,
  renameSpeaker,
  staffMember,
  transition,
  uniqueTag,
  uploadDraft,
  briefingText,
  completeDetails,
} from "./support/publishing";

const NATO = fs.readFileSync(
  path.join(__dirname, "..", "lib", "ingest", "fixtures", "nato-press-conference-2019-02-14.txt"),
  "utf8",
);
const PHRASE = "Resolute Support Mission";

/** The result link to one transcript's paragraph, looked for page by page (other tests publish the NATO text too). */
async function findResultLink(page: Page, slug: string) {
  for (let pageNumber = 1; pageNumber <= 10; pageNumber++) {
    const link = page.locator(`[data-testid="search-results"] a[href^="/t/${slug}#p-"]`);
    if ((await link.count()) > 0) return link.first();
    const next = page.getByRole("link", { name: "Next →" });
    if ((await next.count()) === 0) break;
    await next.click();
    await page.waitForURL(new RegExp(`page=${pageNumber + 1}`));
  }
  return null;
}

test("a reader finds the NATO press conference by a phrase and lands on the paragraph; unpublished, it is gone", async ({
  page,
  request,
}) => {
  const reporter = await staffMember(request, "REPORTER", "Search Reporter");
  const editor = await staffMember(request, "EDITOR", "Search Editor");
  const tag = uniqueTag();
  const draft = await uploadDraft(reporter.api, { title: `NATO defence ministers ${tag}`, text: NATO });
  await completeDetails(reporter.api, draft.id, { place: "Brussels" });
  await publishOverWarnings(editor.api, draft.id);
  const { slug } = await readDraft(editor.api, draft.id);

  await page.goto("/search");
  await page.getByLabel("Words, or “an exact phrase”").fill(`"${PHRASE}"`);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: /match(es)? “resolute support mission”/i })).toBeVisible();
  const marks = page.locator('[data-testid="search-results"] mark');
  await expect(marks.first()).toHaveText(new RegExp(PHRASE, "i"));

  const link = await findResultLink(page, slug);
  expect(link, "the transcript is among the results").not.toBeNull();
  const href = (await link!.getAttribute("href"))!;
  await link!.click();
  await page.waitForURL(`**${href}`);
  const paragraph = page.locator(href.slice(href.indexOf("#")));
  await expect(paragraph).toContainText(PHRASE);
  await expect(paragraph).toBeInViewport();

  // The public API answers the same search.
  const api = await request.get(`/api/public/transcripts?q=${encodeURIComponent(`"${PHRASE}"`)}`);
  expect(api.status()).toBe(200);
  expect(api.headers()["etag"]).toBeTruthy();
  expect(api.headers()["ratelimit-limit"]).toBeTruthy();
  const found = await json<{ results: { slug: string; match: { snippet: string; url: string } }[]; pageCount: number }>(
    api,
  );
  const mine = found.results.find((result) => result.slug === slug);
  expect(mine?.match.snippet).toMatch(/<mark>Resolute Support Mission<\/mark>/i);
  expect(mine?.match.url).toContain(`/t/${slug}#p-`);
  // Other tests publish the NATO text too, changing these results and their ETag: ask until two requests agree.
  await expect
    .poll(
      async () => {
        const fresh = await request.get(api.url());
        const etag = fresh.headers()["etag"];
        return (await request.get(api.url(), { headers: { "if-none-match": etag! } })).status();
      },
      { timeout: 15_000 },
    )
    .toBe(304);

  const unpublished = await transition(editor.api, draft.id, { to: "UNPUBLISHED", note: "Pulled for review" });
  expect(unpublished.status(), await unpublished.text()).toBe(200);
  await page.goto(`/search?q=${encodeURIComponent(`"${PHRASE}"`)}`);
  expect(await findResultLink(page, slug)).toBeNull();
  const after = await json<{ results: { slug: string }[] }>(
    await request.get(`/api/public/transcripts?q=${encodeURIComponent(`"${PHRASE}"`)}&page=1`),
  );
  expect(after.results.map((result) => result.slug)).not.toContain(slug);
  const listing = await json<{ results: { slug: string }[] }>(await request.get("/api/public/transcripts"));
  expect(listing.results.map((result) => result.slug)).not.toContain(slug);
});

test("the speaker filter answers what one speaker said about something", async ({ page, request }) => {
  const reporter = await staffMember(request, "REPORTER", "Filter Reporter");
  const editor = await staffMember(request, "EDITOR", "Filter Editor");
  const tag = uniqueTag();
  const draft = await uploadDraft(reporter.api, { title: `Fisheries briefing ${tag}`, text: briefingText(tag) });
  const minister = draft.speakers.find((speaker) => /holm/i.test(speaker.name));
  expect(minister, JSON.stringify(draft.speakers)).toBeTruthy();
  await renameSpeaker(reporter.api, draft.id, minister!.id, `Ingrid Holm ${tag}`);
  await completeDetails(reporter.api, draft.id, { place: "Bergen" });
  await publishOverWarnings(editor.api, draft.id);
  const { slug } = await readDraft(editor.api, draft.id);

  // Without the filter, the moderator's welcome matches too.
  await page.goto(`/search?q=${encodeURIComponent(`fisheries ${tag}`)}`);
  await expect(page.getByTestId("search-results").locator("li")).toHaveCount(1);
  await expect(page.getByTestId("search-results")).toContainText("welcome to the fisheries briefing");

  await page.goto(`/search?q=fisheries`);
  await page.getByText("Filters").click();
  await page.getByLabel("Speaker").selectOption(`ingrid-holm-${tag}`);
  await page.getByRole("button", { name: "Search" }).click();
  await page.waitForURL(/speaker=ingrid-holm-/);
  const results = page.getByTestId("search-results");
  await expect(results.locator("li")).toHaveCount(1);
  await expect(results).toContainText(`Ingrid Holm ${tag}`);
  await expect(results).toContainText("The fisheries agreement was signed in Bergen");
  await expect(results.locator(`a[href^="/t/${slug}#p-"]`)).toHaveCount(1);
  await expect(page.getByRole("link", { name: new RegExp(`Said by Ingrid Holm ${tag}`) })).toBeVisible();

  // Odd input is answered, never an error page.
  for (const query of ['NEAR("sea', "title:*", "a".repeat(3000), '""']) {
    const response = await page.goto(`/search?q=${encodeURIComponent(query)}`);
    expect(response?.status(), query).toBe(200);
  }
  const badDate = await page.goto(`/search?q=fisheries&from=14.02.2019`);
  expect(badDate?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "is not a date" })).toContainText("YYYY-MM-DD");
  expect((await request.get("/api/public/transcripts?from=14.02.2019")).status()).toBe(400);
});

test("staff search finds drafts the person may open, and only those", async ({ page, request }) => {
  const owner = await staffMember(request, "REPORTER", "Desk Search Owner");
  const other = await staffMember(request, "REPORTER", "Desk Search Other");
  const tag = uniqueTag();
  const draft = await uploadDraft(owner.api, {
    title: `Draft ${tag}`,
    text: `MINISTER: The quokka${tag} plan is secret.`,
  });

  await signIn(page, owner.email, TEST_PASSWORD);
  await page.goto(`/desk/search?q=quokka${tag}`);
  const results = page.getByTestId("desk-search-results");
  await expect(results.getByRole("link", { name: `Draft ${tag}` })).toHaveAttribute(
    "href",
    `/desk/transcripts/${draft.id}`,
  );
  await expect(results.locator("mark")).toHaveText(`quokka${tag}`);

  // Not public: the reader's search does not know it.
  const publicResults = await json<{ total: number }>(await request.get(`/api/public/transcripts?q=quokka${tag}`));
  expect(publicResults.total).toBe(0);

  await page.context().clearCookies();
  await signIn(page, other.email, TEST_PASSWORD);
  await page.goto(`/desk/search?q=quokka${tag}`);
  await expect(page.getByRole("heading", { name: /No paragraph matches/ })).toBeVisible();
});
