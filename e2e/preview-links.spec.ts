// Preview links (issue 18, item 4): a link to a draft's working copy for someone outside the staff. Created and
// revoked through the API and the editor; opened by an anonymous browser, which sees the working copy with a "Not
// published" banner, noindex in the header and the page, and never an internal note; expired or revoked links and
// unknown tokens answer 404; the link is never in the sitemap, the feeds or search.
import { randomInt } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { db } from "@/lib/db";
import { hashPreviewToken } from "@/lib/preview-links/preview-links";
import { expect, signIn, test } from "./fixtures";
import { expectFitsAndPassesAxe } from "./support/accessibility";
import { annotate, json, staffMember, uniqueTag, uploadDraft, type StaffMember } from "./support/publishing";

const SCREENSHOTS = process.env.VERBATIM_SCREENSHOTS;

interface CreatedLink {
  link: { id: string; url: string; expiresAt: string };
}

const INTERNAL_NOTE = "Internal only: the minister's office asked us not to quote this";

/** A draft with a context note (public once published) and an internal note (never public). */
async function annotatedDraft(reporter: StaffMember) {
  const tag = uniqueTag();
  const title = `Harbour briefing ${tag}`;
  const draft = await uploadDraft(reporter.api, {
    title,
    text: [
      `MODERATOR: Good morning and welcome to the harbour briefing ${tag}.`,
      "ANNA BERG: The council approved the new harbour budget on Tuesday. Work on the north quay starts in March.",
    ].join("\n\n"),
  });
  const [welcome, budget] = draft.segments;
  await annotate(reporter.api, draft.id, welcome!, "harbour briefing", {
    kind: "context",
    body: "The council holds the briefing every quarter.",
  });
  await annotate(reporter.api, draft.id, budget!, "north quay", { kind: "note", body: INTERNAL_NOTE });
  return { ...draft, title, tag };
}

async function createLink(reporter: StaffMember, transcriptId: string, body: unknown = {}) {
  const response = await reporter.api.post(`/api/transcripts/${transcriptId}/preview-links`, body);
  expect(response.status(), await response.text()).toBe(201);
  return json<CreatedLink>(response);
}

/** A browser with no session and nothing in common with the staff's, as its own client address. */
async function anonymousPage(
  browser: Browser,
  baseURL: string | undefined,
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  const context = await browser.newContext({ baseURL, viewport, extraHTTPHeaders: { "x-forwarded-for": address } });
  return context.newPage();
}

/** The editor's Preview links section: no serious axe violation, nothing wider than the screen. */
async function expectSectionAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .include('[data-testid="preview-links"]')
    .withTags(["wcag2a", "wcag2aa", "wcag21aa"])
    .analyze();
  const serious = violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`),
  ).toEqual([]);
  const overflow = await page.evaluate(() => {
    const section = document.querySelector('[data-testid="preview-links"]');
    return [...(section?.querySelectorAll("*") ?? [])].filter(
      (element) => element.getBoundingClientRect().right > window.innerWidth + 0.5,
    ).length;
  });
  expect(overflow, "elements of Preview links past the right edge").toBe(0);
}

function pathOf(url: string): string {
  return new URL(url).pathname;
}

test("a link made through the API opens the working copy for anyone, marked Not published, noindex, no notes", async ({
  browser,
  baseURL,
  request,
}) => {
  const reporter = await staffMember(request, "REPORTER", `Rita Reporter ${uniqueTag()}`);
  const draft = await annotatedDraft(reporter);

  const body = await createLink(reporter, draft.id, { expiresInHours: 24 });
  expect(Object.keys(body)).toEqual(["link"]);
  expect(Object.keys(body.link).sort()).toEqual(["expiresAt", "id", "url"]);
  expect(body.link.url).toMatch(/^http:\/\/localhost:\d+\/preview\/[A-Za-z0-9_-]{43}$/);
  const expiresIn = new Date(body.link.expiresAt).getTime() - Date.now();
  expect(expiresIn).toBeGreaterThan(23.9 * 3_600_000);
  expect(expiresIn).toBeLessThanOrEqual(24 * 3_600_000);
  // Without a body, the default: three days.
  const byDefault = await createLink(reporter, draft.id);
  expect(new Date(byDefault.link.expiresAt).getTime() - Date.now()).toBeGreaterThan(71.9 * 3_600_000);
  // Out of bounds: refused with the API's error shape.
  for (const expiresInHours of [0, 721, 2.5, "24"]) {
    const refused = await reporter.api.post(`/api/transcripts/${draft.id}/preview-links`, { expiresInHours });
    expect(refused.status()).toBe(400);
    expect((await json<{ error: { code: string } }>(refused)).error.code).toBe("BAD_REQUEST");
  }

  const page = await anonymousPage(browser, baseURL);
  const response = await page.goto(pathOf(body.link.url));
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  expect(headers["x-robots-tag"]).toBe("noindex, nofollow");
  expect(headers["cache-control"]).toBe("private, no-store");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");

  const banner = page.getByTestId("preview-link-banner");
  await expect(banner).toContainText("Not published");
  await expect(banner).toContainText("shared by Verbatim");
  await expect(banner).toContainText("expires on");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(draft.title);
  await expect(page.getByText("The council approved the new harbour budget")).toBeVisible();
  const html = await response!.text();
  expect(html).toContain("The council holds the briefing every quarter.");
  expect(html).not.toContain(INTERNAL_NOTE);
  expect(await page.content()).not.toContain(INTERNAL_NOTE);
  // Nothing staff-only: no link into the desk.
  expect(await page.locator('a[href^="/desk"]').count()).toBe(0);
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/preview-link-page.png`, fullPage: true });
  await page.context().close();
});

