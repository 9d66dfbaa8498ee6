// The transcript editor in a real browser: annotations that stay on their words through edits and reloads, a
// "needs review" list when the words go, two people at once (different paragraphs, then the same one), work kept
// through a dropped network and a reload, and history that shows a diff and restores.
import type { BrowserContext, Page } from "@playwright/test";
import { db } from "@/lib/db";
import { createDraftFromUpload } from "@/lib/transcripts/create-draft";
import { expect, seedUser, signIn, test } from "./fixtures";

const BRIEFING = [
  "MODERATOR: Good afternoon. The minister will take questions after a short statement.",
  "MINISTER HOLM: Thank you. Allies discussed the security situation around the Sea of Azov and agreed to keep talking.",
  "QUESTION: Will the fisheries agreement be signed in Bergen this spring?",
  "MINISTER HOLM: We expect it to be signed before the summer, in Bergen.",
].join("\n\n");

async function draftOwnedBy(userId: string) {
  const draft = await createDraftFromUpload({
    userId,
    input: { bytes: new TextEncoder().encode(BRIEFING), filename: "holm-briefing.txt", mediaType: "text/plain" },
  });
  const segments = await db.segment.findMany({
    where: { transcriptId: draft.id },
    orderBy: { position: "asc" },
    select: { id: true, text: true },
  });
  return { id: draft.id, segments };
}

/** The paragraph's textarea, by its 1-based number. */
function paragraph(page: Page, number: number) {
  return page.getByRole("textbox", { name: new RegExp(`^Paragraph ${number},`) });
}

async function expectSaved(page: Page) {
  await expect(page.getByTestId("editor-status")).toHaveText(/^Saved/, { timeout: 15_000 });
}

/** Puts the caret (or a selection) in a paragraph's textarea. */
async function select(page: Page, number: number, start: number, end = start) {
  const box = paragraph(page, number);
  await box.focus();
  await box.evaluate((element: HTMLTextAreaElement, [from, to]) => element.setSelectionRange(from!, to!), [start, end]);
}

async function textOf(segmentId: string) {
  return (await db.segment.findUniqueOrThrow({ where: { id: segmentId }, select: { text: true } })).text;
}

async function openAs(context: BrowserContext, user: { email: string; password: string }, transcriptId: string) {
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  await page.goto(`/desk/transcripts/${transcriptId}`);
  await expect(paragraph(page, 1)).toBeVisible();
  return page;
}

test("an annotation stays on its words through an edit and a reload, and needs review when they are deleted", async ({
  page,
}) => {
  const reporter = await seedUser("REPORTER", "Rita Reporter");
  const draft = await draftOwnedBy(reporter.id);
  const answer = draft.segments[1]!;
  await signIn(page, reporter.email, reporter.password);
  await page.goto(`/desk/transcripts/${draft.id}`);

  const phrase = "Sea of Azov";
  const start = answer.text.indexOf(phrase);
  await select(page, 2, start, start + phrase.length);
  await page.keyboard.press("Alt+A");
  const form = page.getByTestId("annotation-form");
  await expect(form).toContainText(`“${phrase}”`);
  await form.getByLabel("Context — public").check();
  await form.getByLabel("Text for readers").fill("The **Sea of Azov** lies between Russia and Ukraine.");
  await form.getByRole("button", { name: "Add annotation" }).click();
  await expect(page.getByTestId("annotation-panel")).toContainText(phrase);

  // Words typed before the phrase: the annotation moves with it.
  await select(page, 2, 0);
  await page.keyboard.type("Indeed. ");
  await expectSaved(page);
  await expect.poll(() => textOf(answer.id)).toBe(`Indeed. ${answer.text}`);
  await page.reload();
  await expect(paragraph(page, 2)).toHaveValue(`Indeed. ${answer.text}`);
  const stored = await db.annotation.findFirstOrThrow({ where: { segmentId: answer.id } });
  expect(stored).toMatchObject({ status: "ANCHORED", exact: phrase, start: start + 8, end: start + 8 + phrase.length });
  await expect(page.getByTestId("annotation-panel")).toContainText(phrase);
  await expect(page.getByTestId("needs-review")).toHaveCount(0);

  // The quoted words deleted: never dropped, never moved onto other words, listed for review.
  const now = `Indeed. ${answer.text}`;
  const from = now.indexOf(` the ${phrase}`);
  await select(page, 2, from, from + ` the ${phrase}`.length);
  await page.keyboard.press("Delete");
  await expectSaved(page);
  await expect
    .poll(async () => (await db.annotation.findUniqueOrThrow({ where: { id: stored.id } })).status)
    .toBe("NEEDS_REVIEW");
  await page.reload();
  await expect(page.getByTestId("needs-review")).toContainText(phrase);
});

