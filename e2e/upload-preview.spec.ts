// The upload preview as a reporter uses it: keeping a removed line, correcting date, place and speakers before the
// draft exists, undoing a short-name merge, and landing on a list of created drafts whatever was dropped.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { db } from "@/lib/db";
import { expect, seedUser, signIn, test } from "./fixtures";

const FIXTURES = path.join(__dirname, "..", "lib", "ingest", "fixtures");
const NATO = path.join(FIXTURES, "nato-press-conference-2019-02-14.txt");
const QA_SESSION = path.join(FIXTURES, "qa-session.txt");
const BRIEFING_VTT = path.join(FIXTURES, "briefing.vtt");
const OTTER_INTERVIEW = path.join(FIXTURES, "conventions", "otter-interview.txt");
/** The first parse on a server that has just started its reader threads, on a machine busy with other tests. */
const FIRST_PARSE_MS = 30_000;
const NATO_TITLE =
  "Press conference by NATO Secretary General Jens Stoltenberg following the meetings of NATO Defence Ministers";

async function openUploadAsReporter(page: Page, name: string) {
  const reporter = await seedUser("REPORTER", name);
  await signIn(page, reporter.email, reporter.password);
  await page.goto("/desk/upload");
  return reporter;
}

/** The id at the end of a created-draft link. */
async function draftIdOf(link: ReturnType<Page["getByRole"]>): Promise<string> {
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/desk\/transcripts\/[a-z0-9]+$/);
  return href!.split("/").pop()!;
}

