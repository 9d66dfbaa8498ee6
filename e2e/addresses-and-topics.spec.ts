// Issue 18, readers 3 and 7. A tag is a topic: typed in Details it shows on the reading page as a link to
// /topics/<slug>, in the feeds as a category and as a search filter. A published transcript's old address keeps
// working (301) after it is republished under a new one; before the first publication the slug follows the title.
import { expect, signIn, test } from "./fixtures";
import { expectFitsAndPassesAxe } from "./support/accessibility";
import {
  briefingText,
  completeDetails,
  publishOverWarnings,
  readDraft,
  staffMember,
  transition,
  uniqueTag,
  uploadDraft,
  type Api,
} from "./support/publishing";

async function saveDetails(api: Api, id: string, fields: Record<string, unknown>) {
  const { version } = await readDraft(api, id);
  const response = await api.patch(`/api/transcripts/${id}`, { baseVersion: version, ...fields });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { transcript: { slug: string; slugFollowsTitle: boolean } };
}

test("a tag typed in Details is a topic readers can follow: page link, topic page, feed category, search filter", async ({
  page,
  request,
}) => {
  const reporter = await staffMember(request, "REPORTER", "Tess Tagger");
  const editor = await staffMember(request, "EDITOR", "Toby Topics");
  const tag = uniqueTag();
  const topic = `Coastal fleet ${tag}`;
  const topicSlug = `coastal-fleet-${tag}`;
  const draft = await uploadDraft(reporter.api, { title: `Fisheries briefing ${tag}`, text: briefingText(tag) });
  await saveDetails(reporter.api, draft.id, { tags: [topic] });
  await completeDetails(reporter.api, draft.id, { place: "Bergen" });
  await publishOverWarnings(editor.api, draft.id);
  const { slug } = await readDraft(reporter.api, draft.id);

  await page.goto(`/t/${slug}`);
  const topics = page.getByRole("navigation", { name: "Topics" });
  await topics.getByRole("link", { name: topic }).click();
  await expect(page).toHaveURL(new RegExp(`/topics/${topicSlug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(topic);
  await expect(page.getByRole("link", { name: `Fisheries briefing ${tag}` })).toBeVisible();
  for (const [width, height] of [
    [360, 780],
    [1280, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expectFitsAndPassesAxe(page, `/topics/${topicSlug}`);
  }

  // The site's feed and the topic's own feed name it as a category.
  const feed = await (await request.get("/feed.xml")).text();
  const item = feed.split("<item>").find((entry) => entry.includes(`Fisheries briefing ${tag}`));
  expect(item).toContain(`<category>${topic}</category>`);
  const topicFeed = await request.get(`/topics/${topicSlug}/feed.xml`);
  expect(topicFeed.status()).toBe(200);
  expect(await topicFeed.text()).toContain(`Fisheries briefing ${tag}`);

  // Search offers it as a filter, and the filter finds the transcript's words.
  await page.goto(`/search?q=${encodeURIComponent("coastal fleet")}&topic=${topicSlug}`);
  await expect(page.getByRole("link", { name: new RegExp(`Fisheries briefing ${tag}`) }).first()).toBeVisible();
  const api = await request.get(`/api/public/transcripts?topic=${topicSlug}`);
  const { results } = (await api.json()) as { results: { slug: string }[] };
  expect(results.length).toBeGreaterThan(0);
  expect(new Set(results.map((result) => result.slug))).toEqual(new Set([slug]));

  // Unpublished, the topic is gone with it.
  expect((await transition(editor.api, draft.id, { to: "UNPUBLISHED", note: "Checking." })).status()).toBe(200);
  expect((await request.get(`/topics/${topicSlug}`)).status()).toBe(404);
});

test("a republished transcript's old address answers 301 to the new one, until it is unpublished", async ({
  page,
  request,
}) => {
  const reporter = await staffMember(request, "REPORTER", "Rhea Renamer");
  const editor = await staffMember(request, "EDITOR", "Ezra Addresses");
  const tag = uniqueTag();
  const draft = await uploadDraft(reporter.api, { title: `Fisheries briefing ${tag}`, text: briefingText(tag) });
  await completeDetails(reporter.api, draft.id, { place: "Bergen" });
  await publishOverWarnings(editor.api, draft.id);
  const old = (await readDraft(reporter.api, draft.id)).slug;
  const renamed = `bergen-fisheries-agreement-${tag}`;
  await saveDetails(editor.api, draft.id, { slug: renamed });
  // Renaming the working copy changes nothing public until the next publication.
  expect((await request.get(`/t/${old}`, { maxRedirects: 0 })).status()).toBe(200);
  await publishOverWarnings(editor.api, draft.id);

  for (const [from, to] of [
    [`/t/${old}`, `/t/${renamed}`],
    [`/t/${old}/p/2`, `/t/${renamed}/p/2`],
    [`/t/${old}/changes`, `/t/${renamed}/changes`],
    [`/t/${old}/export/txt`, `/t/${renamed}/export/txt`],
  ] as const) {
    const response = await request.get(from, { maxRedirects: 0 });
    expect(response.status(), from).toBe(301);
    expect(new URL(response.headers()["location"]!, "http://x").pathname, from).toBe(to);
  }
  await page.goto(`/t/${old}`);
  await expect(page).toHaveURL(new RegExp(`/t/${renamed}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Fisheries briefing ${tag}`);

  expect((await transition(editor.api, draft.id, { to: "UNPUBLISHED", note: "Legal review." })).status()).toBe(200);
  expect((await request.get(`/t/${old}`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await request.get(`/t/${renamed}`, { maxRedirects: 0 })).status()).toBe(404);
});

test("before the first publication the address follows the title, until someone types one", async ({
  page,
  request,
}) => {
  const reporter = await staffMember(request, "REPORTER", "Tam Titles");
  const tag = uniqueTag();
  const draft = await uploadDraft(reporter.api, { title: `Untitled upload ${tag}`, text: briefingText(tag) });
  await signIn(page, reporter.email, reporter.password);
  await page.goto(`/desk/transcripts/${draft.id}`);
  await page.getByRole("tab", { name: /^Details/ }).click();
  const form = page.getByTestId("details-form");
  const title = form.getByRole("textbox", { name: "Title", exact: true });
  const slug = form.getByRole("textbox", { name: "Address (slug)" });
  await expect(slug).toHaveAccessibleDescription(/follows the title/);

  await title.fill(`Bergen fisheries briefing ${tag}`);
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(form.getByText("Details saved.")).toBeVisible();
  await expect(slug).toHaveValue(`bergen-fisheries-briefing-${tag}`);

  await slug.fill(`quota-briefing-${tag}`);
  await title.fill(`Quota briefing ${tag}`);
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(form.getByText("Details saved.")).toBeVisible();
  await expect(slug).toHaveValue(`quota-briefing-${tag}`);
  await expect(slug).toHaveAccessibleDescription(/links to the old one keep working/);

  await title.fill(`Quota briefing in Bergen ${tag}`);
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(form.getByText("Details saved.")).toBeVisible();
  await expect(slug).toHaveValue(`quota-briefing-${tag}`);
});