test("two people editing different paragraphs both save; the same paragraph shows the conflict and keeps the edit", async ({
  browser,
}) => {
  const reporter = await seedUser("REPORTER", "Rita Reporter");
  const editor = await seedUser("EDITOR", "Edda Editor");
  const draft = await draftOwnedBy(reporter.id);
  const [opening, , question] = draft.segments;
  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const rita = await openAs(first, reporter, draft.id);
    const edda = await openAs(second, editor, draft.id);

    await select(rita, 1, opening!.text.length);
    await rita.keyboard.type(" Welcome.");
    await select(edda, 3, question!.text.length - 1);
    await edda.keyboard.type(" at last");
    await expectSaved(rita);
    await expectSaved(edda);
    await expect.poll(() => textOf(opening!.id)).toBe(`${opening!.text} Welcome.`);
    await expect
      .poll(() => textOf(question!.id))
      .toBe("Will the fisheries agreement be signed in Bergen this spring at last?");

    // Each sees the other's saved paragraph (the heartbeat brings colleagues' saves).
    await expect(paragraph(edda, 1)).toHaveValue(`${opening!.text} Welcome.`, { timeout: 20_000 });
    await expect(paragraph(rita, 3)).toHaveValue(
      "Will the fisheries agreement be signed in Bergen this spring at last?",
      {
        timeout: 20_000,
      },
    );

    // Edda edits paragraph 1 while her network is down; Rita saves paragraph 1 meanwhile.
    await second.setOffline(true);
    await select(edda, 1, 0);
    await edda.keyboard.type("Edda: ");
    await expect(edda.getByTestId("editor-status")).toHaveText(/Offline/, { timeout: 15_000 });
    await select(rita, 1, 0);
    await rita.keyboard.type("Rita: ");
    await expectSaved(rita);
    await expect.poll(() => textOf(opening!.id)).toBe(`Rita: ${opening!.text} Welcome.`);
    await second.setOffline(false);

    const conflict = edda.getByTestId("conflict-panel");
    await expect(conflict).toBeVisible({ timeout: 20_000 });
    await expect(conflict).toContainText("Rita Reporter changed paragraph 1");
    await expect(conflict).toContainText(`Rita: ${opening!.text} Welcome.`);
    await expect(paragraph(edda, 1)).toHaveValue(`Edda: ${opening!.text} Welcome.`);
    // Nothing of Edda's was written over Rita's save.
    expect(await textOf(opening!.id)).toBe(`Rita: ${opening!.text} Welcome.`);

    await conflict.getByRole("button", { name: "Keep mine" }).click();
    await expectSaved(edda);
    await expect.poll(() => textOf(opening!.id)).toBe(`Edda: ${opening!.text} Welcome.`);
  } finally {
    await first.close();
    await second.close();
  }
});

