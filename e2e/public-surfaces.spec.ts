// Every public surface respects publication: a published transcript is on all of them, and once unpublished it is
// on none — pages, search, feeds, sitemap, exports, embeds, oEmbed and the public API — while a draft never was.
// All of them are cached, so this also proves that unpublishing expires every one.
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  briefingText,
  json,
  publishedBriefing,
  staffMember,
  transition,
  uniqueTag,
  uploadDraft,
  type PublishedBriefing,
} from "./support/publishing";

interface Surface {
  name: string;
  /** True when the surface shows the transcript now. */
  shows: (request: APIRequestContext) => Promise<boolean>;
}

async function bodyOf(request: APIRequestContext, path: string): Promise<{ status: number; body: string }> {
  const response = await request.get(path, { maxRedirects: 0 });
  return { status: response.status(), body: await response.text() };
}

/** A page that must answer 200 while published and 404 otherwise. */
function addressed(name: string, path: string): Surface {
  return {
    name,
    shows: async (request) => {
      const { status } = await bodyOf(request, path);
      expect([200, 404], `${name}: ${path} answered ${status}`).toContain(status);
      return status === 200;
    },
  };
}

/** A list that must mention the transcript while published and not otherwise. */
function listing(name: string, path: string, needle: string): Surface {
  return {
    name,
    shows: async (request) => {
      const { status, body } = await bodyOf(request, path);
      expect(status, `${name}: ${path}`).toBe(200);
      return body.includes(needle);
    },
  };
}

function surfaces(briefing: PublishedBriefing, speakerSlug: string): Surface[] {
  const { slug, quoteId, title } = briefing;
  const pageUrl = encodeURIComponent(`http://localhost:3202/t/${slug}`);
  return [
    addressed("reading page", `/t/${slug}`),
    addressed("quote page", `/q/${quoteId}`),
    addressed("JSON export", `/t/${slug}/export/json`),
    addressed("text export", `/t/${slug}/export/txt`),
    addressed("Word export", `/t/${slug}/export/docx`),
    addressed("transcript embed", `/embed/t/${slug}`),
    addressed("quote embed", `/embed/q/${quoteId}`),
    addressed("oEmbed", `/api/oembed?url=${pageUrl}&format=json`),
    addressed("public API transcript", `/api/public/transcripts/${slug}`),
    listing("speaker page", `/speakers/${speakerSlug}`, `/t/${slug}`),
    listing("search", `/search?q=${encodeURIComponent(`"${title.split(" ").at(-1)}"`)}`, `/t/${slug}`),
    listing(
      "public API search",
      `/api/public/transcripts?q=${encodeURIComponent(title.split(" ").at(-1)!)}`,
      `/t/${slug}`,
    ),
    listing("RSS feed", "/feed.xml", `/t/${slug}`),
    listing("Atom feed", "/atom.xml", `/t/${slug}`),
    listing("speaker's feed", `/speakers/${speakerSlug}/feed.xml`, `/t/${slug}`),
    listing("sitemap", "/sitemap.xml", `/t/${slug}`),
  ];
}

test("a published transcript is on every public surface, and on none once unpublished", async ({ request }) => {
  const reporter = await staffMember(request, "REPORTER", "Surfaces Reporter");
  const editor = await staffMember(request, "EDITOR", "Surfaces Editor");
  const briefing = await publishedBriefing(reporter, editor);
  const minister = (
    await json<{ speakers: { name: string }[] }>(await editor.api.get(`/api/transcripts/${briefing.id}`))
  ).speakers.find((speaker) => /holm/i.test(speaker.name));
  expect(minister).toBeTruthy();
  const speakerSlug = minister!.name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

  // Lists (feeds, the speaker's page, search) hold other tests' briefings too: each check looks for this slug only.
  // The search looks for the unique tag that ends the title and is in the first paragraph.
  const all = surfaces(briefing, speakerSlug);
  for (const surface of all)
    expect(await surface.shows(request), `${surface.name} shows it while published`).toBe(true);

  const response = await transition(editor.api, briefing.id, { to: "UNPUBLISHED", note: "Legal hold" });
  expect(response.status(), await response.text()).toBe(200);
  for (const surface of all) expect(await surface.shows(request), `${surface.name} after unpublishing`).toBe(false);
});

test("a draft is on no public surface, even by its slug", async ({ request }) => {
  const reporter = await staffMember(request, "REPORTER", "Draft Surfaces Reporter");
  const tag = uniqueTag();
  const draft = await uploadDraft(reporter.api, { title: `Unpublished briefing ${tag}`, text: briefingText(tag) });
  for (const path of [
    `/t/${draft.slug}`,
    `/t/${draft.slug}/export/json`,
    `/t/${draft.slug}/export/md`,
    `/embed/t/${draft.slug}`,
    `/api/public/transcripts/${draft.slug}`,
    `/api/oembed?url=${encodeURIComponent(`http://localhost:3202/t/${draft.slug}`)}&format=json`,
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  for (const path of [
    "/feed.xml",
    "/atom.xml",
    "/sitemap.xml",
    "/transcripts",
    `/search?q=${tag}`,
    `/api/public/transcripts?q=${tag}`,
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(await response.text(), path).not.toContain(draft.slug);
  }
});
