// A reader's filtered view can be shared: "Show paragraphs by" puts the speaker in the address (?speaker=<slug>), and
// that address opens with the same filter, on the cached page every reader gets.
import { expect, test } from "./fixtures";
import { publishedBriefing, staffMember } from "./support/publishing";

test("choosing a speaker puts them in the address, and that address opens filtered", async ({ page, request }) => {
  const reporter = await staffMember(request, "REPORTER", "Filter Reporter");
  const editor = await staffMember(request, "EDITOR", "Filter Editor");
  const briefing = await publishedBriefing(reporter, editor);

  await page.goto(`${briefing.path}#p-2`);
  const filter = page.getByLabel("Show paragraphs by");
  const minister = (await filter.locator("option").allTextContents()).find((label) => label.includes("Holm"))!;
  await filter.selectOption({ label: minister });
  // The fragment stays; the speaker joins the address.
  await expect(page).toHaveURL(new RegExp(`${briefing.path}\\?speaker=[a-z-]*holm#p-2$`));
  await expect(page.locator("#p-1")).toBeHidden();
  await expect(page.locator("#p-2")).toBeVisible();
  await expect(page.locator("#p-4")).toBeVisible();

  // Someone opening the shared address sees the same view.
  const shared = page.url();
  const reader = await page.context().newPage();
  await reader.goto(shared);
  await expect(reader.getByLabel("Show paragraphs by")).toHaveValue(await filter.inputValue());
  await expect(reader.locator("#p-1")).toBeHidden();
  await expect(reader.locator("#p-3")).toBeHidden();
  await expect(reader.locator("#p-2")).toBeVisible();

  // Everyone again: the speaker leaves the address.
  await reader.getByRole("button", { name: "Show everyone" }).click();
  await expect(reader).toHaveURL(new RegExp(`${briefing.path}#p-2$`));
  await expect(reader.locator("#p-1")).toBeVisible();

  // A name the transcript does not have shows everyone.
  await reader.goto(`${briefing.path}?speaker=nobody-at-all`);
  await expect(reader.getByLabel("Show paragraphs by")).toHaveValue("");
  await expect(reader.locator("#p-1")).toBeVisible();
});