test("keeping a removed line puts its words into the count at once and its text into the preview", async ({ page }) => {
  await openUploadAsReporter(page, "Kim Keeper");
  await page.getByLabel("Choose files").setInputFiles(NATO);
  const item = page.getByTestId("upload-item");
  const words = item.getByTestId("preview-word-count");
  const text = item.getByTestId("preview-segments");
  await expect(words).toHaveText("516", { timeout: FIRST_PARSE_MS });
  await expect(text).not.toContainText("Connect with NATO online:");

  // From the keyboard: focus the line's checkbox and press Space.
  const connect = item.getByTestId("removed-lines").getByRole("checkbox", { name: /Connect with NATO online:/ });
  await connect.focus();
  await page.keyboard.press("Space");
  await expect(connect).toBeChecked();
  await expect(words).toHaveText("520");
  await expect(item.getByText("1 removed line will be kept.")).toBeVisible();
  // The footer line lands after the last paragraph spoken, which is shown and marked although past the opening.
  await expect(text.locator("mark")).toHaveText("Connect with NATO online:");
  await expect(item.getByTestId("preview-status")).toHaveText("");
  // Still listed, so the reporter can change their mind.
  await connect.uncheck();
  await expect(words).toHaveText("516");
  await expect(text).not.toContainText("Connect with NATO online:");

  await item
    .getByTestId("removed-lines")
    .getByRole("checkbox", { name: /#NATO #DefMin #OTAN/ })
    .check();
  await expect(words).toHaveText("519");
  await expect(text.locator("mark")).toHaveText("#NATO #DefMin #OTAN");
  await item.getByRole("button", { name: "Create draft" }).click();
  const link = page.getByTestId("created-drafts").getByRole("link", { name: NATO_TITLE });
  const id = await draftIdOf(link);
  const draft = await db.transcript.findUniqueOrThrow({
    where: { id },
    select: { wordCount: true, segments: { select: { text: true } } },
  });
  expect(draft.wordCount).toBe(519);
  expect(draft.segments.map((segment) => segment.text).join("\n")).toContain("#NATO #DefMin #OTAN");
});

test("the date, place and speaker names set in the preview are what the draft gets", async ({ page }) => {
  const reporter = await openUploadAsReporter(page, "Pia Preview");
  await page.getByLabel("Choose files").setInputFiles(QA_SESSION);
  const item = page.getByTestId("upload-item");
  const date = item.getByLabel("Date", { exact: true });
  const place = item.getByLabel("Place", { exact: true });
  await expect(date).toHaveValue("2021-03-03", { timeout: FIRST_PARSE_MS });
  await expect(place).toHaveValue("Tallinn");
  await expect(item.getByTestId("preview-speakers")).toHaveText("Moderator, Question, Maria Kask, Anna Berg");

  await date.fill("2021-03-04");
  await place.fill("Ämari air base");
  await item.getByRole("textbox", { name: "Name for Maria Kask" }).fill("Maria Kask, Minister of Defence");
  // The anonymous question was Anna Berg's: the reporter joins the two.
  await item.getByRole("combobox", { name: "Question is the same person as" }).selectOption("Anna Berg");
  await expect(item.getByRole("textbox", { name: "Name for Question" })).toBeDisabled();
  await expect(item.getByTestId("preview-speakers")).toHaveText(
    "Moderator, Anna Berg, Maria Kask, Minister of Defence",
  );
  const text = item.getByTestId("preview-segments");
  await expect(text.locator("p", { hasText: "how many aircraft" }).locator("strong")).toHaveText("Anna Berg: ");
  await expect(text.locator("p", { hasText: "Four aircraft" }).locator("strong")).toHaveText(
    "Maria Kask, Minister of Defence: ",
  );

  await item.getByRole("button", { name: "Create draft" }).click();
  const link = page
    .getByTestId("created-drafts")
    .getByRole("link", { name: "Press briefing on the Baltic air policing mission" });
  const id = await draftIdOf(link);
  const draft = await db.transcript.findUniqueOrThrow({
    where: { id },
    select: {
      createdById: true,
      occurredAt: true,
      place: true,
      fidelityConfirmedAt: true,
      speakers: { orderBy: { position: "asc" }, select: { name: true, outlet: true } },
      segments: { orderBy: { position: "asc" }, select: { speaker: { select: { name: true } } } },
    },
  });
  expect(draft.createdById).toBe(reporter.id);
  expect(draft.occurredAt?.toISOString().slice(0, 10)).toBe("2021-03-04");
  expect(draft.place).toBe("Ämari air base");
  expect(draft.speakers).toEqual([
    { name: "Moderator", outlet: null },
    { name: "Anna Berg", outlet: "Postimees" },
    { name: "Maria Kask, Minister of Defence", outlet: null },
  ]);
  expect(draft.segments.map((segment) => segment.speaker?.name)).toEqual([
    "Moderator",
    "Anna Berg",
    "Maria Kask, Minister of Defence",
    "Anna Berg",
    "Maria Kask, Minister of Defence",
  ]);
  // No label was picked in the preview: the suggestion stands, waiting for a person to confirm it.
  expect(draft.fidelityConfirmedAt).toBeNull();

  // The editor shows what was set.
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/desk/transcripts/${id}$`));
  await page.getByRole("tab", { name: "Speakers" }).click();
  await expect(page.getByTestId("draft-speakers")).toContainText("Maria Kask, Minister of Defence");
});

test("several files and one file both land as a list of created drafts with links", async ({ page }) => {
  await openUploadAsReporter(page, "Sam Several");
  await page.getByLabel("Choose files").setInputFiles([NATO, BRIEFING_VTT]);
  const items = page.getByTestId("upload-item");
  await expect(items).toHaveCount(2);
  for (const index of [0, 1]) {
    await expect(items.nth(index).getByRole("button", { name: "Create draft" })).toBeEnabled({
      timeout: FIRST_PARSE_MS,
    });
  }
  await items.nth(0).getByRole("button", { name: "Create draft" }).click();
  await items.nth(1).getByRole("button", { name: "Create draft" }).click();
  const created = page.getByTestId("created-drafts");
  await expect(created.getByRole("link")).toHaveCount(2);
  await expect(created.getByRole("link", { name: NATO_TITLE })).toBeVisible();
  await expect(created.getByRole("link", { name: "Joint press point" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Created drafts (2)" })).toBeVisible();
  await expect(page).toHaveURL(/\/desk\/upload$/);

  // One file: the same list, no jump to the editor.
  await page.goto("/desk/upload");
  await page.getByLabel("Choose files").setInputFiles(BRIEFING_VTT);
  await page.getByTestId("upload-item").getByRole("button", { name: "Create draft" }).click();
  const one = page.getByTestId("created-drafts").getByRole("link", { name: "Joint press point" });
  await expect(one).toBeVisible();
  await expect(page.getByRole("heading", { name: "Created drafts (1)" })).toBeVisible();
  await expect(page).toHaveURL(/\/desk\/upload$/);
  const id = await draftIdOf(one);
  await one.click();
  await expect(page).toHaveURL(new RegExp(`/desk/transcripts/${id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Joint press point");
});

test("the fidelity label starts as not yet confirmed, and a label the reporter picks is confirmed", async ({
  page,
}) => {
  const reporter = await openUploadAsReporter(page, "Fay Fidelity");
  await page.getByLabel("Choose files").setInputFiles(BRIEFING_VTT);
  const item = page.getByTestId("upload-item");
  const fidelity = item.getByRole("combobox", { name: "Fidelity" });
  await expect(fidelity).toHaveValue("", { timeout: FIRST_PARSE_MS });
  await expect(fidelity.locator("option:checked")).toHaveText("Not yet confirmed");
  await expect(item.getByTestId("fidelity-hint")).toContainText("marked not yet confirmed");

  await fidelity.selectOption({ label: "Verbatim" });
  await expect(item.getByTestId("fidelity-hint")).toHaveText(
    "Every word as spoken, including false starts and fillers.",
  );
  await item.getByRole("button", { name: "Create draft" }).click();
  const id = await draftIdOf(page.getByTestId("created-drafts").getByRole("link", { name: "Joint press point" }));
  const draft = await db.transcript.findUniqueOrThrow({
    where: { id },
    select: { fidelity: true, fidelityConfirmedAt: true, fidelityConfirmedById: true },
  });
  expect(draft.fidelity).toBe("VERBATIM");
  expect(draft.fidelityConfirmedAt).not.toBeNull();
  expect(draft.fidelityConfirmedById).toBe(reporter.id);
});

/** Fields of every form the page posted, in order (file fields left out). */
async function sentForms(page: Page): Promise<[string, string][][]> {
  return page.evaluate(() => (window as unknown as { sentForms: [string, string][][] }).sentForms);
}

test("a short-name merge is shown with the convention, and undoing it re-parses with the name kept apart", async ({
  page,
}) => {
  // The forms the page sends are recorded (Playwright cannot read a request body holding a file); the answers are
  // the server's own.
  await page.addInitScript(() => {
    const sent: [string, string][][] = [];
    (window as unknown as { sentForms: typeof sent }).sentForms = sent;
    const realSend = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (body) {
      if (body instanceof FormData) {
        sent.push(
          [...body.entries()].flatMap(([key, value]) =>
            typeof value === "string" ? [[key, value] as [string, string]] : [],
          ),
        );
      }
      realSend.call(this, body);
    };
  });
  // An Otter export where the interviewer's guest is "Dana Whitfield" once and "Dana" after.
  await openUploadAsReporter(page, "Una Undo");
  await page.getByLabel("Choose files").setInputFiles(OTTER_INTERVIEW);
  const item = page.getByTestId("upload-item");
  await expect(item.getByTestId("preview-convention")).toHaveText("Otter.ai export", { timeout: FIRST_PARSE_MS });
  const merges = item.getByTestId("speaker-merges");
  await expect(merges).toContainText("“Dana” joined to “Dana Whitfield”");
  await expect(item.getByTestId("preview-speakers")).not.toContainText(/Dana(?! Whitfield)/);

  await merges.getByRole("button", { name: "Keep “Dana” apart" }).click();
  await expect(merges).toContainText("“Dana” kept apart from “Dana Whitfield”");
  await expect(item.getByTestId("preview-speakers")).toContainText(/Dana(?! Whitfield)/);
  const join = merges.getByRole("button", { name: "Join “Dana” to “Dana Whitfield” again" });
  await expect(join).toBeVisible();
  const reparse = (await sentForms(page)).at(-1)!;
  expect(reparse).toContainEqual(["dryRun", "true"]);
  expect(reparse).toContainEqual(["keepSpeakersApart", "Dana"]);

  await item.getByRole("button", { name: "Create draft" }).click();
  const link = page.getByTestId("created-drafts").getByRole("link");
  await expect(link).toHaveCount(1);
  const create = (await sentForms(page)).at(-1)!;
  expect(create).toContainEqual(["keepSpeakersApart", "Dana"]);
  const draft = await db.transcript.findUniqueOrThrow({
    where: { id: await draftIdOf(link) },
    select: { speakers: { select: { name: true } } },
  });
  expect(draft.speakers.map((speaker) => speaker.name)).toEqual(expect.arrayContaining(["Dana", "Dana Whitfield"]));
});

for (const { name, width, height } of [
  { name: "phone", width: 360, height: 780 },
  { name: "desktop", width: 1280, height: 900 },
]) {
  test(`the preview fits a ${name} screen and has no accessibility violations`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height });
    await openUploadAsReporter(page, `Ada ${name}`);
    // A file with footer lines to keep, and one with several speakers to rename and join.
    await page.getByLabel("Choose files").setInputFiles([NATO, QA_SESSION]);
    const nato = page.getByTestId("upload-item").filter({ hasText: "nato-press-conference" });
    const qa = page.getByTestId("upload-item").filter({ hasText: "qa-session.txt" });
    await expect(nato.getByTestId("removed-lines")).toBeVisible({ timeout: FIRST_PARSE_MS });
    await nato
      .getByTestId("removed-lines")
      .getByRole("checkbox", { name: /Connect with NATO online:/ })
      .check();
    await expect(nato.getByTestId("preview-segments").locator("mark")).toBeVisible();
    await qa.getByRole("combobox", { name: "Question is the same person as" }).selectOption("Anna Berg");
    await expect(qa.getByTestId("preview-speakers")).toHaveText("Moderator, Anna Berg, Maria Kask");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "the upload preview is wider than the screen").toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath(`upload-preview-${width}.png`), fullPage: true });
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
    expect(
      violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" "))}`),
    ).toEqual([]);
  });
}
