// Feeds, the sitemap and robots.txt as crawlers and feed readers get them from the running server: what is
// published is listed, a draft never is, and unpublishing takes a transcript out of every one of them at once.
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect, test } from "./fixtures";
import {
  completeDetails,
  correct,
  publishOverWarnings,
  staffMember,
  transition,
  uniqueTag,
  uploadDraft,
  type StaffMember,
} from "./support/publishing";

const NATO = fs.readFileSync(
  path.join(__dirname, "..", "lib", "ingest", "fixtures", "nato-press-conference-2019-02-14.txt"),
  "utf8",
);

const FEEDS = [
  { path: "/feed.xml", type: "application/rss+xml; charset=utf-8" },
  { path: "/atom.xml", type: "application/atom+xml; charset=utf-8" },
  { path: "/speakers/jens-stoltenberg/feed.xml", type: "application/rss+xml; charset=utf-8" },
  { path: "/speakers/jens-stoltenberg/atom.xml", type: "application/atom+xml; charset=utf-8" },
  { path: "/topics/sea-of-azov/feed.xml", type: "application/rss+xml; charset=utf-8" },
  { path: "/topics/sea-of-azov/atom.xml", type: "application/atom+xml; charset=utf-8" },
] as const;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", textNodeName: "#text" });

/** Text, or an element with attributes (Atom's type="html") whose text is under "#text". */
type XmlText = string | { "#text": string };

interface FeedItem {
  title: XmlText;
  link: string | { "@href": string };
  updated?: string;
  summary?: XmlText;
}

function textOf(node: XmlText | undefined): string {
  if (node === undefined) return "";
  return typeof node === "string" ? node : node["#text"];
}

