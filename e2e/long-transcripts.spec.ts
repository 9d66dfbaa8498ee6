// Long reading pages come in parts (lib/publishing/parts.ts): a hearing of 1,150 paragraphs is read in three parts
// of at most 1.5 MB of HTML each, every paragraph keeps its address (/t/<slug>/p/<n>), and every way a reader
// arrives at a paragraph (an old #p-<n> link, a key quote, a correction, a search result, an embed) lands on the
// part that holds it. A short transcript stays one page.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectFitsAndPassesAxe } from "./support/accessibility";
import {
  annotate,
  completeDetails,
  correct,
  json,
  publishedBriefing,
  publishOverWarnings,
  readDraft,
  staffMember,
  transition,
  uniqueTag,
  type ApiSegment,
  type StaffMember,
} from "./support/publishing";

const PARAGRAPHS = 1_150;
const LIMIT_BYTES = 1.5 * 1024 * 1024;
const TARGET = 1_100;

const SENTENCES = [
  "The committee heard that the embankment at Lindvik failed in two places on the night of the storm",
  "Witnesses said the warning reached residents forty minutes after the water did",
  "The pumps ran at full capacity for three days while the river stayed above the gauge",
  "Engineers had asked twice for the maintenance budget to be restored before the winter",
  "The county council said the evacuation plan was updated in 2019 and tested every year",
];

const WITNESSES = ["DR ANNA BERG", "MR TOMAS REITER", "MS INGRID DAHL", "MR PAOLO FERRI", "MS AMARA OKONKWO"];

/** A three-day hearing as a committee's record gives it: a title line, then the chair and witnesses taking turns. */
function hearingText(tag: string): string {
  const paragraphs: string[] = [`Inquiry into the Lindvik floods: oral evidence, days 1 to 3 (${tag})`];
  for (let index = 0; index < PARAGRAPHS; index++) {
    const number = index + 1;
    const speaker = index % 2 === 0 ? "CHAIR HANSEN" : WITNESSES[(index >> 1) % WITNESSES.length]!;
    const first = SENTENCES[index % SENTENCES.length]!;
    const second = SENTENCES[(index + 2) % SENTENCES.length]!;
    // One word in one paragraph that nothing else has, to search for.
    const marker = number === TARGET ? ` The witness named the contractor Zelterhof${tag}.` : "";
    paragraphs.push(`${speaker}: Session ${tag}, statement ${number}. ${first}. ${second}.${marker}`);
  }
  return paragraphs.join("\n\n");
}

async function segmentsOf(editor: StaffMember, id: string): Promise<ApiSegment[]> {
  const first = await readDraft(editor.api, id);
  const rest = await editor.api.get(`/api/transcripts/${id}?from=${first.segments.length}&take=1000`);
  expect(rest.status()).toBe(200);
  return [...first.segments, ...(await json<{ segments: ApiSegment[] }>(rest)).segments];
}

/** The paragraph numbers (p-<n> ids) in a page's HTML. */
function paragraphIds(html: string): number[] {
  return [...html.matchAll(/\bid="p-(\d+)"/g)].map((found) => Number(found[1]));
}

async function getPage(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  return { status: response.status(), html: await response.text(), location: response.headers().location };
}

async function expectParagraphInView(page: Page, number: number) {
  const paragraph = page.locator(`#p-${number}`);
  await expect(paragraph).toBeVisible();
  await expect(paragraph).toBeInViewport();
}

test.describe.configure({ mode: "serial" });

interface Hearing {
  id: string;
  slug: string;
  tag: string;
  quoteId: string;
}

let seeded: Promise<Hearing> | null = null;
/** Found by the first test: the part that holds paragraph TARGET. */
let partOfTarget = 0;

