// Bylines and author pages: the reading page names who transcribed, annotated and published a transcript, linked to
// their author pages (with feeds); the JSON-LD carries them as author and editor; someone who asks not to be
// credited is replaced by the newsroom everywhere at once, and their author page is gone.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { expectFitsAndPassesAxe, expectNamedFieldsAndUniqueIds } from "./support/accessibility";
import {
  annotate,
  completeDetails,
  publishOverWarnings,
  publishedBriefing,
  staffMember,
  transition,
  uniqueTag,
  uploadDraft,
  type StaffMember,
} from "./support/publishing";
import AxeBuilder from "@axe-core/playwright";

const WIDTHS = [
  { name: "phone", width: 360, height: 780 },
  { name: "desktop", width: 1280, height: 900 },
] as const;

interface JsonLdThing {
  "@type": string;
  name?: string;
  url?: string;
}

/** A reporter's annotated draft, published by an editor. */
async function publishedBy(reporter: StaffMember, editor: StaffMember, title: string) {
  const draft = await uploadDraft(reporter.api, {
    title,
    text: [
      `MODERATOR: Welcome to the harbour briefing, ${title}.`,
      "MINISTER HOLM: The new harbour opens in May, and the ferries will run every hour.",
    ].join("\n\n"),
  });
  await annotate(reporter.api, draft.id, draft.segments[1]!, "opens in May", {
    kind: "context",
    body: "The opening was first planned for March.",
  });
  await completeDetails(reporter.api, draft.id, { place: "Bergen" });
  const published = await publishOverWarnings(editor.api, draft.id);
  expect(published.status).toBe("PUBLISHED");
  return { id: draft.id, path: `/t/${draft.slug}`, title };
}

async function articleOf(page: Page): Promise<{ author: JsonLdThing | JsonLdThing[]; editor?: JsonLdThing }> {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  const items = scripts.flatMap((text) => JSON.parse(text) as unknown[]) as { "@type": string }[];
  const article = items.find((item) => item["@type"] === "NewsArticle");
  expect(article, "the page has a NewsArticle").toBeTruthy();
  return article as unknown as { author: JsonLdThing | JsonLdThing[]; editor?: JsonLdThing };
}

async function feedText(request: APIRequestContext, path: string): Promise<{ status: number; text: string }> {
  const response = await request.get(path);
  return { status: response.status(), text: await response.text() };
}