test("a revoked link answers 204, then its url 404; revoking again is harmless; another transcript's link is 404", async ({
  browser,
  baseURL,
  request,
}) => {
  const reporter = await staffMember(request, "REPORTER", `Rita Reporter ${uniqueTag()}`);
  const draft = await annotatedDraft(reporter);
  const other = await annotatedDraft(reporter);
  const { link } = await createLink(reporter, draft.id);
  const { link: otherLink } = await createLink(reporter, other.id);
  const page = await anonymousPage(browser, baseURL);
  expect((await page.goto(pathOf(link.url)))?.status()).toBe(200);

  const wrongTranscript = await reporter.api.delete(`/api/transcripts/${draft.id}/preview-links/${otherLink.id}`);
  expect(wrongTranscript.status()).toBe(404);
  const unknown = await reporter.api.delete(`/api/transcripts/${draft.id}/preview-links/no-such-link`);
  expect(unknown.status()).toBe(404);
  expect((await json<{ error: { code: string } }>(unknown)).error.code).toBe("NOT_FOUND");

  const revoked = await reporter.api.delete(`/api/transcripts/${draft.id}/preview-links/${link.id}`);
  expect(revoked.status()).toBe(204);
  expect(await revoked.text()).toBe("");
  const response = await page.goto(pathOf(link.url));
  expect(response?.status()).toBe(404);
  expect(await response!.text()).not.toContain(draft.title);
  expect((await reporter.api.delete(`/api/transcripts/${draft.id}/preview-links/${link.id}`)).status()).toBe(204);
  // The other transcript's link still works.
  expect((await page.goto(pathOf(otherLink.url)))?.status()).toBe(200);

  // The list says so, and the audit log has both.
  const listed = await json<{ links: { id: string; status: string }[] }>(
    await reporter.api.get(`/api/transcripts/${draft.id}/preview-links`),
  );
  expect(listed.links).toEqual([expect.objectContaining({ id: link.id, status: "revoked" })]);
  const events = await db.auditEvent.findMany({
    where: { targetId: draft.id, action: { startsWith: "transcript.preview_link" } },
    select: { action: true },
    orderBy: { at: "asc" },
  });
  expect(events.map((event) => event.action)).toEqual([
    "transcript.preview_link_created",
    "transcript.preview_link_revoked",
  ]);
  await page.context().close();
});