/** Uploads, annotates, publishes and corrects the hearing once for the tests of this file (run in order). */
function hearing(request: APIRequestContext): Promise<Hearing> {
  seeded ??= (async () => {
    const editor = await staffMember(request, "EDITOR", "Long Transcript Editor");
    const tag = uniqueTag();
    const created = await editor.api.post("/api/transcripts", {
      filename: "hearing.txt",
      text: hearingText(tag),
      title: `Inquiry into the Lindvik floods ${tag}`,
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = await json<{ id: string }>(created);
    const segments = await segmentsOf(editor, id);
    expect(segments).toHaveLength(PARAGRAPHS);
    const target = segments[TARGET - 1]!;
    expect(target.text).toContain(`Zelterhof${tag}`);
    const quote = await annotate(editor.api, id, target, `named the contractor Zelterhof${tag}`, {
      kind: "quote",
      body: "The first time the contractor was named in public.",
    });
    await completeDetails(editor.api, id, { place: "Lindvik" });
    expect((await publishOverWarnings(editor.api, id)).status).toBe("PUBLISHED");
    await correct(editor.api, id, {
      segmentId: target.id,
      text: target.text.replace("forty minutes", "forty-five minutes"),
      reason: "The witness corrected the figure later in the session.",
    });
    return { id, slug: (await readDraft(editor.api, id)).slug, tag, quoteId: quote.id };
  })();
  return seeded;
}

test("a long transcript is read in parts of at most 1.5 MB, each paragraph once, with links between them", async ({
  request,
}) => {
  // Uploading, annotating and publishing 1,150 paragraphs, then the first render of each part.
  test.setTimeout(120_000);
  const { slug } = await hearing(request);
  const first = await getPage(request, `/t/${slug}`);
  expect(first.status).toBe(200);
  const partLinks = [...first.html.matchAll(new RegExp(`href="/t/${slug}/part/(\\d+)"`, "g"))].map((found) =>
    Number(found[1]),
  );
  const partCount = Math.max(...partLinks);
  expect(partCount).toBeGreaterThanOrEqual(2);

  const seen: number[] = [];
  const sizes: number[] = [];
  for (let part = 1; part <= partCount; part++) {
    const answer = part === 1 ? first : await getPage(request, `/t/${slug}/part/${part}`);
    expect(answer.status, `part ${part}`).toBe(200);
    const bytes = Buffer.byteLength(answer.html);
    sizes.push(bytes);
    expect(bytes, `part ${part} is ${bytes} bytes`).toBeLessThanOrEqual(LIMIT_BYTES);
    const ids = paragraphIds(answer.html);
    // Consecutive paragraphs, starting where the previous part ended.
    expect(ids[0]).toBe(seen.length + 1);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, index) => seen.length + 1 + index));
    seen.push(...ids);
    if (ids.includes(TARGET)) partOfTarget = part;
    // The first part has the header and the corrections; every part links to the others.
    expect(answer.html.includes('id="corrections"')).toBe(part === 1);
    for (let other = 2; other <= partCount; other++) {
      if (other !== part) expect(answer.html).toContain(`href="/t/${slug}/part/${other}"`);
    }
  }
  expect(seen).toEqual(Array.from({ length: PARAGRAPHS }, (_, index) => index + 1));
  expect(partOfTarget).toBeGreaterThan(1);

  // The transcript's embed is its first part, with the way on.
  const embed = await getPage(request, `/embed/t/${slug}`);
  expect(embed.status).toBe(200);
  expect(Buffer.byteLength(embed.html)).toBeLessThanOrEqual(LIMIT_BYTES);
  expect(embed.html).toContain(`href="/t/${slug}/part/2"`);
  expect(embed.html).not.toContain(`Zelterhof${(await hearing(request)).tag}`);

  // Part 1 is the page itself, not a second address for it; a part past the last is not found.
  expect((await getPage(request, `/t/${slug}/part/1`)).status).toBe(404);
  expect((await getPage(request, `/t/${slug}/part/${partCount + 1}`)).status).toBe(404);
  expect((await getPage(request, `/t/${slug}/part/0`)).status).toBe(404);
});

test("every paragraph's address answers with the part that holds it; a paragraph that does not exist is a 404", async ({
  request,
}) => {
  const { slug } = await hearing(request);
  const target = await getPage(request, `/t/${slug}/p/${TARGET}`);
  expect(target.status).toBe(307);
  expect(target.location).toBe(`/t/${slug}/part/${partOfTarget}#p-${TARGET}`);
  const opening = await getPage(request, `/t/${slug}/p/1`);
  expect(opening.status).toBe(307);
  expect(opening.location).toBe(`/t/${slug}#p-1`);
  for (const missing of ["0", String(PARAGRAPHS + 1), "abc", "-3"]) {
    expect((await getPage(request, `/t/${slug}/p/${missing}`)).status, missing).toBe(404);
  }
});

