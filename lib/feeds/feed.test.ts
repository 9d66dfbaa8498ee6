import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { entryGuid, renderFeed, type FeedChannel, type FeedEntry, type FeedFormat } from "./feed";

const SITE = "https://news.example.org";

const CHANNEL: FeedChannel = {
  title: "Daily Record & <Review>",
  description: "The latest transcripts published by Daily Record & <Review>.",
  pagePath: "/",
  feedPaths: { rss: "/feed.xml", atom: "/atom.xml" },
  siteName: "Daily Record & <Review>",
  siteUrl: SITE,
};

function entry(overrides: Partial<FeedEntry> = {}): FeedEntry {
  return {
    transcriptId: "cm0nato0000000000000001",
    title: "NATO defence ministers press conference",
    path: "/t/nato-defence-ministers-press-conference",
    summary: "Jens Stoltenberg on Afghanistan, Iraq and the Sea of Azov.",
    occurredAt: new Date("2019-02-14T00:00:00Z"),
    place: "Brussels",
    speakers: ["Jens Stoltenberg", "Oana Lungescu"],
    categories: ["Sea of Azov", "Afghanistan"],
    publishedAt: new Date("2019-02-14T18:00:00Z"),
    updatedAt: new Date("2019-02-14T18:00:00Z"),
    correctionCount: 0,
    authors: [],
    ...overrides,
  };
}

/** The entries that test markup, non-Latin scripts and a correction, newest publication first. */
const ENTRIES: FeedEntry[] = [
  entry({
    transcriptId: "cm0kerch000000000000002",
    title: "Q&A: <Kerch> strait & the “Azov” blockade",
    path: "/t/kerch-strait",
    summary: "Ships <seized> & sailors held.",
    categories: ["Kerch & Azov", "Ukraine"],
    publishedAt: new Date("2019-03-01T10:00:00Z"),
    updatedAt: new Date("2019-03-04T09:30:00Z"),
    correctionCount: 2,
    authors: [
      { name: "Rita Reporter", path: "/authors/rita-reporter" },
      { name: "Ана Іваненко", path: "/authors/ana-ivanenko" },
    ],
  }),
  entry({
    transcriptId: "cm0beijing0000000000003",
    title: "北约秘书长记者会 — Пресс-конференция",
    path: "/t/beijing",
    summary: null,
    occurredAt: null,
    place: null,
    speakers: [],
    categories: [],
    publishedAt: new Date("2019-02-20T08:00:00Z"),
    updatedAt: new Date("2019-02-20T08:00:00Z"),
  }),
  entry(),
];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  isArray: (_name, path) =>
    [
      "rss.channel.item",
      "rss.channel.item.category",
      "rss.channel.atom:link",
      "feed.link",
      "feed.entry",
      "feed.entry.link",
      "feed.entry.category",
    ].includes(String(path)),
});

type Node = Record<string, unknown>;

function parse(format: FeedFormat, entries: readonly FeedEntry[] = ENTRIES): Node {
  const xml = renderFeed(format, CHANNEL, entries, new Date("2020-01-01T00:00:00Z"));
  // Well-formed XML first: a stray "<" or "&" anywhere fails here with its line.
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Node;
}

function text(node: unknown): string {
  if (node === undefined) return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  return String((node as Node)["#text"] ?? "");
}

