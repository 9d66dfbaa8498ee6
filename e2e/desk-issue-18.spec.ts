// Desk fixes from issue 18: the Details form's Title field has its own label, a 404 shows the site's header and footer
// once, the "need review" badge is gone at zero, the search heading does not nest quotes, a transcript waiting for
// review opens Review & publish for an editor, and unpublishing asks to confirm.
import type { Page } from "@playwright/test";
import { expect, seedUser, signIn, test } from "./fixtures";
import {
  annotate,
  briefingText,
  editParagraph,
  publishOverWarnings,
  staffMember,
  transition,
  uniqueTag,
  uploadDraft,
} from "./support/publishing";

const SCREENSHOTS = process.env.VERBATIM_SCREENSHOTS;

/** Saves what the page shows now, when VERBATIM_SCREENSHOTS names a folder (for a person to look at). */
async function keepScreenshot(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

test("the Details form's Title field is named by its own label, and clicking the label focuses it", async ({
  page,
  request,
}) => {
  const reporter = await staffMember(request, "REPORTER", "Tilda Title");
  const title = `Fisheries briefing ${uniqueTag()}`;
  const draft = await uploadDraft(reporter.api, { title, text: briefingText(uniqueTag()) });
  await signIn(page, reporter.email, reporter.password);
  await page.goto(`/desk/transcripts/${draft.id}`);
  await page.getByRole("tab", { name: /^Details/ }).click();
  const form = page.getByTestId("details-form");
  await expect(form.getByRole("textbox", { name: "Title", exact: true })).toHaveValue(title);
  // The form is still named by its heading.
  await expect(page.getByRole("form", { name: "Details" })).toBeVisible();
  await form.getByText("Title", { exact: true }).click();
  await expect(form.getByRole("textbox", { name: "Title", exact: true })).toBeFocused();
  await keepScreenshot(page, "details-form");
});

for (const path of ["/t/no-such-transcript", "/q/no-such-quote", "/speakers/no-such-speaker", "/no-such-page"]) {
  test(`a 404 at ${path} shows the site's header and footer once`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
    await expect(page.getByRole("banner")).toHaveCount(1);
    await expect(page.getByRole("contentinfo")).toHaveCount(1);
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(page.getByRole("navigation", { name: "Site" })).toHaveCount(1);
    // Nested copies are no landmarks, so count the elements too.
    await expect(page.locator("header")).toHaveCount(1);
    await expect(page.locator("footer")).toHaveCount(1);
    await expect(page.locator("main")).toHaveCount(1);
    await keepScreenshot(page, `not-found${path.replaceAll("/", "-")}`);
  });
}

test("a missing transcript on the desk shows the desk's header once and no public one", async ({ page }) => {
  const reporter = await seedUser("REPORTER", "Nora Notfound");
  await signIn(page, reporter.email, reporter.password);
  const response = await page.goto("/desk/transcripts/no-such-transcript");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Site" })).toHaveCount(0);
  await expect(page.locator("header")).toHaveCount(1);
  await expect(page.locator("main")).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Go to the desk" })).toBeVisible();
  await keepScreenshot(page, "not-found-desk");
});

test("the editor shows no “need review” badge while nothing needs review", async ({ page, request }) => {
  const reporter = await staffMember(request, "REPORTER", "Nina Nothing");
  const draft = await uploadDraft(reporter.api, { title: `Briefing ${uniqueTag()}`, text: briefingText(uniqueTag()) });
  await signIn(page, reporter.email, reporter.password);
  await page.goto(`/desk/transcripts/${draft.id}`);
  await expect(page.getByRole("link", { name: "Review & publish" })).toBeVisible();
  await expect(page.getByTestId("needs-review-count")).toHaveCount(0);
  await expect(page.getByText(/need review/)).toHaveCount(0);
  await keepScreenshot(page, "editor-no-review-badge");

  // Once the words an annotation was on are gone, it needs review, and the badge says so.
  const [, statement] = draft.segments;
  await annotate(reporter.api, draft.id, statement!, "signed in Bergen", { kind: "note", body: "Which day?" });
  await editParagraph(reporter.api, draft.id, statement!, "Quotas rise by two percent next year.");
  await page.reload();
  await expect(page.getByTestId("needs-review-count")).toHaveText("1 needs review");
});

test("the search heading quotes a quoted phrase once, and a phrase among words in single quotes", async ({ page }) => {
  const tag = uniqueTag();
  await page.goto(`/search?q=${encodeURIComponent(`"resolute support mission ${tag}"`)}`);
  const heading = page.locator("#results-title");
  await expect(heading).toHaveText(`No published paragraph matches “resolute support mission ${tag}”.`);
  await expect(page).toHaveTitle(new RegExp(`^“resolute support mission ${tag}”: search`));
  await keepScreenshot(page, "search-phrase");

  await page.goto(`/search?q=${encodeURIComponent(`"sea of azov" sanctions ${tag}`)}`);
  await expect(heading).toHaveText(`No published paragraph matches “‘sea of azov’ sanctions ${tag}”.`);
});