/** The entries of an RSS or Atom feed (none for a 404: a speaker or topic with nothing published has no feed). */
async function feedItems(request: APIRequestContext, feedPath: string, type: string): Promise<FeedItem[]> {
  const response = await request.get(feedPath);
  if (response.status() === 404 && /^\/(speakers|topics)\//.test(feedPath)) return [];
  expect(response.status(), feedPath).toBe(200);
  expect(response.headers()["content-type"]).toBe(type);
  const xml = await response.text();
  expect(XMLValidator.validate(xml), feedPath).toBe(true);
  const document = parser.parse(xml) as {
    rss?: { channel: { item?: FeedItem | FeedItem[] } };
    feed?: { entry?: FeedItem | FeedItem[] };
  };
  const items = document.rss ? document.rss.channel.item : document.feed?.entry;
  return items === undefined ? [] : Array.isArray(items) ? items : [items];
}

function linkOf(item: FeedItem): string {
  return typeof item.link === "string" ? item.link : item.link["@href"];
}

async function sitemap(request: APIRequestContext): Promise<Map<string, string | undefined>> {
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const { urlset } = parser.parse(xml) as { urlset: { url?: { loc: string; lastmod?: string }[] | object } };
  const urls = Array.isArray(urlset.url)
    ? urlset.url
    : urlset.url
      ? [urlset.url as { loc: string; lastmod?: string }]
      : [];
  return new Map(urls.map((url) => [url.loc, url.lastmod]));
}

/** The NATO press conference uploaded through the API as a draft, its details completed. */
async function natoDraft(reporter: StaffMember, title: string) {
  const draft = await uploadDraft(reporter.api, { title, text: NATO });
  expect(draft.speakers.map((speaker) => speaker.name)).toContain("Jens Stoltenberg");
  await completeDetails(reporter.api, draft.id, { place: "Brussels" });
  return draft;
}

/** The NATO press conference published; `url` is its reading page's absolute address. */
async function publishedNato(reporter: StaffMember, editor: StaffMember, title: string) {
  const draft = await natoDraft(reporter, title);
  const published = await publishOverWarnings(editor.api, draft.id);
  expect(published.url).toBeTruthy();
  return { ...draft, url: published.url! };
}

test("a published transcript is in the feeds and the sitemap, a draft never is, and unpublishing removes it", async ({
  request,
}) => {
  const reporter = await staffMember(request, "REPORTER", "Feed Reporter");
  const editor = await staffMember(request, "EDITOR", "Feed Editor");
  const tag = uniqueTag();
  // Markup characters in the title: the feeds must stay well-formed and show them as text.
  const title = `NATO & <allies> defence ministers ${tag}`;
  const uploaded = await natoDraft(reporter, title);
  const topic = await reporter.api.post(`/api/transcripts/${uploaded.id}/entities`, {
    type: "topic",
    name: "Sea of Azov",
  });
  expect(topic.status(), await topic.text()).toBe(201);
  const transcript = { ...uploaded, url: (await publishOverWarnings(editor.api, uploaded.id)).url! };
  const draft = await natoDraft(reporter, `NATO draft ${tag}`);

  for (const feed of FEEDS) {
    const items = await feedItems(request, feed.path, feed.type);
    const item = items.find((candidate) => linkOf(candidate) === transcript.url);
    expect(item, `${feed.path} lists the transcript`).toBeTruthy();
    // RSS titles are plain text; Atom's are type="html", so their markup characters arrive escaped.
    const isAtom = feed.path.endsWith("atom.xml");
    expect(textOf(item!.title)).toBe(
      isAtom ? title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") : title,
    );
    expect(
      items.some((candidate) => textOf(candidate.title).includes(`NATO draft ${tag}`)),
      feed.path,
    ).toBe(false);
  }
  const pages = await sitemap(request);
  expect(pages.get(transcript.url)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect([...pages.keys()].some((url) => url.endsWith(`/t/${draft.slug}`))).toBe(false);
  expect([...pages.keys()].some((url) => url.endsWith("/speakers/jens-stoltenberg"))).toBe(true);
  expect([...pages.keys()].some((url) => url.endsWith("/topics/sea-of-azov"))).toBe(true);

  const unpublished = await transition(editor.api, transcript.id, { to: "UNPUBLISHED", note: "Legal review." });
  expect(unpublished.status(), await unpublished.text()).toBe(200);

  for (const feed of FEEDS) {
    const items = await feedItems(request, feed.path, feed.type);
    expect(items.map(linkOf), `${feed.path} no longer lists it`).not.toContain(transcript.url);
  }
  expect((await sitemap(request)).has(transcript.url)).toBe(false);
});

test("a correction moves the entry's updated date and says so", async ({ request }) => {
  const reporter = await staffMember(request, "REPORTER", "Feed Reporter");
  const editor = await staffMember(request, "EDITOR", "Feed Editor");
  const transcript = await publishedNato(reporter, editor, `NATO corrected ${uniqueTag()}`);
  const entryOf = async () =>
    (await feedItems(request, "/atom.xml", FEEDS[1].type)).find((item) => linkOf(item) === transcript.url)!;
  const before = await entryOf();
  expect(before, "the Atom feed lists the transcript").toBeTruthy();
  expect(textOf(before.summary)).not.toContain("Corrected");

  const paragraph = transcript.segments.find((segment) => segment.text.includes("Good afternoon"))!;
  await correct(editor.api, transcript.id, {
    segmentId: paragraph.id,
    text: paragraph.text.replace("Good afternoon", "Good evening"),
    reason: "It was evening in Brussels.",
  });

  const after = await entryOf();
  expect(textOf(after.summary)).toContain("Corrected once");
  expect(Date.parse(after.updated!)).toBeGreaterThan(Date.parse(before.updated!));
  const lastmod = (await sitemap(request)).get(transcript.url);
  expect(lastmod && Date.parse(lastmod)).toBe(Date.parse(after.updated!));
});

test("feeds answer 304 to a reader who has them, and 404 for a speaker or topic nobody can read about", async ({
  request,
}) => {
  // Other tests publish while this runs, which changes the site's feed and its ETag: ask until two requests in a row
  // see the same feed.
  await expect
    .poll(
      async () => {
        const first = await request.get("/feed.xml");
        const etag = first.headers()["etag"];
        expect(etag).toBeTruthy();
        expect(first.headers()["cache-control"]).toContain("must-revalidate");
        return (await request.get("/feed.xml", { headers: { "if-none-match": etag! } })).status();
      },
      { timeout: 15_000 },
    )
    .toBe(304);

  for (const feedPath of [
    "/speakers/no-such-speaker/feed.xml",
    "/speakers/no-such-speaker/atom.xml",
    "/topics/no-such-topic/feed.xml",
    "/topics/no-such-topic/atom.xml",
  ]) {
    expect((await request.get(feedPath)).status(), feedPath).toBe(404);
  }
});

test("robots.txt keeps crawlers out of the desk, admin and API, and names the sitemap", async ({
  request,
  baseURL,
}) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  const robots = await response.text();
  for (const path of ["/desk", "/admin", "/api/", "/embed/", "/search"]) {
    expect(robots).toContain(`Disallow: ${path}\n`);
  }
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test("every public page names the site's feeds for autodiscovery", async ({ page, baseURL }) => {
  await page.goto("/");
  await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    "href",
    `${baseURL}/feed.xml`,
  );
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    "href",
    `${baseURL}/atom.xml`,
  );
  await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    "title",
    "Verbatim (RSS)",
  );
});
