import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { sitemapChunk, sitemapFileCount, sitemapIndexXml, urlsetXml, type SitemapEntry } from "./sitemap";

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "url" || name === "sitemap" });

function entries(count: number): SitemapEntry[] {
  return Array.from({ length: count }, (_, index) => ({
    url: `https://news.example/t/briefing-${index + 1}?a=1&b=2`,
    lastModified: index % 3 === 0 ? null : new Date(Date.UTC(2026, 0, 1 + index)).toISOString(),
  }));
}

describe("the sitemap", () => {
  it("is one urlset while the addresses fit, escaped and valid", () => {
    const xml = urlsetXml(entries(3));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain("&amp;b=2");
    const { urlset } = parser.parse(xml) as { urlset: { "@_xmlns": string; url: { loc: string; lastmod?: string }[] } };
    expect(urlset["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(urlset.url.map((url) => url.loc)).toEqual(entries(3).map((entry) => entry.url));
    expect(urlset.url[0]!.lastmod).toBeUndefined();
    expect(urlset.url[1]!.lastmod).toBe(entries(3)[1]!.lastModified);
  });

  it("splits past the limit into files named by an index, every address in exactly one file", () => {
    const all = entries(11);
    const max = 4;
    expect(sitemapFileCount(11, max)).toBe(3);
    expect(sitemapFileCount(4, max)).toBe(1);
    expect(sitemapFileCount(0, max)).toBe(1);
    const chunks = [1, 2, 3].map((file) => sitemapChunk(all, file, max)!);
    expect(chunks.map((chunk) => chunk.length)).toEqual([4, 4, 3]);
    expect(chunks.flat()).toEqual(all);
    for (const missing of [0, 4, 1.5, Number.NaN]) expect(sitemapChunk(all, missing, max)).toBeNull();
    // While everything fits, there are no separate files.
    expect(sitemapChunk(entries(4), 1, max)).toBeNull();

    const xml = sitemapIndexXml(all, (file) => `https://news.example/sitemaps/${file}.xml`, max);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { sitemapindex } = parser.parse(xml) as { sitemapindex: { sitemap: { loc: string; lastmod?: string }[] } };
    expect(sitemapindex.sitemap.map((file) => file.loc)).toEqual(
      [1, 2, 3].map((n) => `https://news.example/sitemaps/${n}.xml`),
    );
    // Each file's lastmod is the newest of its addresses (computed here from the chunks).
    const newest = chunks.map((chunk) =>
      chunk
        .map((entry) => entry.lastModified)
        .filter((value): value is string => value !== null)
        .sort()
        .at(-1),
    );
    expect(sitemapindex.sitemap.map((file) => file.lastmod)).toEqual(newest);
  });
});