test("a transcript waiting for review opens Review & publish for an editor and the editor for its reporter", async ({
  page,
  request,
}) => {
  const reporter = await staffMember(request, "REPORTER", "Rita Review");
  const editor = await staffMember(request, "EDITOR", "Eddie Review");
  const title = `Waiting briefing ${uniqueTag()}`;
  const draft = await uploadDraft(reporter.api, { title, text: briefingText(uniqueTag()) });
  const submitted = await transition(reporter.api, draft.id, { to: "IN_REVIEW" });
  expect(submitted.status(), await submitted.text()).toBe(200);

  await signIn(page, editor.email, editor.password);
  await page.goto("/desk");
  const waiting = page.getByTestId("queue-waiting").getByRole("link", { name: title });
  await expect(waiting).toHaveAttribute("href", `/desk/transcripts/${draft.id}/publish`);
  await keepScreenshot(page, "desk-queue-editor");
  await waiting.click();
  await expect(page).toHaveURL(new RegExp(`/desk/transcripts/${draft.id}/publish$`));
  await expect(page.getByRole("button", { name: "Publish now" })).toBeVisible();
  await page.goto("/desk/transcripts");
  await expect(page.getByRole("link", { name: title })).toHaveAttribute(
    "href",
    `/desk/transcripts/${draft.id}/publish`,
  );

  // A reporter cannot publish: the editor is where their work goes on.
  await page.context().clearCookies();
  await signIn(page, reporter.email, reporter.password);
  await page.goto("/desk");
  await expect(page.getByTestId("queue-waiting").getByRole("link", { name: title })).toHaveAttribute(
    "href",
    `/desk/transcripts/${draft.id}`,
  );
  await page.goto("/desk/transcripts");
  await expect(page.getByRole("link", { name: title })).toHaveAttribute("href", `/desk/transcripts/${draft.id}`);
});

test("unpublishing asks to confirm, and cancelling leaves the transcript published", async ({ page, request }) => {
  const reporter = await staffMember(request, "REPORTER", "Ulla Unpublish");
  const editor = await staffMember(request, "EDITOR", "Edna Unpublish");
  const draft = await uploadDraft(reporter.api, { title: `Briefing ${uniqueTag()}`, text: briefingText(uniqueTag()) });
  await publishOverWarnings(editor.api, draft.id);

  await signIn(page, editor.email, editor.password);
  await page.goto(`/desk/transcripts/${draft.id}/publish`);
  await expect(page.getByTestId("workflow-status")).toHaveText("Published");
  await page.getByLabel("Reason (kept in the timeline and the audit log)").fill("Wrong attribution.");
  await page.getByRole("button", { name: "Unpublish", exact: true }).click();

  const confirmation = page.getByRole("alertdialog", { name: "Unpublish this transcript?" });
  await expect(confirmation).toBeVisible();
  await expect(confirmation).toContainText("Wrong attribution.");
  await expect(confirmation.getByRole("button", { name: "Yes, unpublish" })).toBeFocused();
  await keepScreenshot(page, "unpublish-confirmation");
  await confirmation.getByRole("button", { name: "Cancel" }).click();
  await expect(confirmation).toHaveCount(0);
  await expect(page.getByTestId("workflow-status")).toHaveText("Published");
  await expect(page.getByRole("button", { name: "Unpublish", exact: true })).toBeFocused();
  // The reason typed is kept for the next try.
  await expect(page.getByLabel("Reason (kept in the timeline and the audit log)")).toHaveValue("Wrong attribution.");

  await page.getByRole("button", { name: "Unpublish", exact: true }).click();
  await page.getByRole("button", { name: "Yes, unpublish" }).click();
  await expect(page.getByTestId("workflow-status")).toHaveText("Unpublished");
  await expect(page.getByTestId("timeline")).toContainText(`${editor.name} unpublished it`);
});

test("“Choose files” shows where the keyboard is: its label carries the focus ring of the hidden file input", async ({
  page,
}) => {
  const reporter = await seedUser("REPORTER", "Keyboard Reporter");
  await signIn(page, reporter.email, reporter.password);
  await page.goto("/desk/upload");
  const picker = page.locator("label", { hasText: "Choose files" });
  const ring = () => picker.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(await ring()).toBe("none");
  // Reach the file input from the keyboard, as a person tabbing through the page would.
  const input = picker.locator('input[type="file"]');
  for (let step = 0; step < 40 && !(await input.evaluate((element) => element === document.activeElement)); step++) {
    await page.keyboard.press("Tab");
  }
  await expect(input).toBeFocused();
  expect(await ring()).toBe("solid");
  await keepScreenshot(page, "choose-files-focus");
});
