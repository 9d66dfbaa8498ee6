import { describe, expect, it } from "vitest";
import { feedAlternateTypes, siteFeedAlternateTypes } from "./links";

describe("feed autodiscovery links", () => {
  it("name the site's RSS and Atom feeds", () => {
    expect(siteFeedAlternateTypes("Daily Record")).toEqual({
      "application/rss+xml": [{ url: "/feed.xml", title: "Daily Record (RSS)" }],
      "application/atom+xml": [{ url: "/atom.xml", title: "Daily Record (Atom)" }],
    });
  });

  it("list a speaker's or topic's feeds after the site's", () => {
    const types = feedAlternateTypes([
      { scope: { kind: "site" }, title: "Daily Record" },
      { scope: { kind: "speaker", slug: "jens-stoltenberg" }, title: "Jens Stoltenberg" },
      { scope: { kind: "topic", slug: "sea-of-azov" }, title: "Sea of Azov" },
    ]);
    expect(types["application/rss+xml"].map((link) => link.url)).toEqual([
      "/feed.xml",
      "/speakers/jens-stoltenberg/feed.xml",
      "/topics/sea-of-azov/feed.xml",
    ]);
    expect(types["application/atom+xml"].map((link) => link.url)).toEqual([
      "/atom.xml",
      "/speakers/jens-stoltenberg/atom.xml",
      "/topics/sea-of-azov/atom.xml",
    ]);
  });
});
