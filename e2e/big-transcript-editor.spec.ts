// The editor on a transcript longer than its first page (FIRST_PAGE paragraphs load at once, the rest as the
// reporter scrolls): find and replace, splitting a speaker and the history page reach every paragraph, not only the
// ones loaded so far.
import type { Page } from "@playwright/test";
import { db } from "@/lib/db";
import { FIRST_PAGE } from "@/lib/editor/queries";
import { updateSpeaker } from "@/lib/editor/speakers";
import { expect, seedUser, signIn, test } from "./fixtures";
import { expectFitsAndPassesAxe } from "./support/accessibility";

const PARAGRAPHS = FIRST_PAGE + 200;
/** Past the first page: loaded only when the reporter scrolls (or the editor pages it in). */
const FAR = FIRST_PAGE + 150;
const QUESTIONS = [10, FAR];
/** "river" 100 times in each of the first 20 paragraphs and once at FAR: more matches than a preview lists. */
const RIVERS = 20 * 100 + 1;
/** "gauge" once in each of the first 250 paragraphs: more changed paragraphs than the history shows at once. */
const GAUGES = 250;

/**
 * "CHAIR: Statement 7 on the gauge." and the like, CHAIR and WITNESS by turns, QUESTION at QUESTIONS. Replacing
 * every match of a word touches a few hundred paragraphs at most, so that no test holds the database for long.
 */
function hearingText(): string {
  const paragraphs: string[] = [];
  for (let number = 1; number <= PARAGRAPHS; number++) {
    const speaker = QUESTIONS.includes(number) ? "QUESTION" : number % 2 ? "CHAIR" : "WITNESS";
    let text = `Statement ${number}`;
    if (number <= GAUGES) text += " on the gauge";
    if (number <= 20) text += `, and ${Array.from({ length: 100 }, () => "river").join(" ")}`;
    if (number === FAR) text += " on the river at Zanzibar";
    paragraphs.push(`${speaker}: ${text}.`);
  }
  return paragraphs.join("\n\n");
}

/** Signs in as a new reporter and uploads the hearing through the API, as the desk's upload does. */
async function hearingOwnedByNewReporter(page: Page) {
  const reporter = await seedUser("REPORTER", "Rita Reporter");
  await signIn(page, reporter.email, reporter.password);
  const response = await page.request.post("/api/transcripts", {
    data: { filename: "hearing.txt", text: hearingText() },
  });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  const segments = await db.segment.findMany({
    where: { transcriptId: id, deletedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, text: true },
  });
  expect(segments).toHaveLength(PARAGRAPHS);
  return { reporter, id, segments };
}

function paragraph(page: Page, number: number) {
  return page.getByRole("textbox", { name: new RegExp(`^Paragraph ${number},`) });
}

async function textOf(segmentId: string) {
  return (await db.segment.findUniqueOrThrow({ where: { id: segmentId }, select: { text: true } })).text;
}

async function openEditor(page: Page, id: string) {
  await page.goto(`/desk/transcripts/${id}`);
  await expect(paragraph(page, 1)).toBeVisible();
}

async function previewMatches(page: Page, find: string, replace: string) {
  await page.getByRole("button", { name: "Find", exact: true }).click();
  const panel = page.getByTestId("find-replace");
  await panel.getByLabel("Find", { exact: true }).fill(find);
  await panel.getByLabel("Replace with").fill(replace);
  await panel.getByRole("button", { name: "Preview" }).click();
  return panel;
}

test("find and replace reaches a paragraph past the first page: its match, the jump to it, the replacement and its undo", async ({
  page,
}) => {
  const { id, segments } = await hearingOwnedByNewReporter(page);
  const far = segments[FAR - 1]!;
  await openEditor(page, id);

  const panel = await previewMatches(page, "Zanzibar", "Mombasa");
  const match = panel.getByRole("list", { name: "Matches" }).getByRole("button");
  await expect(match).toHaveCount(1);
  await expect(match).toContainText(`¶${FAR}`);

  // Choosing the match pages its paragraph in and selects the words there.
  await match.click();
  await expect(paragraph(page, FAR)).toBeFocused();
  expect(
    await paragraph(page, FAR).evaluate((box: HTMLTextAreaElement) =>
      box.value.slice(box.selectionStart, box.selectionEnd),
    ),
  ).toBe("Zanzibar");

  await panel.getByRole("button", { name: "Replace 1 selected" }).click();
  await expect(panel).toContainText("Replaced 1 match");
  await expect.poll(() => textOf(far.id)).toBe(far.text.replace("Zanzibar", "Mombasa"));
  // The editor holds the new words there (the button scrolled the page away from it: go back through a search).
  await panel.getByLabel("Find", { exact: true }).fill("Mombasa");
  await panel.getByRole("button", { name: "Preview" }).click();
  await panel.getByRole("list", { name: "Matches" }).getByRole("button").click();
  await expect(paragraph(page, FAR)).toHaveValue(far.text.replace("Zanzibar", "Mombasa"));

  // Undo puts the words back in that paragraph too (the editor held its text before the replacement).
  await page.getByRole("button", { name: /^Undo replace/ }).click();
  await expect.poll(() => textOf(far.id)).toBe(far.text);
  await expect(paragraph(page, FAR)).toHaveValue(far.text);

  // Typing there afterwards saves on top of the server's text, not an old copy of it.
  await paragraph(page, FAR).focus();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" Noted.");
  await expect.poll(() => textOf(far.id)).toBe(`${far.text} Noted.`);
});

