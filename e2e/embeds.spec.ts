// Embeds and oEmbed: a published transcript and its key quotes framed on another site, the rest of the site
// refusing to be framed, oEmbed handing out the frame for published pages only, and the desk's embed code.
import http from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import {
  briefingText,
  correct,
  json,
  publishedBriefing,
  staffMember,
  readDraft,
  transition,
  uniqueTag,
  uploadDraft,
  annotate,
  type PublishedBriefing,
  type StaffMember,
} from "./support/publishing";

interface Oembed {
  version: string;
  type: string;
  provider_name: string;
  provider_url: string;
  title: string;
  author_name?: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
}

function oembedPath(pageUrl: string, extra = ""): string {
  return `/api/oembed?url=${encodeURIComponent(pageUrl)}&format=json${extra}`;
}

/**
 * Opens an article on a news site of another origin that shows `body`. It is a real server on this machine: Chrome
 * refuses a page it takes for a public site (a routed fake domain) any frame from localhost (local network access).
 */
async function openOnNewsSite(page: Page, body: string) {
  const html = `<!doctype html><html lang="en"><head><title>Harbour News</title></head><body><h1>Our story</h1>${body}</body></html>`;
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await page.goto(`http://127.0.0.1:${port}/story`);
  } finally {
    // The page is loaded; its frames come from the desk server.
    server.close();
  }
}

/** The name readers see for whoever speaks the briefing's key quote (the ingest names "MINISTER HOLM:"). */
async function quoteSpeaker(reporter: StaffMember, briefing: PublishedBriefing): Promise<string> {
  const draft = await readDraft(reporter.api, briefing.id);
  const speakerId = draft.segments[3]!.speakerId;
  return draft.speakers.find((speaker) => speaker.id === speakerId)!.name;
}

async function frameHeaders(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const headers = response.headers();
  return { csp: headers["content-security-policy"] ?? "", frameOptions: headers["x-frame-options"] };
}

test("a published transcript is framed on another site through its oEmbed code; the reading page refuses framing", async ({
  page,
  request,
  baseURL,
}) => {
  const tag = uniqueTag();
  const reporter = await staffMember(request, "REPORTER", `Rosa Reporter ${tag}`);
  const editor = await staffMember(request, "EDITOR", `Edgar Editor ${tag}`);
  const briefing = await publishedBriefing(reporter, editor);
  const pageUrl = `${baseURL}${briefing.path}`;

  // Only /embed may be framed, by anyone; the reading and quote pages by no one.
  for (const path of [`/embed/t/${briefing.slug}`, `/embed/q/${briefing.quoteId}`]) {
    const { csp, frameOptions } = await frameHeaders(request, path);
    expect(csp, path).toContain("frame-ancestors *");
    expect(frameOptions, path).toBeUndefined();
  }
  for (const path of [briefing.path, `/q/${briefing.quoteId}`, "/"]) {
    const { csp, frameOptions } = await frameHeaders(request, path);
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(frameOptions, path).toBe("DENY");
  }

  // The reading page names its oEmbed endpoint, which answers with the frame.
  await page.goto(briefing.path);
  const discovery = page.locator('link[rel="alternate"][type="application/json+oembed"]');
  await expect(discovery).toHaveAttribute("href", `${baseURL}${oembedPath(pageUrl)}`);
  await expect(discovery).toHaveAttribute("title", briefing.title);
  const response = await request.get(oembedPath(pageUrl, "&maxwidth=480"));
  expect(response.status(), await response.text()).toBe(200);
  const oembed = await json<Oembed>(response);
  expect(oembed).toMatchObject({
    version: "1.0",
    type: "rich",
    provider_name: "Verbatim",
    provider_url: `${baseURL}/`,
    title: briefing.title,
    width: 480,
    height: 720,
  });
  expect(oembed.html).toContain(`src="${baseURL}/embed/t/${briefing.slug}"`);

  // A news site pastes that code, and beside it (wrongly) a frame of the reading page itself.
  await openOnNewsSite(page, `${oembed.html}<iframe name="reading" src="${pageUrl}" title="Reading page"></iframe>`);
  const embed = page.frameLocator(`iframe[src="${baseURL}/embed/t/${briefing.slug}"]`);
  await expect(embed.getByRole("heading", { level: 1 })).toHaveText(briefing.title);
  await expect(embed.getByText(await quoteSpeaker(reporter, briefing), { exact: true }).first()).toBeVisible();
  await expect(embed.getByText("14 February 2019")).toBeVisible();
  await expect(embed.getByText("Bergen", { exact: true })).toBeVisible();
  // The correction, the context note and the fact-check with its verdict, all in the frame.
  await expect(embed.getByTestId("embed-corrections")).toContainText("Corrected once");
  await expect(embed.locator(".reader-correction")).toContainText("The agreement was signed on Monday, not Tuesday.");
  await expect(embed.locator(`#note-${briefing.contextId}`)).toContainText("quota round");
  await expect(embed.locator(`#note-${briefing.factcheckId}`)).toContainText("Misleading");
  const fullLink = embed.getByRole("link", { name: "Read the full transcript on Verbatim" });
  await expect(fullLink).toHaveAttribute("href", briefing.path);
  await expect(fullLink).toHaveAttribute("target", "_blank");
  await expect(fullLink).toHaveAttribute("rel", /noopener/);

  // The browser got the reading page and refused to show it in the frame.
  await expect
    .poll(() =>
      page
        .frames()
        .find((frame) => frame.name() === "reading")
        ?.url(),
    )
    .toMatch(/^chrome-error:/);
});

