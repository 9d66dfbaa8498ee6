// Everything staff type reaches readers as text: a transcript whose title, speakers, paragraphs, annotations and
// correction carry script payloads is published and read in Chromium on every public page. Nothing runs, no
// dialog opens, the payloads show as the words they are, and the structured data stays valid JSON.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  annotate,
  briefingText,
  completeDetails,
  correct,
  editParagraph,
  ogImageOf,
  publishOverWarnings,
  readDraft,
  renameSpeaker,
  staffMember,
  uniqueTag,
  uploadDraft,
} from "./support/publishing";

const SCRIPT = "<script>window.__xss=1</script>";
const IMG = `<img src=x onerror="window.__xss=1;alert(1)">`;
const CLOSE_SCRIPT = "</script><script>window.__xss=1;alert(1)</script>";
const MARKDOWN_LINK = "[x](javascript:window.__xss=1)";
const SVG = `"><svg onload="window.__xss=1;alert(1)">`;

interface Watch {
  dialogs: string[];
  errors: string[];
}

function watch(page: Page): Watch {
  const seen: Watch = { dialogs: [], errors: [] };
  page.on("dialog", (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => seen.errors.push(error.message));
  return seen;
}

/** Opens a public page and checks nothing the payloads carry came alive. */
async function openSafely(page: Page, seen: Watch, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState("load");
  const found = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    images: document.querySelectorAll('img[src="x"], img[onerror]').length,
    svgs: document.querySelectorAll("svg[onload]").length,
    handlers: [...document.querySelectorAll("*")].filter((element) =>
      element.getAttributeNames().some((name) => name === "onerror" || name === "onload"),
    ).length,
    javascriptLinks: [...document.querySelectorAll("a[href]")].filter((link) =>
      /^\s*javascript:/i.test(link.getAttribute("href") ?? ""),
    ).length,
    injectedScripts: [...document.querySelectorAll("script")].filter((script) =>
      /^\s*window\.__xss=1/.test(script.textContent ?? ""),
    ).length,
  }));
  expect(found, path).toEqual({
    xss: undefined,
    images: 0,
    svgs: 0,
    handlers: 0,
    javascriptLinks: 0,
    injectedScripts: 0,
  });
  expect(seen.dialogs, path).toEqual([]);
}

/** The page's text, as a reader sees it. */
async function shownText(page: Page): Promise<string> {
  return page.locator("main").evaluate((main) => (main as HTMLElement).innerText);
}

