// Every staff and public screen at a phone's width and a desktop's: no axe violations, and nothing wider than
// the screen (a table or form that runs off the right edge hides what a reporter on the road needs).
import AxeBuilder from "@axe-core/playwright";
import { db } from "@/lib/db";
import { createAnnotation } from "@/lib/editor/annotations";
import { editSegment } from "@/lib/editor/segments";
import { createDraftFromUpload } from "@/lib/transcripts/create-draft";
import { expect, seedUser, signIn, test } from "./fixtures";

const WIDTHS = [
  { name: "phone", width: 360, height: 780 },
  { name: "desktop", width: 1280, height: 900 },
] as const;

const PUBLIC_PAGES = ["/", "/signin"];

async function expectAccessibleAndFitting(page: import("@playwright/test").Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expectShownAccessibleAndFitting(page, path);
}

/** The page as it is now (after a click, say): no axe violations, nothing wider than the screen. */
async function expectShownAccessibleAndFitting(page: import("@playwright/test").Page, path: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${path} is wider than the screen`).toBeLessThanOrEqual(0);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(
    violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    ),
    path,
  ).toEqual([]);
}

for (const { name, width, height } of WIDTHS) {
  test(`staff screens pass axe and fit a ${name} (${width} px)`, async ({ page }) => {
    const admin = await seedUser("ADMIN", "Ada Accessible");
    const draft = await createDraftFromUpload({
      userId: admin.id,
      input: {
        bytes: new TextEncoder().encode(
          "MODERATOR: Good morning.\n\nMINISTER HOLM: Thank you. The fisheries agreement was signed in Bergen.",
        ),
        filename: "briefing-with-a-rather-long-file-name-that-must-wrap-on-a-phone.txt",
        mediaType: "text/plain",
      },
    });
    // An edit and an annotation, so the editor shows a highlight and the history page a diff.
    const first = await db.segment.findFirstOrThrow({
      where: { transcriptId: draft.id },
      orderBy: { position: "asc" },
    });
    await editSegment(admin, draft.id, first.id, { text: "Good morning, everyone, and welcome.", baseVersion: 1 });
    await createAnnotation(admin, draft.id, {
      segmentId: first.id,
      start: 14,
      end: 22,
      kind: "note",
      body: "Check the **recording** for the greeting.",
    });
    await page.setViewportSize({ width, height });
    await signIn(page, admin.email, admin.password);
    for (const path of [
      "/desk",
      "/desk/upload",
      "/desk/transcripts",
      `/desk/transcripts/${draft.id}`,
      `/desk/transcripts/${draft.id}/history`,
      "/desk/account",
      "/admin",
      "/admin/audit",
    ]) {
      await expectAccessibleAndFitting(page, path);
    }

    // The editor's side panels render when opened: each one is checked open, and so is the shortcut sheet.
    await page.goto(`/desk/transcripts/${draft.id}`);
    for (const tab of ["Notes", "Speakers", "Entities", "Details", "Source"]) {
      await page.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
      await expect(page.getByRole("tab", { name: new RegExp(`^${tab}`) })).toHaveAttribute("aria-selected", "true");
      await expectShownAccessibleAndFitting(page, `editor, ${tab} panel`);
    }
    // On a phone the panels are a drawer over the text: close it to reach the toolbar.
    const closePanel = page.getByRole("button", { name: "Close panel" });
    if (await closePanel.isVisible()) await closePanel.click();
    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    await expect(page.getByTestId("shortcut-sheet")).toBeVisible();
    await expectShownAccessibleAndFitting(page, "editor, shortcut sheet");
  });

  test(`public screens pass axe and fit a ${name} (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    for (const path of PUBLIC_PAGES) await expectAccessibleAndFitting(page, path);
  });
}