test("a key quote's embed shows a correction that changed its words, fits a phone's column and passes axe", async ({
  page,
  request,
  baseURL,
}) => {
  const tag = uniqueTag();
  const reporter = await staffMember(request, "REPORTER", `Rosa Reporter ${tag}`);
  const editor = await staffMember(request, "EDITOR", `Edgar Editor ${tag}`);
  const briefing = await publishedBriefing(reporter, editor);
  const quoteUrl = `${baseURL}/q/${briefing.quoteId}`;

  const holm = await quoteSpeaker(reporter, briefing);
  await page.goto(`/q/${briefing.quoteId}`);
  await expect(page.locator('link[rel="alternate"][type="application/json+oembed"]')).toHaveAttribute(
    "href",
    `${baseURL}${oembedPath(quoteUrl)}`,
  );
  const before = await json<Oembed>(await request.get(oembedPath(quoteUrl)));
  expect(before).toMatchObject({
    author_name: holm,
    title: `${holm}: “the largest share it has ever had”`,
  });

  const answer = briefing.segments[3]!;
  await correct(editor.api, briefing.id, {
    segmentId: answer.id,
    text: "The coastal fleet gets the largest share in a decade, and that is a promise.",
    reason: "The minister said “in a decade”, as the recording shows.",
  });

  for (const { width, height } of [
    { width: 320, height: 480 },
    { width: 360, height: 460 },
    { width: 800, height: 400 },
  ]) {
    await page.setViewportSize({ width, height });
    const response = await page.goto(`/embed/q/${briefing.quoteId}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const card = page.getByTestId("embed-quote");
    await expect(card.locator("blockquote")).toBeVisible();
    await expect(card.getByText(holm, { exact: true })).toBeVisible();
    await expect(card.getByRole("link", { name: briefing.title })).toHaveAttribute("href", briefing.path);
    const notice = page.getByTestId("embed-quote-correction");
    await expect(notice).toContainText("this quote originally read");
    await expect(notice.locator("q")).toHaveText("the largest share it has ever had");
    await expect(page.getByTestId("embed-quote-correction")).toContainText("as the recording shows");
    await expect(card.getByRole("link", { name: /Read it in context \(paragraph 4\)/ })).toHaveAttribute(
      "href",
      new RegExp(`^${briefing.path}#p-4`),
    );
    await expect(card.getByRole("link", { name: "Quote page on Verbatim" })).toHaveAttribute(
      "href",
      `/q/${briefing.quoteId}`,
    );
    await expectFitsAndPassesAxe(page, `quote embed at ${width} px`);
  }

  // The whole transcript's embed, too, at a phone's width and an article's.
  for (const width of [320, 800]) {
    await page.setViewportSize({ width, height: 720 });
    await page.goto(`/embed/t/${briefing.slug}`);
    await expect(page.getByTestId("embed-transcript")).toBeVisible();
    await expectFitsAndPassesAxe(page, `transcript embed at ${width} px`);
  }
});