test("an edit made while offline survives closing the tab and is saved once the server answers", async ({
  context,
  page,
}) => {
  const reporter = await seedUser("REPORTER", "Rita Reporter");
  const draft = await draftOwnedBy(reporter.id);
  const closing = draft.segments[3]!;
  await signIn(page, reporter.email, reporter.password);
  await page.goto(`/desk/transcripts/${draft.id}`);

  // The network drops: the edit stays in the browser, and the tab is closed before it could be saved. A closing
  // tab makes one last save, and Chromium can lift its offline emulation while the page closes, letting that save
  // through; the page's fetch is made to fail as it does offline, so the closed tab really leaves the edit unsaved.
  await context.setOffline(true);
  await select(page, 4, closing.text.length);
  await page.keyboard.type(" Thank you.");
  await expect(page.getByTestId("editor-status")).toHaveText(/Offline/, { timeout: 15_000 });
  await page.evaluate(() => {
    window.fetch = () => Promise.reject(new TypeError("Failed to fetch"));
  });
  await page.close();
  expect(await textOf(closing.id)).toBe(closing.text);

  // Back online, but saves still fail (the server is unreachable for them): the reopened editor shows the edit.
  // The failure is made inside the page, before its scripts run, so that no save can slip past it.
  await context.setOffline(false);
  const reopened = await context.newPage();
  await reopened.addInitScript(() => {
    const realFetch = window.fetch.bind(window);
    const flags = window as unknown as { savesFail: boolean };
    flags.savesFail = true;
    window.fetch = (input, init) =>
      flags.savesFail && String(input instanceof Request ? input.url : input).includes("/segments/")
        ? Promise.reject(new TypeError("Failed to fetch"))
        : realFetch(input, init);
  });
  await reopened.goto(`/desk/transcripts/${draft.id}`);
  await expect(paragraph(reopened, 4)).toHaveValue(`${closing.text} Thank you.`);
  await expect(reopened.getByTestId("editor-status")).toHaveText(/Offline|kept/, { timeout: 15_000 });
  expect(await textOf(closing.id)).toBe(closing.text);

  // The connection comes back: the kept edit is saved.
  await reopened.evaluate(() => {
    (window as unknown as { savesFail: boolean }).savesFail = false;
    window.dispatchEvent(new Event("online"));
  });
  await expectSaved(reopened);
  await expect.poll(() => textOf(closing.id)).toBe(`${closing.text} Thank you.`);
});

test("history shows what changed and restores an earlier revision as a new one", async ({ page }) => {
  const reporter = await seedUser("REPORTER", "Rita Reporter");
  const draft = await draftOwnedBy(reporter.id);
  const question = draft.segments[2]!;
  await signIn(page, reporter.email, reporter.password);
  await page.goto(`/desk/transcripts/${draft.id}`);
  await select(
    page,
    3,
    question.text.indexOf("this spring"),
    question.text.indexOf("this spring") + "this spring".length,
  );
  await page.keyboard.type("in June");
  await expectSaved(page);

  // From the upload to now, however many autosaves the typing took.
  await page.goto(`/desk/transcripts/${draft.id}/history?from=1`);
  const diff = page.getByTestId("revision-diff");
  await expect(diff.locator("del")).toHaveText(["this spring"]);
  await expect(diff.locator("ins")).toHaveText(["in June"]);

  const before = await db.revision.count({ where: { transcriptId: draft.id } });
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("revision-list").getByRole("button", { name: "Restore revision 1" }).click();
  await expect(page).toHaveURL(new RegExp(`from=1&to=${before + 1}`));
  await expect.poll(() => textOf(question.id)).toBe(question.text);
  // A new revision; the ones in between are all still there.
  expect(await db.revision.count({ where: { transcriptId: draft.id } })).toBe(before + 1);
  await expect(page.getByTestId("revision-list")).toContainText(`${before + 1}. Restored revision 1`);
});

test("a reporter cannot open another reporter's transcript that was not shared with them", async ({ page }) => {
  const owner = await seedUser("REPORTER", "Olga Owner");
  const stranger = await seedUser("REPORTER", "Sam Stranger");
  const draft = await draftOwnedBy(owner.id);
  await signIn(page, stranger.email, stranger.password);
  for (const path of [`/desk/transcripts/${draft.id}`, `/desk/transcripts/${draft.id}/history`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText("Sea of Azov")).toHaveCount(0);
  }
  await page.goto("/desk/transcripts");
  await expect(page.getByText("Holm briefing", { exact: false })).toHaveCount(0);
});
