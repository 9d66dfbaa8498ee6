// A correction replaces the working copy's words too. When someone has edited the paragraph since it was published
// (not yet republished), the correction form says so before anything is sent, shows both texts, and lets the editor
// start from either.
import AxeBuilder from "@axe-core/playwright";
import { expect, signIn, test } from "./fixtures";
import { editParagraph, publishedBriefing, readDraft, staffMember } from "./support/publishing";

test("the correction form warns about a paragraph's unpublished edits and shows both texts", async ({
  page,
  request,
}) => {
  const reporter = await staffMember(request, "REPORTER", "Warning Reporter");
  const editor = await staffMember(request, "EDITOR", "Warning Editor");
  const briefing = await publishedBriefing(reporter, editor);
  const draft = await readDraft(reporter.api, briefing.id);
  // The answer (paragraph 4) is edited in the working copy after publication; the question (paragraph 3) is not.
  const answer = draft.segments[3]!;
  const edited = "The coastal fleet gets the largest share it has ever had, and that is a firm promise.";
  await editParagraph(reporter.api, briefing.id, answer, edited);

  await signIn(page, editor.email, editor.password);
  await page.goto(`/desk/transcripts/${briefing.id}/publish`);
  const form = page.getByTestId("correction-form");
  const paragraph = form.getByRole("combobox", { name: /^Paragraph/ });

  await paragraph.selectOption(draft.segments[2]!.id);
  await expect(form.getByTestId("unpublished-edit-warning")).toHaveCount(0);

  await paragraph.selectOption(answer.id);
  const warning = form.getByRole("note", { name: "This paragraph has unpublished edits." });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(`Published (what readers see)${answer.text}`);
  await expect(warning).toContainText(`Working copy (not published)${edited}`);
  const field = form.getByLabel("What it should say");
  await expect(field).toHaveValue(answer.text);
  await warning.getByRole("button", { name: "Start from the working copy" }).click();
  await expect(field).toHaveValue(edited);
  await warning.getByRole("button", { name: "Start from the published text" }).click();
  await expect(field).toHaveValue(answer.text);

  // The form with its warning fits a phone and a desktop, and axe finds nothing serious.
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const { violations } = await new AxeBuilder({ page })
      .include('[data-testid="correction-form"]')
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""))).toEqual([]);
  }
});
