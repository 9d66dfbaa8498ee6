// Every public page at a phone's width and a desktop's, with a published transcript that has a context note, a
// fact-check, a key quote and a correction: no serious or critical axe violations, nothing wider than the screen,
// one h1 and a main landmark, a working skip link, and annotations a keyboard can reach.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectFitsAndPassesAxe } from "./support/accessibility";
import { publishedBriefing, staffMember, uniqueTag } from "./support/publishing";

const WIDTHS = [
  { name: "phone", width: 360, height: 780 },
  { name: "desktop", width: 1280, height: 900 },
] as const;

async function expectPageAccessible(page: Page, path: string) {
  await expectFitsAndPassesAxe(page, path);
  await expect(page.getByRole("main"), `${path} has a main landmark`).toHaveCount(1);

  // The skip link is the first stop for the keyboard, shows when focused, and takes the next Tab into the content.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip, path).toBeFocused();
  const box = await skip.boundingBox();
  expect(box && box.width > 1 && box.height > 1, `${path}: the focused skip link is visible`).toBe(true);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(
    new RegExp(`${(path === "/" ? "/" : path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}#main$`),
  );
  await page.keyboard.press("Tab");
  const insideMain = await page.evaluate(() => {
    const active = document.activeElement;
    return Boolean(active && active !== document.body && document.querySelector("main")?.contains(active));
  });
  expect(insideMain, `${path}: Tab after the skip link lands in the main content`).toBe(true);
}

/** Tabs through the page from the top and collects the annotation marks the focus stops on. */
async function tabToMarks(page: Page, expected: number): Promise<string[]> {
  const reached: string[] = [];
  const stops = await page.evaluate(
    () => document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]").length,
  );
  for (let press = 0; press < stops + 5 && reached.length < expected; press++) {
    await page.keyboard.press("Tab");
    const href = await page.evaluate(() => {
      const active = document.activeElement;
      return active?.matches("mark a[href]") ? active.getAttribute("href") : null;
    });
    if (href && !reached.includes(href)) reached.push(href);
  }
  return reached;
}

for (const { name, width, height } of WIDTHS) {
  test(`public pages pass axe, fit and work by keyboard on a ${name} (${width} px)`, async ({ page, request }) => {
    // Six pages, each through axe and the keyboard.
    test.slow();
    const tag = uniqueTag();
    const reporter = await staffMember(request, "REPORTER", `Rosa Reporter ${tag}`);
    const editor = await staffMember(request, "EDITOR", `Edgar Editor ${tag}`);
    const briefing = await publishedBriefing(reporter, editor);
    await page.setViewportSize({ width, height });

    const search = `/search?q=${encodeURIComponent('"fisheries agreement"')}&from=2019-01-01`;
    for (const path of [
      "/",
      "/corrections",
      briefing.path,
      `${briefing.path}/changes`,
      `/q/${briefing.quoteId}`,
      search,
    ]) {
      await expectPageAccessible(page, path);
    }

    // The reading page shows what the checks above ran on: marks, a fact-check, the correction.
    await page.goto(briefing.path);
    await expect(page.locator(`aside#note-${briefing.factcheckId}`)).toContainText("Misleading");
    await expect(page.locator(".reader-correction")).toContainText("The agreement was signed on Monday");
    const marks = await page
      .locator("mark a[href]")
      .evaluateAll((links) => [...new Set(links.map((link) => link.getAttribute("href")!))]);
    expect(marks.sort()).toEqual(
      [briefing.contextId, briefing.factcheckId, briefing.quoteId].map((id) => `#note-${id}`).sort(),
    );

    // Tab reaches every marked passage, in reading order.
    const reached = await tabToMarks(page, marks.length);
    expect(reached).toEqual([
      `#note-${briefing.contextId}`,
      `#note-${briefing.factcheckId}`,
      `#note-${briefing.quoteId}`,
    ]);

    // Enter on the focused mark (the quote's) moves to its note, and the note leads back.
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`#note-${briefing.quoteId}$`));
    const aside = page.locator(`aside#note-${briefing.quoteId}`);
    await expect(aside).toBeFocused();
    await expect(aside).toBeInViewport();
    await page.keyboard.press("Tab");
    await expect(aside.getByRole("link", { name: "Share this quote" })).toBeFocused();
    await page.keyboard.press("Tab");
    const back = aside.getByRole("link", { name: "Back to the passage" });
    await expect(back).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`#ref-${briefing.quoteId}$`));
    await expect(page.locator(`#ref-${briefing.quoteId}`)).toBeInViewport();
  });
}