/** What a feed reader shows for a type="html" Atom text or an RSS description: the markup, decoded once more. */
function decodeHtml(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

describe("RSS 2.0", () => {
  const rss = parse("rss").rss as Node;
  const channel = rss.channel as Node;
  const items = channel.item as Node[];

  it("describes the channel with its page, its own address and the newest entry's date", () => {
    expect(rss["@version"]).toBe("2.0");
    expect(text(channel.title)).toBe(CHANNEL.title);
    expect(text(channel.link)).toBe(`${SITE}/`);
    expect(channel["atom:link"]).toEqual([
      expect.objectContaining({ "@href": `${SITE}/feed.xml`, "@rel": "self", "@type": "application/rss+xml" }),
    ]);
    // The Kerch entry's correction is the newest change, though it is not the newest publication's date.
    expect(text(channel.lastBuildDate)).toBe("Mon, 04 Mar 2019 09:30:00 GMT");
  });

  it("lists the entries in the order given, with absolute links, stable guids and first-publication dates", () => {
    expect(items.map((item) => text(item.link))).toEqual([
      `${SITE}/t/kerch-strait`,
      `${SITE}/t/beijing`,
      `${SITE}/t/nato-defence-ministers-press-conference`,
    ]);
    expect(items.map((item) => text(item.guid))).toEqual(ENTRIES.map((entry) => entryGuid(entry.transcriptId)));
    expect((items[0]!.guid as Node)["@isPermaLink"]).toBe("false");
    expect(text(items[0]!.pubDate)).toBe("Fri, 01 Mar 2019 10:00:00 GMT");
    expect(text(items[0]!["atom:updated"])).toBe("2019-03-04T09:30:00.000Z");
  });

  it("keeps markup characters and non-Latin titles as the reader typed them", () => {
    expect(text(items[0]!.title)).toBe("Q&A: <Kerch> strait & the “Azov” blockade");
    expect(text(items[1]!.title)).toBe("北约秘书长记者会 — Пресс-конференция");
  });

  it("describes each entry: summary, date and place, speakers, and corrections", () => {
    expect(decodeHtml(text(items[0]!.description))).toBe(
      "Ships <seized> & sailors held. 14 February 2019, Brussels Speakers: Jens Stoltenberg, Oana Lungescu " +
        "Corrected 2 times, last on 4 March 2019",
    );
    // Escaped as HTML: "<seized>" is words, not a tag.
    expect(text(items[0]!.description)).toContain("&lt;seized&gt;");
    expect(decodeHtml(text(items[2]!.description))).not.toContain("Corrected");
    expect(text(items[1]!.description)).toBe("");
  });

  it("names the byline's authors as the creator (the newsroom when it names nobody) and the entities as categories", () => {
    expect(text(items[0]!["dc:creator"])).toBe("Rita Reporter, Ана Іваненко");
    expect(text(items[1]!["dc:creator"])).toBe(CHANNEL.siteName);
    expect(rss["@xmlns:dc"]).toBe("http://purl.org/dc/elements/1.1/");
    expect((items[0]!.category as unknown[]).map(text)).toEqual(["Kerch & Azov", "Ukraine"]);
    expect(items[1]!.category).toBeUndefined();
  });
});

describe("Atom 1.0", () => {
  const feed = parse("atom").feed as Node;
  const entries = feed.entry as Node[];

  it("describes the feed with a unique id, its self and page links, the newsroom and the newest entry's date", () => {
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(text(feed.id)).toBe(`${SITE}/atom.xml`);
    expect(text(feed.title)).toBe(CHANNEL.title);
    expect(feed.link).toEqual([
      { "@rel": "alternate", "@href": `${SITE}/` },
      { "@rel": "self", "@href": `${SITE}/atom.xml` },
    ]);
    expect(text((feed.author as Node).name)).toBe(CHANNEL.siteName);
    expect(text(feed.updated)).toBe("2019-03-04T09:30:00.000Z");
  });

  it("dates each entry by its first publication and its latest correction", () => {
    expect(entries.map((entry) => [text(entry.published), text(entry.updated)])).toEqual([
      ["2019-03-01T10:00:00.000Z", "2019-03-04T09:30:00.000Z"],
      ["2019-02-20T08:00:00.000Z", "2019-02-20T08:00:00.000Z"],
      ["2019-02-14T18:00:00.000Z", "2019-02-14T18:00:00.000Z"],
    ]);
    expect(entries.map((entry) => text(entry.id))).toEqual(ENTRIES.map((entry) => entryGuid(entry.transcriptId)));
    expect((entries[0]!.link as Node[])[0]).toEqual({ "@href": `${SITE}/t/kerch-strait` });
  });

  it("escapes titles for type=html, so markup characters reach the reader as text", () => {
    expect((entries[0]!.title as Node)["@type"]).toBe("html");
    expect(decodeHtml(text(entries[0]!.title))).toBe("Q&A: <Kerch> strait & the “Azov” blockade");
    expect(text(entries[0]!.title)).toContain("&lt;Kerch&gt;");
    expect(text(entries[1]!.title)).toBe("北约秘书长记者会 — Пресс-конференция");
  });

  it("summarises each entry and names its categories and author", () => {
    expect(decodeHtml(text(entries[0]!.summary))).toContain("Corrected 2 times, last on 4 March 2019");
    expect((entries[0]!.category as Node[]).map((category) => category["@term"])).toEqual(["Kerch & Azov", "Ukraine"]);
    expect((entries[0]!.author as Node[]).map((author) => [text(author.name), text(author.uri)])).toEqual([
      ["Rita Reporter", `${SITE}/authors/rita-reporter`],
      ["Ана Іваненко", `${SITE}/authors/ana-ivanenko`],
    ]);
    expect(text((entries[1]!.author as Node).name)).toBe(CHANNEL.siteName);
  });
});

describe("a title that ends a CDATA section", () => {
  it("survives in both formats", () => {
    const title = "Stoltenberg: ]]> is not the end";
    const rss = (parse("rss", [entry({ title })]).rss as Node).channel as Node;
    expect(text((rss.item as Node[])[0]!.title)).toBe(title);
    const atom = parse("atom", [entry({ title })]).feed as Node;
    expect(decodeHtml(text((atom.entry as Node[])[0]!.title))).toBe(title);
  });
});

describe("an empty feed", () => {
  it("is valid and dated by the fallback", () => {
    const rss = (parse("rss", []).rss as Node).channel as Node;
    expect(rss.item).toBeUndefined();
    expect(text(rss.lastBuildDate)).toBe("Wed, 01 Jan 2020 00:00:00 GMT");
    const atom = parse("atom", []).feed as Node;
    expect(text(atom.updated)).toBe("2020-01-01T00:00:00.000Z");
  });
});
