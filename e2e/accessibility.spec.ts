// Every staff and public screen at a phone's width and a desktop's: no axe violations, and nothing wider than
// the screen (a table or form that runs off the right edge hides what a reporter on the road needs).
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { recordAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";
import { createAnnotation } from "@/lib/editor/annotations";
import { tagEntity } from "@/lib/editor/entities";
import { editSegment } from "@/lib/editor/segments";
import { CHECKS } from "@/lib/publishing/checks";
import { transitionTranscript } from "@/lib/publishing/workflow";
import { createDraftFromUpload } from "@/lib/transcripts/create-draft";
import { expect, seedUser, signIn, test } from "./fixtures";
import { expectNamedFieldsAndUniqueIds } from "./support/accessibility";

const WIDTHS = [
  { name: "phone", width: 360, height: 780 },
  { name: "desktop", width: 1280, height: 900 },
] as const;

const PUBLIC_PAGES = ["/", "/signin"];

async function expectAccessibleAndFitting(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expectShownAccessibleAndFitting(page, path);
}

/**
 * The page as it is now (after a click, say): no axe violations, nothing wider than the screen, every form field
 * named and every id unique.
 */
async function expectShownAccessibleAndFitting(page: Page, path: string) {
  // Next streams a page's <title> after its body, and a refresh swaps it: axe only once it is there.
  await expect(page, `${path} has a title`).toHaveTitle(/\S/);
  await expectNamedFieldsAndUniqueIds(page, path);
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
    // Eight pages and six editor states, each through axe.
    test.slow();
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
    // An entity, so the Entities panel shows a chip with its "×N" count.
    await tagEntity(admin, draft.id, { type: "place", name: "Bergen" });
    // A second place, so "Merge…" offers a duplicate to keep.
    await tagEntity(admin, draft.id, { type: "place", name: "Bergen, Norway" });
    await page.setViewportSize({ width, height });
    await signIn(page, admin.email, admin.password);
    for (const path of [
      "/desk",
      "/desk/upload",
      "/desk/transcripts",
      "/desk/search?q=bergen",
      `/desk/transcripts/${draft.id}`,
      `/desk/transcripts/${draft.id}/history`,
      `/desk/transcripts/${draft.id}/publish`,
      `/desk/transcripts/${draft.id}/preview`,
      "/desk/account",
      "/admin",
      "/admin/audit",
    ]) {
      await expectAccessibleAndFitting(page, path);
    }

    // Moved on by someone (here the same person, in another tab) while Review & publish was open: the decision made
    // on the old version is refused, saying who changed it and where it stands now.
    await page.goto(`/desk/transcripts/${draft.id}/publish`);
    await transitionTranscript(admin, draft.id, { to: "IN_REVIEW" });
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(
      page.getByText(/Ada Accessible changed this transcript after you opened it; it is now in review\./),
    ).toBeVisible();
    // ... and the page now shows it as it stands: in review, with nothing left to submit.
    await expect(page.getByRole("button", { name: "Submit for review" })).toHaveCount(0);
    await expectShownAccessibleAndFitting(page, `/desk/transcripts/${draft.id}/publish (conflict)`);

    // Published, Review & publish shows the correction form and the timeline; the desk home lists it.
    await transitionTranscript(admin, draft.id, {
      to: "PUBLISHED",
      overrides: CHECKS.map((check) => ({ check, reason: "Checked for the accessibility test." })),
    });
    await expectAccessibleAndFitting(page, `/desk/transcripts/${draft.id}/publish`);
    await expect(page.getByTestId("correction-form")).toBeVisible();
    // Unpublishing asks first: the confirmation passes too, and cancelling it changes nothing.
    await page.getByRole("button", { name: "Unpublish", exact: true }).click();
    await expect(page.getByRole("alertdialog", { name: "Unpublish this transcript?" })).toBeVisible();
    await expectShownAccessibleAndFitting(page, `/desk/transcripts/${draft.id}/publish (unpublish confirmation)`);
    if (process.env.VERBATIM_SCREENSHOTS) {
      await page.screenshot({ path: `${process.env.VERBATIM_SCREENSHOTS}/unpublish-confirmation-${name}.png` });
    }
    await page.getByRole("button", { name: "Cancel", exact: true }).click();
    await expectAccessibleAndFitting(page, "/desk");

    // The editor's side panels render when opened: each one is checked open, with the forms inside it opened too
    // (a speaker's edit and merge forms, an entity's merge, an annotation's edit dialog), and so is the shortcut
    // sheet. Panels once opened stay in the page, hidden: the last check sees every panel's fields at once.
    await page.goto(`/desk/transcripts/${draft.id}`);
    const panel = page.getByRole("tabpanel");
    for (const tab of ["Notes", "Speakers", "Entities", "Details", "Source"]) {
      await page.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
      await expect(page.getByRole("tab", { name: new RegExp(`^${tab}`) })).toHaveAttribute("aria-selected", "true");
      if (tab === "Entities") await expect(page.getByTestId("entities-place")).toContainText("Bergen ×");
      if (tab === "Details") {
        await expect(panel.getByRole("textbox", { name: "Title", exact: true })).toHaveValue(draft.title);
      }
      await expectShownAccessibleAndFitting(page, `editor, ${tab} panel`);
      if (tab === "Notes") {
        await panel.getByRole("button", { name: "Edit", exact: true }).first().click();
        await expect(page.getByTestId("annotation-form")).toBeVisible();
        await expectShownAccessibleAndFitting(page, "editor, Notes panel, editing an annotation");
        await page.getByTestId("annotation-form").getByRole("button", { name: "Cancel" }).click();
        await expect(page.getByTestId("annotation-form")).toHaveCount(0);
      }
      if (tab === "Speakers") {
        await panel
          .getByRole("button", { name: /^Merge .* into another speaker$/ })
          .first()
          .click();
        await expectShownAccessibleAndFitting(page, "editor, Speakers panel, merging a speaker");
        await panel
          .getByRole("button", { name: /^Edit / })
          .first()
          .click();
        await expect(panel.getByRole("button", { name: "Save", exact: true })).toBeVisible();
        await expectShownAccessibleAndFitting(page, "editor, Speakers panel, editing a speaker");
        await panel.getByRole("button", { name: "Cancel", exact: true }).click();
      }
      if (tab === "Entities") {
        await panel.getByRole("button", { name: "Merge Bergen with a duplicate", exact: true }).click();
        await expectShownAccessibleAndFitting(page, "editor, Entities panel, merging an entity");
      }
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

// The desk's tables with the longest things people put in them: long names, emails without a break, long audit
// details and transcript titles. A phone shows each row as a card of label-and-value pairs; a desktop, a table.
// Nothing may scroll sideways, not even inside the table's card, where the page's own width would not show it.

const LONG_DOMAIN = "regional-broadcasting-corporation-newsroom.example.org";
const LONG_WORD = "Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft";

async function seedLongUsers(count: number) {
  const users = [];
  for (let index = 0; index < count; index++) {
    const tag = randomUUID().slice(0, 8);
    users.push(
      await db.user.create({
        data: {
          email: `maximiliana.alexandrovna.featherstonehaugh-${index}-${tag}@${LONG_DOMAIN}`,
          name:
            index % 3 === 0
              ? `${LONG_WORD} ${tag}`
              : `Maximiliana Alexandrovna Featherstonehaugh-Cholmondeley ${index} ${tag}`,
          role: (["REPORTER", "EDITOR", "ADMIN"] as const)[index % 3],
          active: index % 4 !== 3,
          // Every other person is still invited (no password yet): their row offers a new invitation link.
          passwordHash: index % 2 === 0 ? null : "not-a-real-hash",
        },
        select: { id: true, email: true, name: true },
      }),
    );
  }
  return users;
}

/** Nothing in or around the table scrolls sideways or reaches past the screen's edges. */
async function expectTableFits(page: Page, path: string) {
  const width = page.viewportSize()!.width;
  const problems = await page.evaluate((viewportWidth) => {
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.getAttribute("data-testid") ? `[${element.getAttribute("data-testid")}]` : ""} "${(element.textContent ?? "").trim().slice(0, 40)}"`;
    // The caption and the header row are visually hidden (clipped to nothing) on a phone.
    const elements = [...document.querySelectorAll(".data-table, .data-table *")].filter(
      (element) => !element.closest("caption, thead"),
    );
    const scrolling = elements.filter((element) => {
      const { overflowX } = getComputedStyle(element);
      return (overflowX === "auto" || overflowX === "scroll") && element.scrollWidth > element.clientWidth;
    });
    const outside = elements.filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && (box.left < -0.5 || box.right > viewportWidth + 0.5);
    });
    // A button whose label runs onto a second line is squeezed ("Co" above "py").
    const squeezed = [...document.querySelectorAll(".data-table button")].filter((button) => {
      const range = document.createRange();
      range.selectNodeContents(button);
      return new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size > 1;
    });
    return [
      ...squeezed.map((element) => `label wraps: ${describe(element)}`),
      ...scrolling.map((element) => `scrolls sideways: ${describe(element)}`),
      ...outside.map((element) => `past the edge: ${describe(element)}`),
    ];
  }, width);
  expect(problems, path).toEqual([]);
}

/** On a phone each cell is a block headed by its column's name; on a desktop, a table cell under a header row. */
async function expectTableLayout(page: Page, columns: string[], isPhone: boolean) {
  const table = page.locator(".data-table table").first();
  const cells = await table
    .locator("tbody tr")
    .first()
    .evaluate((row) =>
      [...row.querySelectorAll(":scope > td")].map((cell) => ({
        display: getComputedStyle(cell).display,
        label: getComputedStyle(cell, "::before").content,
      })),
    );
  expect(cells).toHaveLength(columns.length);
  cells.forEach((cell, index) => {
    if (isPhone) {
      expect(cell.display).toBe("block");
      // The label is drawn for the eye only (empty alternative text): screen readers hear the column header.
      expect(cell.label).toBe(`"${columns[index]}" / ""`);
    } else {
      expect(cell.display).toBe("table-cell");
      expect(cell.label).toBe("none");
    }
  });
  await expect(table.locator("thead th")).toHaveText(columns);
  // Still a table to assistive technology, whatever the layout.
  await expect(page.getByRole("table")).toHaveCount(1);
  await expect(page.getByRole("columnheader")).toHaveText(columns);
}

for (const { name, width, height } of WIDTHS) {
  const isPhone = width < 640;

  test(`the staff accounts table with many long names fits a ${name} (${width} px) and its actions work`, async ({
    page,
  }) => {
    // Three passes through axe, one of them with the deactivation confirmation open.
    test.slow();
    const admin = await seedUser("ADMIN", "Ada Tables");
    const users = await seedLongUsers(12);
    await page.setViewportSize({ width, height });
    await signIn(page, admin.email, admin.password);
    await expectAccessibleAndFitting(page, "/admin");
    await expectTableFits(page, "/admin");
    await expectTableLayout(page, ["Person", "Role", "Status", "Last sign-in", "Actions"], isPhone);

    // Every action of a long row is on the screen and works: role, deactivation, a new invitation link.
    const target = users[0]!;
    const row = page.getByTestId(`user-row-${target.email}`);
    await row.scrollIntoViewIfNeeded();
    await expect(row.getByText(target.email)).toBeVisible();
    await row.getByLabel(`Role for ${target.name}`).selectOption("EDITOR");
    await row.getByRole("button", { name: "Save role" }).click();
    await expect(row.getByText("Role saved.")).toBeVisible();
    await row.getByRole("button", { name: "New invitation link" }).click();
    await expect(row.getByTestId("issued-secret")).toHaveValue(/\/invite\?token=/);
    await row.getByRole("button", { name: "Deactivate" }).click();
    // The confirmation, with its reason field, fits the card too.
    await expectShownAccessibleAndFitting(page, "/admin deactivation confirmation");
    await expectTableFits(page, "/admin deactivation confirmation");
    await row.getByLabel("Reason (kept in the audit log)").fill("Moved to another newsroom");
    await row.getByRole("button", { name: "Yes, deactivate" }).click();
    await expect(row.getByTestId("user-status")).toHaveText("Deactivated");
    // The issued link and the messages fit the card too.
    await expectShownAccessibleAndFitting(page, "/admin after the actions");
    await expectTableFits(page, "/admin after the actions");
  });

  test(`the audit log with many long entries fits a ${name} (${width} px)`, async ({ page }) => {
    const admin = await seedUser("ADMIN", "Ada Audits");
    const [actor] = await seedLongUsers(1);
    for (let index = 0; index < 15; index++) {
      await recordAuditEvent(db, {
        actorId: index % 5 === 4 ? null : actor!.id,
        action: index % 2 === 0 ? "user.role_changed" : "user.deactivated",
        targetType: "user",
        targetId: actor!.id,
        details: {
          email: actor!.email,
          note: `${LONG_WORD}-${index} changed from Reporter to Editor after the ${LONG_WORD.toLowerCase()} review`,
          url: `https://${LONG_DOMAIN}/desk/transcripts/${randomUUID()}${randomUUID()}`,
        },
      });
    }
    await page.setViewportSize({ width, height });
    await signIn(page, admin.email, admin.password);
    for (const path of ["/admin/audit", `/admin/audit?actor=${actor!.id}`]) {
      await expectAccessibleAndFitting(page, path);
      await expectTableFits(page, path);
    }
    await expect(page.getByTestId("audit-row")).toHaveCount(12);
    await expectTableLayout(page, ["When", "Who", "What", "Details"], isPhone);
  });

  test(`the desk's transcript list with long titles fits a ${name} (${width} px)`, async ({ page }) => {
    const reporter = await seedUser("REPORTER", `Rhiannon ${LONG_WORD}`);
    const titles = [
      `The Minister for Fisheries, Coastal Affairs and Maritime Infrastructure on the Bergen agreement, questions from the floor and a statement`,
      `${LONG_WORD}: hearing of the standing committee`,
      `Interview: https://${LONG_DOMAIN}/2026/11/27/a-very-long-permalink-without-any-breaks`,
      "Briefing",
    ];
    for (const title of titles) {
      await createDraftFromUpload({
        userId: reporter.id,
        title,
        input: {
          bytes: new TextEncoder().encode("MODERATOR: Good morning.\n\nMINISTER HOLM: Thank you for coming."),
          filename: `${LONG_WORD.toLowerCase()}-transcript-with-a-long-file-name.txt`,
          mediaType: "text/plain",
        },
      });
    }
    await page.setViewportSize({ width, height });
    await signIn(page, reporter.email, reporter.password);
    await expectAccessibleAndFitting(page, "/desk/transcripts");
    await expectTableFits(page, "/desk/transcripts");
    await expect(page.getByTestId("transcript-row")).toHaveCount(titles.length);
    await expectTableLayout(page, ["Title", "Status", "Event date", "Words", "Uploaded"], isPhone);
    for (const title of titles) await expect(page.getByRole("link", { name: title })).toBeVisible();
  });
}
