// The reading page's "Copy link" buttons share one handler (components/reader/copy-links.tsx) instead of a client
// component each: a button copies its paragraph's absolute address and says so; without a clipboard the address is
// shown selected, to copy by hand.
import { expect, test } from "./fixtures";
import { publishedBriefing, staffMember } from "./support/publishing";

test("Copy link copies a paragraph's absolute address and says so once", async ({ page, request, context }) => {
  const reporter = await staffMember(request, "REPORTER", "Cora Copier");
  const editor = await staffMember(request, "EDITOR", "Cal Clipboard");
  const briefing = await publishedBriefing(reporter, editor);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(briefing.path);

  await page.getByRole("button", { name: "Copy link to paragraph 3" }).click();
  const status = page.getByTestId("copy-link-status").getByRole("status");
  await expect(status).toHaveText("Link copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    new URL(`${briefing.path}#p-3`, page.url()).href,
  );
  // It goes away by itself.
  await expect(status).toHaveText("", { timeout: 5_000 });

  await page.getByRole("button", { name: "Copy link to paragraph 1" }).click();
  await expect(status).toHaveText("Link copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    new URL(`${briefing.path}#p-1`, page.url()).href,
  );
  // A key quote's page uses the same handler: it copies the passage's address, text fragment included.
  await page.goto(`/q/${briefing.quoteId}`);
  const passage = await page.getByRole("link", { name: /^Read it in context/ }).getAttribute("href");
  await page.getByRole("button", { name: "Copy link to this passage" }).click();
  await expect(page.getByTestId("copy-link-status").getByRole("status")).toHaveText("Link copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(passage!, page.url()).href);
});

test("without a clipboard, the address is shown selected to copy by hand", async ({ page, request }) => {
  const reporter = await staffMember(request, "REPORTER", "Cora Manual");
  const editor = await staffMember(request, "EDITOR", "Cal Manual");
  const briefing = await publishedBriefing(reporter, editor);
  await page.addInitScript(() => {
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: () => Promise.reject(new Error("Refused")) },
    });
  });
  await page.goto(briefing.path);
  await page.getByRole("button", { name: "Copy link to paragraph 2" }).click();
  const box = page.getByRole("textbox", { name: "Link to copy" });
  await expect(box).toHaveValue(new URL(`${briefing.path}#p-2`, page.url()).href);
  await expect(box).toBeFocused();
  expect(await box.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd])).toEqual([
    0,
    new URL(`${briefing.path}#p-2`, page.url()).href.length,
  ]);
  await page.getByRole("button", { name: "Close" }).click();
  await expect(box).toHaveCount(0);
});