test("more matches than the preview lists: the count says so, and Replace all replaces every one, listed or not", async ({
  page,
}) => {
  const { id, segments } = await hearingOwnedByNewReporter(page);
  const far = segments[FAR - 1]!;
  await openEditor(page, id);

  const panel = await previewMatches(page, "river", "stream");
  await expect(panel.getByRole("status")).toContainText("the first 2,000 are listed");
  const listed = panel.getByRole("list", { name: "Matches" }).getByRole("listitem");
  await expect(listed).toHaveCount(2_000);
  // The one in paragraph FAR is past the list's end.
  await expect(listed.filter({ hasText: `¶${FAR}` })).toHaveCount(0);

  await panel.getByRole("button", { name: "Replace all" }).click();
  await expect(panel).toContainText(`Replaced ${RIVERS.toLocaleString("en-GB")} matches`);
  expect(await db.segment.count({ where: { transcriptId: id, text: { contains: "river" } } })).toBe(0);
  await expect.poll(() => textOf(far.id)).toBe(far.text.replace("river", "stream"));

  // The editor shows the new words there too.
  await panel.getByLabel("Find", { exact: true }).fill("Zanzibar");
  await panel.getByRole("button", { name: "Preview" }).click();
  await panel.getByRole("list", { name: "Matches" }).getByRole("button").click();
  await expect(paragraph(page, FAR)).toHaveValue(far.text.replace("river", "stream"));
});

test("splitting a speaker lists and reassigns their paragraphs past the first page", async ({ page }) => {
  const { id, segments } = await hearingOwnedByNewReporter(page);
  await openEditor(page, id);

  await page.getByRole("tab", { name: "Speakers" }).click();
  await page.getByRole("button", { name: "Split Question into several speakers" }).click();
  const dialog = page.getByTestId("split-speaker");
  await expect(dialog).toContainText("2 paragraphs");
  const far = dialog.getByRole("listitem").filter({ hasText: `¶${FAR}` });
  await far.getByLabel(`Speaker of paragraph ${FAR}`).selectOption({ label: "New speaker…" });
  await far.getByLabel("Name").fill("Ana Ribeiro");
  await far.getByLabel("Outlet").fill("Público");
  await dialog.getByRole("button", { name: "Reassign 1 paragraph" }).click();
  await expect(dialog).toBeHidden();

  const speakerOf = async (segmentId: string) =>
    (await db.segment.findUniqueOrThrow({ where: { id: segmentId }, select: { speaker: { select: { name: true } } } }))
      .speaker?.name;
  await expect.poll(() => speakerOf(segments[FAR - 1]!.id)).toBe("Ana Ribeiro");
  expect(await speakerOf(segments[9]!.id)).toBe("Question");
});

test("history of a replace across hundreds of paragraphs shows its changes a page at a time, lists revisions a page at a time, and restores", async ({
  page,
}) => {
  const { reporter, id, segments } = await hearingOwnedByNewReporter(page);
  const replaced = await page.request.post(`/api/transcripts/${id}/replace`, {
    data: { find: "gauge", replace: "meter", apply: true },
  });
  expect(replaced.status()).toBe(200);
  // Enough later revisions that the list needs more than one page.
  const chair = await db.speaker.findFirstOrThrow({ where: { transcriptId: id, name: "Chair" } });
  for (let round = 1; round <= 60; round++) {
    await updateSpeaker({ id: reporter.id, role: "REPORTER", active: true }, id, chair.id, { title: `Chair ${round}` });
  }
  const latest = (await db.transcript.findUniqueOrThrow({ where: { id }, select: { revision: true } })).revision;
  expect(latest).toBe(62);

  await page.goto(`/desk/transcripts/${id}/history?from=1&to=2`);
  const diff = page.getByTestId("revision-diff");
  const changed = diff.locator("li[data-kind]");
  await expect(changed).toHaveCount(100);
  await expect(diff).toContainText(`Text (${GAUGES} paragraphs)`);
  await expect(diff).toContainText(`Changed paragraphs 1–100 of ${GAUGES}`);
  await expect(changed.first()).toContainText("Statement 1 on the");
  await diff.getByRole("link", { name: "Next 100 paragraphs" }).click();
  await expect(changed.first()).toContainText("Statement 101 on the");
  await expect(changed).toHaveCount(100);
  // With both lists paged, the page still passes axe and fits.
  await expectFitsAndPassesAxe(page, page.url());
  await diff.getByRole("link", { name: "Next 50 paragraphs" }).click();
  await expect(changed).toHaveCount(50);
  await expect(changed.last()).toContainText(`Statement ${GAUGES} on the`);

  // The newest revisions first, a page at a time.
  const list = page.getByTestId("revision-list");
  await expect(list.getByRole("listitem")).toHaveCount(50);
  await expect(list.getByRole("listitem").first()).toContainText(`${latest}. `);
  await page.getByRole("link", { name: "Older revisions" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(latest - 50);
  await expect(list.getByRole("listitem").last()).toContainText("1. ");

  page.once("dialog", (dialog) => void dialog.accept());
  await list.getByRole("button", { name: "Restore revision 1", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`from=1&to=${latest + 1}`));
  await expect.poll(() => textOf(segments[0]!.id)).toBe(segments[0]!.text);
  expect(await db.segment.count({ where: { transcriptId: id, text: { contains: "meter" } } })).toBe(0);
});