test("payloads in a published transcript are shown as text on every public page and never run", async ({
  page,
  request,
}) => {
  test.slow();
  const tag = uniqueTag();
  const reporter = await staffMember(request, "REPORTER", `Rosa Reporter ${tag}`);
  const editor = await staffMember(request, "EDITOR", `Edgar Editor ${tag}`);

  const title = `XSS ${tag} ${CLOSE_SCRIPT} ${SVG} ${IMG}`;
  const draft = await uploadDraft(reporter.api, { title, text: briefingText(tag) });
  expect(draft.title).toBe(title);

  // Speakers named with payloads.
  const speakerNames = [`Mod ${SCRIPT}`, `Holm ${IMG}`, `Ana ${SVG}`];
  expect(draft.speakers).toHaveLength(3);
  for (const [index, speaker] of draft.speakers.entries()) {
    await renameSpeaker(reporter.api, draft.id, speaker.id, speakerNames[index]!);
  }

  // Paragraphs carrying payloads.
  const texts = [
    `Welcome ${SCRIPT} to the briefing ${tag}.`,
    `The minister said ${IMG} and ${MARKDOWN_LINK} today.`,
    `Question ${SVG} about the quotas?`,
    `Answer ${CLOSE_SCRIPT} we keep our promise.`,
  ];
  for (const [index, segment] of draft.segments.entries()) {
    await editParagraph(reporter.api, draft.id, segment, texts[index]!);
  }
  const segments = (await readDraft(reporter.api, draft.id)).segments;
  expect(segments.map((segment) => segment.text)).toEqual(texts);

  // Annotations carrying payloads in every field readers see.
  const contextBody = `Context ${SCRIPT} ${IMG} ${MARKDOWN_LINK} ${SVG}`;
  await annotate(reporter.api, draft.id, segments[0]!, "Welcome", { kind: "context", body: contextBody });
  const claim = `Claim ${CLOSE_SCRIPT} ${IMG}`;
  const sourceTitle = `Source ${SCRIPT} ${SVG}`;
  const checker = `Checker ${IMG}`;
  await annotate(reporter.api, draft.id, segments[1]!, "The minister said", {
    kind: "factcheck",
    verdict: "false",
    claim,
    body: `Check ${MARKDOWN_LINK} ${SVG}`,
    sources: [{ url: "https://example.org/quotas", title: sourceTitle }],
    checker,
  });
  const quoteWords = `${CLOSE_SCRIPT} we keep our promise`;
  const quote = await annotate(reporter.api, draft.id, segments[3]!, quoteWords, {
    kind: "quote",
    body: `Why ${IMG} ${MARKDOWN_LINK}`,
  });
  await completeDetails(reporter.api, draft.id, { place: `Bergen ${SVG}` });
  await publishOverWarnings(editor.api, draft.id);

  // A correction with payloads in its words and its reason.
  const correctedText = `Question ${SVG} about the quotas ${IMG}?`;
  const reason = `Reason ${SCRIPT} ${CLOSE_SCRIPT} ${MARKDOWN_LINK}`;
  await correct(editor.api, draft.id, { segmentId: segments[2]!.id, text: correctedText, reason });

  const seen = watch(page);
  const path = `/t/${draft.slug}`;

  // The reading page.
  await openSafely(page, seen, path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  for (const [index, text] of [texts[0], texts[1], correctedText, texts[3]].entries()) {
    await expect(page.locator(`#p-${index + 1} .reader-text`)).toHaveText(text!);
  }
  const reading = await shownText(page);
  for (const name of speakerNames) expect(reading).toContain(name);
  for (const words of [claim, sourceTitle, checker, reason, `Bergen ${SVG}`]) expect(reading).toContain(words);
  // Markdown keeps raw HTML as text and an unsafe link as its words.
  expect(reading).toContain(`Context ${SCRIPT} ${IMG}`);
  await expect(page.locator(`aside#note-${quote.id}`)).toContainText(`Why ${IMG} x`);
  // The structured data parses and holds the title as data.
  const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(jsonLd).toHaveLength(1);
  const data = JSON.parse(jsonLd[0]!) as Record<string, unknown>[];
  const article = data.find((item) => item["@type"] === "NewsArticle");
  expect(article).toMatchObject({ headline: title, mentions: speakerNames.map((name) => ({ name })) });
  expect(data.find((item) => item["@type"] === "ClaimReview")).toMatchObject({ claimReviewed: claim });

  // The quote page, and its share image.
  await openSafely(page, seen, `/q/${quote.id}`);
  await expect(page.getByTestId("quote-view").locator("blockquote")).toHaveText(`“${quoteWords}”`);
  const quoteText = await shownText(page);
  expect(quoteText).toContain(speakerNames[1]);
  expect(quoteText).toContain(title);
  const image = await request.get(await ogImageOf(page));
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toContain("image/png");

  // Changes since publication.
  await openSafely(page, seen, `${path}/changes`);
  const changes = await shownText(page);
  expect(changes).toContain(title);
  expect(changes).toContain(reason);
  expect(changes).toContain(IMG);

  // The corrections list.
  await openSafely(page, seen, "/corrections");
  const entry = page.getByRole("article", { name: `Correction to ${title}` });
  // One sentence: the whole of it, in quotes.
  await expect(entry).toContainText(`It said: “${texts[2]}”`);
  await expect(entry).toContainText(`It now says: “${correctedText}”`);
  await expect(entry).toContainText(`Why: ${reason}`);

  // The home page.
  await openSafely(page, seen, "/");
  const listed = page.getByTestId("transcript-list").getByRole("article").filter({ hasText: tag });
  await expect(listed.getByRole("heading")).toHaveText(title);
  await expect(listed).toContainText(speakerNames[0]!);

  expect(seen.dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
});