async function expectFitsAndPassesAxe(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} is wider than its frame`).toBeLessThanOrEqual(0);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(
    violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    ),
    label,
  ).toEqual([]);
  await expect(page.getByRole("main"), label).toHaveCount(1);
  await expect(page.locator("h1"), label).toHaveCount(1);
}

test("unpublishing takes the embeds and the oEmbed answer away; a draft never had them", async ({
  request,
  baseURL,
}) => {
  const tag = uniqueTag();
  const reporter = await staffMember(request, "REPORTER", `Rosa Reporter ${tag}`);
  const editor = await staffMember(request, "EDITOR", `Edgar Editor ${tag}`);
  const briefing = await publishedBriefing(reporter, editor);
  const pageUrl = `${baseURL}${briefing.path}`;
  const quoteUrl = `${baseURL}/q/${briefing.quoteId}`;
  expect((await request.get(`/embed/t/${briefing.slug}`)).status()).toBe(200);
  expect((await request.get(oembedPath(pageUrl))).status()).toBe(200);
  expect((await request.get(oembedPath(quoteUrl))).status()).toBe(200);

  const unpublished = await transition(editor.api, briefing.id, { to: "UNPUBLISHED", note: "Legal asked." });
  expect(unpublished.status(), await unpublished.text()).toBe(200);
  for (const path of [`/embed/t/${briefing.slug}`, `/embed/q/${briefing.quoteId}`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain("fisheries agreement");
  }
  for (const url of [pageUrl, quoteUrl]) {
    const response = await request.get(oembedPath(url));
    expect(response.status(), url).toBe(404);
    expect((await json<{ error: { code: string } }>(response)).error.code).toBe("NOT_FOUND");
  }

  // A draft with a key quote: no embed, no oEmbed.
  const draft = await uploadDraft(reporter.api, { title: `Unpublished briefing ${tag}`, text: briefingText(tag) });
  const quote = await annotate(reporter.api, draft.id, draft.segments[3]!, "the largest share", { kind: "quote" });
  expect((await request.get(`/embed/t/${draft.slug}`)).status()).toBe(404);
  expect((await request.get(`/embed/q/${quote.id}`)).status()).toBe(404);
  expect((await request.get(oembedPath(`${baseURL}/t/${draft.slug}`))).status()).toBe(404);

  // The endpoint's other answers: another site's page, no url, xml.
  expect((await request.get(oembedPath(`https://elsewhere.example.com${briefing.path}`))).status()).toBe(404);
  const missing = await request.get("/api/oembed?format=json");
  expect(missing.status()).toBe(400);
  expect((await json<{ error: { code: string; message: string } }>(missing)).error.code).toBe("BAD_REQUEST");
  const otherSlug = await publishedBriefing(reporter, editor);
  expect(
    (await request.get(`/api/oembed?url=${encodeURIComponent(`${baseURL}${otherSlug.path}`)}&format=xml`)).status(),
  ).toBe(501);
});

test("an editor reveals and copies the embed code of a published transcript and of its key quotes", async ({
  page,
  request,
  baseURL,
  context,
}) => {
  const tag = uniqueTag();
  const reporter = await staffMember(request, "REPORTER", `Rosa Reporter ${tag}`);
  const editor = await staffMember(request, "EDITOR", `Edgar Editor ${tag}`);
  const briefing = await publishedBriefing(reporter, editor);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });

  await signIn(page, editor.email, editor.password);
  await page.goto(`/desk/transcripts/${briefing.id}/publish`);
  const button = page.getByRole("button", { name: "Embed code" });
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await button.click();
  await expect(page.getByRole("button", { name: "Hide embed code" })).toHaveAttribute("aria-expanded", "true");

  const { violations } = await new AxeBuilder({ page })
    .include('[data-testid="embed-code"]')
    .withTags(["wcag2a", "wcag2aa", "wcag21aa"])
    .analyze();
  expect(violations.map((violation) => violation.id)).toEqual([]);

  const whole = page.getByTestId("embed-code-transcript");
  const code = await whole.getByRole("textbox").inputValue();
  expect(code).toMatch(new RegExp(`^<iframe src="${baseURL}/embed/t/${briefing.slug}" `));
  expect(code).toContain(`title="${briefing.title}"`);
  await whole.getByRole("button", { name: /^Copy/ }).click();
  await expect(whole.getByRole("status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

  const quotes = page.getByTestId("embed-code-quote");
  await expect(quotes).toHaveCount(1);
  await expect(quotes.locator("label")).toHaveText(
    `${await quoteSpeaker(reporter, briefing)}: “the largest share it has ever had”`,
  );
  expect(await quotes.getByRole("textbox").inputValue()).toContain(`src="${baseURL}/embed/q/${briefing.quoteId}"`);

  // Once unpublished, there is no embed code to give.
  const unpublished = await transition(editor.api, briefing.id, { to: "UNPUBLISHED", note: "Legal asked." });
  expect(unpublished.status(), await unpublished.text()).toBe(200);
  await page.reload();
  await expect(page.getByTestId("workflow-status")).toBeVisible();
  await expect(page.getByRole("button", { name: "Embed code" })).toHaveCount(0);
});