test("an expired link, an unknown token and a deleted transcript's link answer 404", async ({
  browser,
  baseURL,
  request,
}) => {
  const reporter = await staffMember(request, "REPORTER", `Rita Reporter ${uniqueTag()}`);
  const draft = await annotatedDraft(reporter);
  const { link } = await createLink(reporter, draft.id);
  const token = pathOf(link.url).split("/").pop()!;
  await db.previewLink.update({
    where: { tokenHash: hashPreviewToken(token) },
    data: { expiresAt: new Date(Date.now() - 60_000) },
  });
  const page = await anonymousPage(browser, baseURL);
  const expired = await page.goto(pathOf(link.url));
  expect(expired?.status()).toBe(404);
  expect(await expired!.text()).not.toContain(draft.title);
  // The not-found page as everywhere else, and still never indexed or kept.
  expect(expired!.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  expect(expired!.headers()["cache-control"]).toContain("no-store");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
  await expect(page.locator("main")).toHaveCount(1);
  await expect(page.locator("header")).toHaveCount(1);
  for (const guess of ["/preview/not-a-token", `/preview/${"A".repeat(43)}`, `/preview/${hashPreviewToken(token)}`]) {
    expect((await page.goto(guess))?.status(), guess).toBe(404);
  }

  const deleted = await createLink(reporter, draft.id);
  expect((await page.goto(pathOf(deleted.link.url)))?.status()).toBe(200);
  await db.transcript.update({ where: { id: draft.id }, data: { deletedAt: new Date() } });
  expect((await page.goto(pathOf(deleted.link.url)))?.status()).toBe(404);
  await page.context().close();
});

test("staff who cannot edit the transcript cannot make, list or revoke its links", async ({ request }) => {
  const reporter = await staffMember(request, "REPORTER", `Rita Reporter ${uniqueTag()}`);
  const stranger = await staffMember(request, "REPORTER", `Sam Stranger ${uniqueTag()}`);
  const draft = await annotatedDraft(reporter);
  const { link } = await createLink(reporter, draft.id);
  const base = `/api/transcripts/${draft.id}/preview-links`;
  expect((await stranger.api.post(base, {})).status()).toBe(404);
  expect((await stranger.api.get(base)).status()).toBe(404);
  expect((await stranger.api.delete(`${base}/${link.id}`)).status()).toBe(404);
  expect((await request.post(base, { data: {} })).status()).toBe(401);
  expect(await db.previewLink.count({ where: { transcriptId: draft.id } })).toBe(1);
});

test("a preview link is never in the sitemap, the feeds, search or robots' allowed paths", async ({ request }) => {
  const reporter = await staffMember(request, "REPORTER", `Rita Reporter ${uniqueTag()}`);
  const draft = await annotatedDraft(reporter);
  const { link } = await createLink(reporter, draft.id);
  const path = pathOf(link.url);
  for (const address of ["/sitemap.xml", "/feed.xml", "/atom.xml", `/search?q=${draft.tag}`]) {
    const response = await request.get(address);
    expect(response.status(), address).toBeLessThan(400);
    const text = await response.text();
    expect(text, address).not.toContain("/preview/");
    expect(text, address).not.toContain(path);
    expect(text, address).not.toContain(draft.title);
  }
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Disallow: /preview/");
});

test("the editor makes a link, shows it once to copy, lists it and revokes it after asking", async ({
  page,
  request,
}) => {
  const reporter = await staffMember(request, "REPORTER", `Rita Reporter ${uniqueTag()}`);
  const draft = await annotatedDraft(reporter);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, reporter.email, reporter.password);
  await page.goto(`/desk/transcripts/${draft.id}`);
  await page.getByRole("tab", { name: /^Details/ }).click();
  const box = page.getByTestId("preview-links");
  await expect(box.getByRole("heading", { name: "Preview links" })).toBeVisible();
  await expect(box.getByText("No preview links yet.")).toBeVisible();

  await box.getByLabel("Link expires after").selectOption({ label: "7 days" });
  await box.getByRole("button", { name: "Create link" }).click();
  const url = box.getByRole("textbox", { name: "New preview link" });
  await expect(url).toHaveValue(/\/preview\/[A-Za-z0-9_-]{43}$/);
  await expect(url).toBeFocused();
  await expect(page.getByTestId("preview-links-status")).toContainText("Preview link created");
  const address = await url.inputValue();
  await box.getByRole("button", { name: "Copy link" }).click();
  await expect(box.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
  await expect(page.getByTestId("preview-links-status")).toHaveText("Link copied to the clipboard.");

  const rows = box.getByTestId("preview-link-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Active");
  await expect(rows.first()).toContainText(reporter.name);
  const stored = await db.previewLink.findFirstOrThrow({ where: { transcriptId: draft.id } });
  const days = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 86_400_000;
  expect(days).toBeCloseTo(7, 3);
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/preview-links-editor.png`, fullPage: true });

  // Revoke asks first; Cancel takes the focus back to Revoke.
  await rows
    .first()
    .getByRole("button", { name: /^Revoke the link created/ })
    .click();
  await expect(box.getByRole("button", { name: "Revoke link" })).toBeFocused();
  await expectSectionAccessible(page);
  await page.setViewportSize({ width: 360, height: 780 });
  await expect(box.getByRole("button", { name: "Revoke link" })).toBeVisible();
  await expectSectionAccessible(page);
  if (SCREENSHOTS) await box.screenshot({ path: `${SCREENSHOTS}/preview-links-editor-phone.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
  await box.getByRole("button", { name: "Cancel" }).click();
  await expect(rows.first().getByRole("button", { name: /^Revoke the link created/ })).toBeFocused();
  await rows
    .first()
    .getByRole("button", { name: /^Revoke the link created/ })
    .click();
  await box.getByRole("button", { name: "Revoke link" }).click();
  await expect(rows.first()).toContainText("Revoked");
  await expect(page.getByTestId("preview-links-status")).toContainText("revoked");
  await expect(box.getByRole("textbox", { name: "New preview link" })).toHaveCount(0);
  expect((await request.get(new URL(address).pathname)).status()).toBe(404);
});

for (const { name, width, height } of [
  { name: "phone", width: 360, height: 780 },
  { name: "desktop", width: 1280, height: 900 },
]) {
  test(`the preview page passes axe and fits on a ${name} (${width} px)`, async ({ browser, baseURL, request }) => {
    const reporter = await staffMember(request, "REPORTER", `Rita Reporter ${uniqueTag()}`);
    const draft = await annotatedDraft(reporter);
    const { link } = await createLink(reporter, draft.id);
    const page = await anonymousPage(browser, baseURL, { width, height });
    await expectFitsAndPassesAxe(page, pathOf(link.url));
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(page.getByTestId("preview-link-banner")).toBeVisible();
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/preview-link-${name}.png`, fullPage: true });
    await page.context().close();
  });
}