test("the reading page credits the reporter and the editor, whose author pages and feeds list it; an opt-out names the newsroom", async ({
  page,
  request,
}) => {
  test.slow();
  const tag = uniqueTag();
  const reporter = await staffMember(request, "REPORTER", `Rosa Byline ${tag}`);
  const editor = await staffMember(request, "EDITOR", `Edgar Byline ${tag}`);
  const first = await publishedBy(reporter, editor, `Harbour briefing one ${tag}`);
  const second = await publishedBy(reporter, editor, `Harbour briefing two ${tag}`);

  // The byline, under the title.
  await page.goto(first.path);
  const byline = page.getByTestId("byline");
  await expect(byline).toHaveText(`Transcribed and annotated by ${reporter.name} · Published by ${editor.name}`);
  const reporterLink = byline.getByRole("link", { name: reporter.name });
  const editorLink = byline.getByRole("link", { name: editor.name });
  const reporterPath = (await reporterLink.getAttribute("href"))!;
  const editorPath = (await editorLink.getAttribute("href"))!;
  expect(reporterPath).toBe(`/authors/rosa-byline-${tag}`);
  expect(editorPath).toBe(`/authors/edgar-byline-${tag}`);

  // The JSON-LD names them as Persons with their author pages.
  const article = await articleOf(page);
  expect(article.author).toEqual({
    "@type": "Person",
    name: reporter.name,
    url: expect.stringContaining(reporterPath),
  });
  expect(article.editor).toEqual({ "@type": "Person", name: editor.name, url: expect.stringContaining(editorPath) });

  // The author page lists both transcripts, newest first, with what they did.
  await reporterLink.click();
  await expect(page).toHaveURL(new RegExp(`${reporterPath}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(reporter.name);
  const list = page.getByTestId("author-transcripts");
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByRole("listitem").first()).toContainText(second.title);
  await expect(list.getByRole("listitem").first()).toContainText("Transcribed and annotated");
  await expect(list.getByRole("link", { name: first.title })).toHaveAttribute("href", first.path);
  await page.goto(editorPath);
  await expect(page.getByTestId("author-transcripts").getByRole("listitem").first()).toContainText("Published");

  // Their feeds carry them.
  for (const feed of ["feed.xml", "atom.xml"]) {
    const { status, text } = await feedText(request, `${reporterPath}/${feed}`);
    expect(status, feed).toBe(200);
    expect(text).toContain(first.title);
    expect(text).toContain(second.title);
  }

  // Unpublished, a transcript leaves the author page and the feed.
  const unpublished = await transition(editor.api, second.id, { to: "UNPUBLISHED", note: "Withdrawn for checks." });
  expect(unpublished.status(), await unpublished.text()).toBe(200);
  await page.goto(reporterPath);
  await expect(page.getByTestId("author-transcripts").getByRole("listitem")).toHaveCount(1);
  await expect(page.getByText(second.title)).toHaveCount(0);
  expect((await feedText(request, `${reporterPath}/feed.xml`)).text).not.toContain(second.title);

  // The reporter writes a bio on the account page: the author page shows it.
  await signIn(page, reporter.email, reporter.password);
  await page.goto("/desk/account");
  const profile = page.getByRole("region", { name: "Public profile" });
  await expect(profile.getByRole("link", { name: reporterPath })).toHaveAttribute("href", reporterPath);
  await profile.getByLabel("Short bio (optional)").fill("Covers the harbour and the ferries.");
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByText("Your profile is saved.")).toBeVisible();
  await page.goto(reporterPath);
  await expect(page.getByText("Covers the harbour and the ferries.")).toBeVisible();

  // ... then asks not to be credited: the newsroom is named instead, everywhere at once.
  await page.goto("/desk/account");
  await profile.getByLabel("Don't credit me publicly").check();
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByText("Public pages name the newsroom instead of you.")).toBeVisible();
  await expect(profile.getByLabel("Don't credit me publicly")).toBeChecked();

  await page.goto(first.path);
  await expect(page.getByTestId("byline")).toHaveText(
    `Transcribed and annotated by the Verbatim newsroom · Published by ${editor.name}`,
  );
  await expect(page.getByTestId("byline")).not.toContainText(reporter.name);
  await expect(page.locator(`a[href="${reporterPath}"]`)).toHaveCount(0);
  const afterOptOut = await articleOf(page);
  expect(afterOptOut.author).toEqual({ "@type": "Organization", name: "Verbatim", url: expect.any(String) });
  expect(afterOptOut.editor?.name).toBe(editor.name);

  expect((await page.goto(reporterPath))?.status()).toBe(404);
  expect((await feedText(request, `${reporterPath}/feed.xml`)).status).toBe(404);
  expect((await feedText(request, `${reporterPath}/atom.xml`)).status).toBe(404);
  const sitemap = (await feedText(request, "/sitemap.xml")).text;
  expect(sitemap).not.toContain(reporterPath);
  expect(sitemap).toContain(editorPath);
});

for (const { name, width, height } of WIDTHS) {
  test(`the author page and the public profile form pass axe and fit a ${name} (${width} px)`, async ({
    page,
    request,
  }) => {
    test.slow();
    const tag = uniqueTag();
    const reporter = await staffMember(request, "REPORTER", `Anneliese Wertheimer-Castellanos ${tag}`);
    const editor = await staffMember(request, "EDITOR", `Edgar Axe ${tag}`);
    const briefing = await publishedBriefing(reporter, editor);
    await page.setViewportSize({ width, height });

    await page.goto(briefing.path);
    const authorPath = (await page
      .getByTestId("byline")
      .getByRole("link", { name: reporter.name })
      .getAttribute("href"))!;
    await expectFitsAndPassesAxe(page, authorPath);
    await expectFitsAndPassesAxe(page, briefing.path);

    await signIn(page, reporter.email, reporter.password);
    await page.goto("/desk/account");
    const profile = page.getByRole("region", { name: "Public profile" });
    await expectNamedFieldsAndUniqueIds(page, "/desk/account");
    await expectProfileAccessible(page, "the profile form");
    // With the errors shown beside the fields.
    await profile.getByLabel("Name", { exact: true }).fill("");
    await profile.getByLabel("Short bio (optional)").fill("x".repeat(280));
    await profile.getByRole("button", { name: "Save profile" }).click();
    await expect(profile.getByText("Enter a name.")).toBeVisible();
    await expectNamedFieldsAndUniqueIds(page, "/desk/account with errors");
    await expectProfileAccessible(page, "the profile form with errors");
  });
}

async function expectProfileAccessible(page: Page, where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${where} is wider than the screen`).toBeLessThanOrEqual(0);
  const { violations } = await new AxeBuilder({ page })
    .include("section[aria-labelledby='profile-title']")
    .withTags(["wcag2a", "wcag2aa", "wcag21aa"])
    .analyze();
  expect(
    violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    ),
    where,
  ).toEqual([]);
}