test("a reader lands on the paragraph from its address, an old #p- link, the quote page, a correction, search and an embed", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const { slug, tag, quoteId } = await hearing(request);
  const onTarget = new RegExp(`/t/${slug}/part/${partOfTarget}#p-${TARGET}$`);

  await page.goto(`/t/${slug}/p/${TARGET}`);
  await expect(page).toHaveURL(onTarget);
  await expectParagraphInView(page, TARGET);
  // The paragraph's share link is its stable address.
  await expect(page.locator(`#p-${TARGET}`)).toContainText(`Zelterhof${tag}`);

  // A link made for the first part (before the transcript was long, or by a tool that knows only #p-<n>).
  await page.goto(`/t/${slug}#p-${TARGET}`);
  await expect(page).toHaveURL(onTarget);
  await expectParagraphInView(page, TARGET);

  // The key quote's page links to the part, with the quote's words as a text fragment.
  await page.goto(`/q/${quoteId}`);
  const context = page.getByRole("link", { name: `Read it in context (paragraph ${TARGET})` });
  await expect(context).toHaveAttribute("href", new RegExp(`^/t/${slug}/part/${partOfTarget}#p-${TARGET}:~:text=`));
  await context.click();
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/part/${partOfTarget}#p-${TARGET}`));
  await expectParagraphInView(page, TARGET);

  // The corrections list, on the first part, and the changes page.
  await page.goto(`/t/${slug}`);
  const correction = page.locator("#corrections").getByRole("link", { name: `Paragraph ${TARGET}.` });
  await expect(correction).toHaveAttribute("href", `/t/${slug}/part/${partOfTarget}#p-${TARGET}`);
  await correction.click();
  await expectParagraphInView(page, TARGET);
  await page.goto(`/t/${slug}/changes`);
  await expect(page.getByRole("link", { name: `Paragraph ${TARGET}` }).first()).toHaveAttribute(
    "href",
    `/t/${slug}/part/${partOfTarget}#p-${TARGET}`,
  );

  // A search result.
  await page.goto(`/search?q=${encodeURIComponent(`Zelterhof${tag}`)}`);
  const result = page.locator(`[data-testid="search-results"] a[href="/t/${slug}#p-${TARGET}"]`);
  await result.click();
  await expect(page).toHaveURL(onTarget);
  await expectParagraphInView(page, TARGET);

  // A later part, with its part navigation, fits and passes axe on a phone and a desktop (the last part: the
  // same page as the others, fewer paragraphs for axe to walk).
  const partCount =
    (await page.goto(`/t/${slug}`), await page.getByTestId("part-navigation").first().locator("li").count());
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await expectFitsAndPassesAxe(page, `/t/${slug}/part/${partCount}`);
  }

  // The quote's embed.
  await page.goto(`/embed/q/${quoteId}`);
  await expect(page.locator(`a[href^="/t/${slug}/part/${partOfTarget}#p-${TARGET}"]`).first()).toBeAttached();
});

test("unpublished, every part and every paragraph address is a 404", async ({ request }) => {
  const { id, slug } = await hearing(request);
  const editor = await staffMember(request, "EDITOR", "Long Transcript Unpublisher");
  const response = await transition(editor.api, id, { to: "UNPUBLISHED", note: "Withdrawn for legal review." });
  expect(response.status(), await response.text()).toBe(200);
  for (const path of [`/t/${slug}`, `/t/${slug}/part/2`, `/t/${slug}/p/${TARGET}`, `/t/${slug}/p/1`]) {
    expect((await getPage(request, path)).status, path).toBe(404);
  }
});

test("a short transcript stays one page; its paragraph addresses go to its anchors", async ({ request }) => {
  const reporter = await staffMember(request, "REPORTER", "Short Transcript Reporter");
  const shortEditor = await staffMember(request, "EDITOR", "Short Transcript Editor");
  const briefing = await publishedBriefing(reporter, shortEditor);
  const page = await getPage(request, briefing.path);
  expect(page.status).toBe(200);
  expect(page.html).not.toContain('data-testid="part-navigation"');
  expect(paragraphIds(page.html)).toEqual([1, 2, 3, 4]);
  const address = await getPage(request, `${briefing.path}/p/3`);
  expect(address.status).toBe(307);
  expect(address.location).toBe(`${briefing.path}#p-3`);
  expect((await getPage(request, `${briefing.path}/part/2`)).status).toBe(404);
});
