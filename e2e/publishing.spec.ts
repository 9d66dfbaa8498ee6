// Publishing, end to end: a reporter uploads, annotates and submits; an editor reviews, publishes over warnings
// with reasons, corrects and unpublishes; an anonymous reader sees only what is published, when it is published.
// Then the transitions and corrections API's contract, and a scheduled publication going out on its own.
import path from "node:path";
import type { Page } from "@playwright/test";
import { db } from "@/lib/db";
import { expect, signIn, test } from "./fixtures";
import {
  annotate,
  briefingText,
  completeDetails,
  correct,
  editParagraph,
  json,
  newPersonContext,
  ogImageOf,
  publicStatus,
  readDraft,
  staffMember,
  transition,
  uniqueTag,
  uploadDraft,
  type CheckProblem,
} from "./support/publishing";

const NATO = path.join(__dirname, "..", "lib", "ingest", "fixtures", "nato-press-conference-2019-02-14.txt");

/** The paragraph's textarea in the editor, by its 1-based number. */
function paragraphBox(page: Page, number: number) {
  return page.getByRole("textbox", { name: new RegExp(`^Paragraph ${number},`) });
}

/** Selects words in the editor and annotates them through the Annotate dialog. */
async function annotateInEditor(
  page: Page,
  paragraph: { number: number; text: string },
  words: string,
  kind: "Context — public" | "Key quote — public",
  body: string,
) {
  const start = paragraph.text.indexOf(words);
  expect(start, `“${words}” in paragraph ${paragraph.number}`).toBeGreaterThanOrEqual(0);
  const box = paragraphBox(page, paragraph.number);
  await box.scrollIntoViewIfNeeded();
  await box.focus();
  await box.evaluate(
    (element: HTMLTextAreaElement, [from, to]) => element.setSelectionRange(from!, to!),
    [start, start + words.length],
  );
  await page.keyboard.press("Alt+A");
  const form = page.getByTestId("annotation-form");
  await expect(form).toContainText(`“${words}”`);
  await form.getByLabel(kind).check();
  await form.getByLabel(kind === "Key quote — public" ? "Why it matters (optional)" : "Text for readers").fill(body);
  await form.getByRole("button", { name: "Add annotation" }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId("annotation-panel")).toContainText(words);
}

async function paragraphsOf(transcriptId: string) {
  const rows = await db.segment.findMany({
    where: { transcriptId, deletedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, text: true },
  });
  return rows.map((row, index) => ({ ...row, number: index + 1 }));
}

function paragraphWith(paragraphs: Awaited<ReturnType<typeof paragraphsOf>>, words: string) {
  const found = paragraphs.find((paragraph) => paragraph.text.includes(words));
  expect(found, `a paragraph with “${words}”`).toBeTruthy();
  return found!;
}

test("a reporter's upload goes through review to readers, is corrected, and disappears when unpublished", async ({
  page,
  browser,
  request,
}) => {
  // Two people, a reader and a dozen pages: several minutes of a loaded machine at most.
  test.slow();
  const tag = uniqueTag();
  const title = `NATO defence ministers press conference ${tag}`;
  const reporter = await staffMember(request, "REPORTER", `Rosa Reporter ${tag}`);
  const editor = await staffMember(request, "EDITOR", `Edgar Editor ${tag}`);

  // The reporter uploads the NATO press conference through the upload page, with a title of her own.
  await signIn(page, reporter.email, reporter.password);
  await page.goto("/desk/upload");
  await page.getByLabel("Choose files").setInputFiles(NATO);
  const item = page.getByTestId("upload-item");
  await expect(item.getByTestId("preview-speakers")).toHaveText("Jens Stoltenberg");
  await item.getByRole("textbox", { name: "Title" }).fill(title);
  await item.getByRole("button", { name: "Create draft" }).click();
  await page.getByTestId("created-drafts").getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(/\/desk\/transcripts\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const transcriptId = page.url().split("/").pop()!;
  const { slug } = await db.transcript.findUniqueOrThrow({ where: { id: transcriptId }, select: { slug: true } });
  const publicPath = `/t/${slug}`;
  expect(await publicStatus(request, publicPath), "a draft is not public").toBe(404);

  // She annotates in the editor: a context note and a key quote, through the Annotate dialog.
  const paragraphs = await paragraphsOf(transcriptId);
  const meeting = paragraphWith(paragraphs, "Defence Ministerial meeting");
  const welcomed = paragraphWith(paragraphs, "Allies welcomed the European Union’s focus on defence");
  const afghanistan = paragraphWith(paragraphs, "The situation in Afghanistan remains difficult.");
  const iraq = paragraphWith(paragraphs, "new training mission in Iraq");
  await expect(paragraphBox(page, 1)).toBeVisible();
  await annotateInEditor(
    page,
    meeting,
    "Defence Ministerial meeting",
    "Context — public",
    "Defence ministers of the **29 Allies** met in Brussels on 13 and 14 February 2019.",
  );
  const quoteWords = "Allies welcomed the European Union’s focus on defence";
  await annotateInEditor(page, welcomed, quoteWords, "Key quote — public", "NATO's view of EU defence plans.");
  // A fact-check through the API, to save time.
  await annotate(reporter.api, transcriptId, iraq, "new training mission in Iraq", {
    kind: "factcheck",
    verdict: "accurate",
    claim: "NATO's training mission in Iraq is up and running.",
    body: "NATO Mission Iraq was launched in October 2018.",
    sources: [{ url: "https://www.nato.int/cps/en/natohq/topics_166936.htm", title: "NATO Mission Iraq" }],
    checker: "Frida Factchecker",
  });
  const quote = await db.annotation.findFirstOrThrow({
    where: { transcriptId, kind: "QUOTE" },
    select: { id: true, exact: true },
  });
  expect(quote.exact).toBe(quoteWords);

  // Review & publish: she submits with a note.
  await page.getByRole("link", { name: "Review & publish" }).click();
  await expect(page).toHaveURL(`/desk/transcripts/${transcriptId}/publish`);
  await expect(page.getByTestId("workflow-status")).toHaveText("Draft");
  await expect(page.getByTestId("prepublish-checks")).toBeVisible();
  expect(await publicStatus(request, publicPath), "still a draft").toBe(404);
  const submitNote = `Ready for a look, the Iraq fact-check is sourced (${tag}).`;
  await page.getByLabel("Note for the editor (optional)").fill(submitNote);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("workflow-status")).toHaveText("In review");
  await expect(page.getByTestId("timeline")).toContainText("submitted it for review");
  expect(await publicStatus(request, publicPath), "in review is not public").toBe(404);

  // An editor, in a browser of his own, finds it waiting for review.
  const editorContext = await newPersonContext(browser);
  const readerContext = await newPersonContext(browser);
  try {
    const desk = await editorContext.newPage();
    await signIn(desk, editor.email, editor.password);
    await desk.goto("/desk");
    const waiting = desk.getByTestId("queue-waiting");
    await expect(waiting).toContainText("Waiting for review");
    await expect(waiting).toContainText(submitNote);
    // Waiting for review, it opens straight on Review & publish: the editor's next step.
    await waiting.getByRole("link", { name: title }).click();
    await expect(desk).toHaveURL(`/desk/transcripts/${transcriptId}/publish`);
    await expect(desk.getByTestId("workflow-status")).toHaveText("In review");
    expect(await publicStatus(request, publicPath), "still in review").toBe(404);

    // The checks: nothing blocks, the unconfirmed fidelity label is a warning.
    const checks = desk.getByTestId("prepublish-checks");
    await expect(checks.getByTestId("check-title")).toHaveAttribute("data-state", "passed");
    await expect(checks.getByTestId("check-annotations_need_review")).toHaveAttribute("data-state", "passed");
    await expect(checks.getByTestId("check-missing_date")).toHaveAttribute("data-state", "passed");
    await expect(checks.getByTestId("check-unconfirmed_fidelity")).toHaveAttribute("data-state", "warning");
    await expect(checks.locator('[data-state="blocking"]')).toHaveCount(0);
    const warningCount = await checks.locator('[data-state="warning"]').count();
    expect(warningCount).toBeGreaterThanOrEqual(1);

    // "Publish now" waits for a reason for every warning.
    const publishNow = desk.getByRole("button", { name: "Publish now" });
    const reasons = desk.getByPlaceholder("Why it is fine to publish anyway");
    await expect(reasons).toHaveCount(warningCount);
    for (let index = 0; index < warningCount; index++) {
      await expect(publishNow).toBeDisabled();
      await reasons.nth(index).fill(`Checked against the NATO recording (${index + 1}).`);
    }
    await expect(publishNow).toBeEnabled();
    await publishNow.click();
    await expect(desk.getByTestId("workflow-status")).toHaveText("Published");
    const timeline = desk.getByTestId("timeline");
    await expect(timeline).toContainText(`${reporter.name} submitted it for review`);
    await expect(timeline).toContainText(submitNote);
    await expect(timeline).toContainText(`${editor.name} published it`);
    await expect(timeline).toContainText("Published over “unconfirmed fidelity”: Checked against the NATO recording");

    // An anonymous reader opens the reading page.
    const reader = await readerContext.newPage();
    const opened = await reader.goto(publicPath);
    expect(opened?.status()).toBe(200);
    await expect(reader.locator("h1")).toHaveCount(1);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
    const markLinks = reader.locator('mark a[href^="#note-"]');
    await expect(markLinks).toHaveCount(3);
    for (const href of await markLinks.evaluateAll((links) => links.map((link) => link.getAttribute("href")!))) {
      await expect(reader.locator(`aside${href}`), `${href} has its note`).toHaveCount(1);
    }
    await expect(reader.locator(`#p-${meeting.number} mark[data-kind="CONTEXT"]`)).toHaveText(
      "Defence Ministerial meeting",
    );
    await expect(reader.locator(`#p-${iraq.number} mark[data-kind="FACTCHECK"]`)).toHaveText(
      "new training mission in Iraq",
    );
    const quoteMark = reader.locator(`#p-${welcomed.number} mark[data-kind="QUOTE"] a`);
    await expect(quoteMark).toHaveText(quoteWords);
    await expect(quoteMark).toHaveAttribute("href", `#note-${quote.id}`);
    const quoteAside = reader.locator(`aside#note-${quote.id}`);
    await expect(quoteAside).toContainText("NATO's view of EU defence plans.");
    const share = quoteAside.getByRole("link", { name: "Share this quote" });
    await expect(share).toHaveAttribute("href", `/q/${quote.id}`);

    // The quote page: the words and who said them where; its share image is a PNG.
    await share.click();
    await expect(reader).toHaveURL(`/q/${quote.id}`);
    const quoteView = reader.getByTestId("quote-view");
    await expect(quoteView.locator("blockquote")).toHaveText(`“${quoteWords}”`);
    await expect(quoteView.locator("figcaption")).toContainText("Jens Stoltenberg");
    await expect(quoteView.locator("figcaption")).toContainText(title);
    const ogImage = await ogImageOf(reader);
    expect(new URL(ogImage).pathname).toMatch(new RegExp(`^/q/${quote.id}/opengraph-image`));
    const image = await request.get(ogImage);
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toContain("image/png");

    // The home page lists it.
    await reader.goto("/");
    await expect(reader.getByTestId("transcript-list").getByRole("link", { name: title })).toBeVisible();

    // The editor records a correction through the form.
    const correctedText = afghanistan.text.replace(
      "we also see ongoing peace process",
      "we also see an ongoing peace process",
    );
    expect(correctedText).not.toBe(afghanistan.text);
    const reason = `The recording says “an ongoing peace process” (${tag}).`;
    const form = desk.getByTestId("correction-form");
    await form.getByRole("combobox", { name: /^Paragraph/ }).selectOption(afghanistan.id);
    await expect(form.getByLabel("What it should say")).toHaveValue(afghanistan.text);
    await form.getByLabel("What it should say").fill(correctedText);
    await form.getByLabel("Why (readers see this)").fill(reason);
    await form.getByRole("button", { name: "Publish correction" }).click();
    await expect(form).toContainText("Correction published.");
    await expect(desk.getByTestId("timeline")).toContainText("recorded a public correction");

    // Readers see it at the passage, what it said and what it says now, and on the corrections page.
    await reader.goto(publicPath);
    const corrected = reader.locator(`#p-${afghanistan.number}`);
    await expect(corrected.locator(".reader-text")).toHaveText(correctedText);
    const notice = corrected.locator(".reader-correction");
    await expect(notice).toContainText("it said");
    await expect(notice).toContainText("it now says");
    await expect(notice).toContainText(reason);
    await expect(notice.locator("ins")).toContainText("an");
    await expect(reader.locator("#corrections")).toContainText(reason);
    await reader.goto("/corrections");
    const entry = reader.getByTestId("corrections-page-list").getByRole("article", { name: `Correction to ${title}` });
    // Only the sentence with the change, the added word marked; not the whole paragraph twice.
    const sentence = afghanistan.text.split(/(?<=[.!?])\s+/).find((part) => part.includes("ongoing peace process"))!;
    await expect(entry).toContainText(sentence);
    await expect(entry).toContainText(sentence.replace("see ongoing", "see an ongoing"));
    await expect(entry.locator("ins")).toHaveText("an");
    if (sentence !== afghanistan.text) await expect(entry).not.toContainText(afghanistan.text);
    await expect(entry).toContainText(reason);

    // The editor unpublishes: the page, the quote and its image are gone, and so is the home page's entry.
    await desk.getByLabel("Reason (kept in the timeline and the audit log)").fill("Legal asked us to take it down.");
    await desk.getByRole("button", { name: "Unpublish", exact: true }).click();
    await desk
      .getByRole("alertdialog", { name: "Unpublish this transcript?" })
      .getByRole("button", { name: "Yes, unpublish" })
      .click();
    await expect(desk.getByTestId("workflow-status")).toHaveText("Unpublished");
    await expect(desk.getByTestId("timeline")).toContainText(`${editor.name} unpublished it`);
    expect(await publicStatus(request, publicPath)).toBe(404);
    expect(await publicStatus(request, `/q/${quote.id}`)).toBe(404);
    expect((await request.get(ogImage)).status()).toBe(404);
    const gone = await reader.goto(publicPath);
    expect(gone?.status()).toBe(404);
    await reader.goto("/");
    await expect(reader.getByRole("link", { name: title })).toHaveCount(0);
  } finally {
    await editorContext.close();
    await readerContext.close();
  }
});

test("the transitions and corrections API: permissions, checks, overrides, corrections, and working-copy edits", async ({
  request,
}) => {
  const tag = uniqueTag();
  const reporter = await staffMember(request, "REPORTER", `Rosa Reporter ${tag}`);
  const editor = await staffMember(request, "EDITOR", `Edgar Editor ${tag}`);
  const title = `Fisheries briefing ${tag}`;
  const draft = await uploadDraft(reporter.api, { title, text: briefingText(tag) });
  const [welcome, statement, question, answer] = draft.segments;
  const publicPath = `/t/${draft.slug}`;

  // An annotation whose words are then deleted needs review; an unnamed questioner, no date, no confirmed fidelity.
  const lost = await annotate(reporter.api, draft.id, statement!, "on Tuesday", {
    kind: "context",
    body: "Tuesday 12 February.",
  });
  await editParagraph(
    reporter.api,
    draft.id,
    statement!,
    "The fisheries agreement was signed in Bergen. Quotas rise by two percent next year.",
  );
  expect(await db.annotation.findUniqueOrThrow({ where: { id: lost.id }, select: { status: true } })).toEqual({
    status: "NEEDS_REVIEW",
  });

  // Submitted; an editor returning it must say why.
  const submitted = await transition(reporter.api, draft.id, { to: "IN_REVIEW", note: "Please check the quotas." });
  expect(submitted.status(), await submitted.text()).toBe(200);
  expect(await json(submitted)).toEqual({ status: "IN_REVIEW", publishedAt: null, url: null });
  const silentReturn = await transition(editor.api, draft.id, { to: "DRAFT" });
  expect(silentReturn.status()).toBe(400);
  const silent = await json<{ error: { code: string; fieldErrors: Record<string, string> } }>(silentReturn);
  expect(silent.error.code).toBe("BAD_REQUEST");
  expect(silent.error.fieldErrors.note).toBeTruthy();
  const returned = await transition(editor.api, draft.id, { to: "DRAFT", note: "Re-attach the Tuesday note." });
  expect(returned.status(), await returned.text()).toBe(200);
  expect((await json(returned)).status).toBe("DRAFT");
  const resubmitted = await transition(reporter.api, draft.id, { to: "IN_REVIEW" });
  expect(resubmitted.status()).toBe(200);

  // A reporter may not publish, even her own transcript.
  const byReporter = await transition(reporter.api, draft.id, { to: "PUBLISHED" });
  expect(byReporter.status()).toBe(403);
  expect((await json<{ error: { code: string } }>(byReporter)).error.code).toBe("FORBIDDEN");

  // The checks stop the editor: the blocking one and every warning without a reason.
  const stopped = await transition(editor.api, draft.id, { to: "PUBLISHED" });
  expect(stopped.status()).toBe(422);
  const { error } = await json<{ error: { code: string; message: string; checks: CheckProblem[] } }>(stopped);
  expect(error.code).toBe("CHECKS_FAILED");
  expect(error.message).toBeTruthy();
  const byId = (checks: CheckProblem[]) => Object.fromEntries(checks.map((check) => [check.check, check.blocking]));
  expect(byId(error.checks)).toEqual({
    annotations_need_review: true,
    unnamed_speakers: false,
    missing_date: false,
    unconfirmed_fidelity: false,
  });
  for (const check of error.checks) expect(check.message).toBeTruthy();
  expect(error.checks[0]!.blocking).toBe(true);

  // Reasons answer the warnings but never a blocking check.
  const overrides = [
    { check: "unnamed_speakers", reason: "Questioners at this briefing are not named by the ministry." },
    { check: "missing_date", reason: "The date is in the title for now." },
    { check: "unconfirmed_fidelity", reason: "Transcribed by the ministry; checked against our notes." },
  ];
  const stillBlocked = await transition(editor.api, draft.id, {
    to: "PUBLISHED",
    overrides: [...overrides, { check: "annotations_need_review", reason: "Publish anyway." }],
  });
  expect(stillBlocked.status()).toBe(422);
  expect(byId((await json<{ error: { checks: CheckProblem[] } }>(stillBlocked)).error.checks)).toEqual({
    annotations_need_review: true,
  });
  expect(await publicStatus(request, publicPath)).toBe(404);

  // The lost annotation deleted; a blank reason is no reason.
  const deleted = await reporter.api.delete(`/api/transcripts/${draft.id}/annotations/${lost.id}`);
  expect(deleted.status(), await deleted.text()).toBe(200);
  const blankReason = await transition(editor.api, draft.id, {
    to: "PUBLISHED",
    overrides: overrides.map((override) =>
      override.check === "missing_date" ? { ...override, reason: "   " } : override,
    ),
  });
  expect(blankReason.status()).toBe(422);
  expect(byId((await json<{ error: { checks: CheckProblem[] } }>(blankReason)).error.checks)).toEqual({
    missing_date: false,
  });

  const published = await transition(editor.api, draft.id, { to: "PUBLISHED", overrides, note: "Go." });
  expect(published.status(), await published.text()).toBe(200);
  const result = await json<{ status: string; publishedAt: string; url: string }>(published);
  expect(Object.keys(result).sort()).toEqual(["publishedAt", "status", "url"]);
  expect(result.status).toBe("PUBLISHED");
  expect(new Date(result.publishedAt).toISOString()).toBe(result.publishedAt);
  expect(result.url.endsWith(publicPath)).toBe(true);
  expect(new URL(result.url).pathname).toBe(publicPath);
  const page = await request.get(publicPath);
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain("The fisheries agreement was signed in Bergen. Quotas rise");

  // A correction is published at once, with what it said and why.
  const correction = await correct(editor.api, draft.id, {
    segmentId: question!.id,
    text: "Will the coastal fleet get a bigger share of the quota?",
    reason: "The question was misheard.",
  });
  expect(correction).toMatchObject({
    before: question!.text,
    after: "Will the coastal fleet get a bigger share of the quota?",
    reason: "The question was misheard.",
  });
  const reporterCorrects = await reporter.api.post(`/api/transcripts/${draft.id}/corrections`, {
    segmentId: question!.id,
    text: "Something else.",
    reason: "Mine.",
  });
  expect(reporterCorrects.status()).toBe(403);
  expect(await (await request.get(publicPath)).text()).toContain("a bigger share of the quota");

  // Later edits to the working copy stay on the desk until the editor republishes.
  const current = await readDraft(reporter.api, draft.id);
  const opening = current.segments.find((segment) => segment.id === welcome!.id)!;
  const edited = `Good afternoon, everyone, and welcome to the fisheries briefing ${tag}.`;
  await editParagraph(reporter.api, draft.id, opening, edited);
  const closing = current.segments.find((segment) => segment.id === answer!.id)!;
  await editParagraph(reporter.api, draft.id, closing, `${closing.text} Thank you.`);
  const before = await (await request.get(publicPath)).text();
  expect(before).not.toContain("Good afternoon, everyone");
  expect(before).toContain(`Good afternoon and welcome to the fisheries briefing ${tag}.`);
  expect(before).not.toContain("that is a promise. Thank you.");

  const republished = await transition(editor.api, draft.id, { to: "PUBLISHED", overrides });
  expect(republished.status(), await republished.text()).toBe(200);
  const again = await json<{ status: string; publishedAt: string; url: string }>(republished);
  expect(again).toEqual({ status: "PUBLISHED", publishedAt: result.publishedAt, url: result.url });
  const after = await (await request.get(publicPath)).text();
  expect(after).toContain("Good afternoon, everyone, and welcome");
  expect(after).toContain("that is a promise. Thank you.");
  // The correction is kept in the republished text and in the list.
  expect(after).toContain("a bigger share of the quota");
  expect(after).toContain("The question was misheard.");
});

test("a scheduled publication stays private until its time, then the scheduler publishes it", async ({
  page,
  request,
}) => {
  // A time only seconds away publishes at once (SCHEDULE_MARGIN_MS in lib/publishing/workflow.ts), so this
  // schedules well past that and waits for the server's scheduler, which runs every second in these tests.
  test.setTimeout(120_000);
  const tag = uniqueTag();
  const reporter = await staffMember(request, "REPORTER", `Rosa Reporter ${tag}`);
  const editor = await staffMember(request, "EDITOR", `Edgar Editor ${tag}`);
  const title = `Scheduled fisheries briefing ${tag}`;
  const draft = await uploadDraft(reporter.api, { title, text: briefingText(tag) });
  await completeDetails(reporter.api, draft.id);
  const publicPath = `/t/${draft.slug}`;

  const publishAt = new Date(Date.now() + 20_000);
  const scheduled = await transition(editor.api, draft.id, {
    to: "PUBLISHED",
    publishAt: publishAt.toISOString(),
    overrides: [{ check: "unnamed_speakers", reason: "The ministry does not name questioners." }],
  });
  expect(scheduled.status(), await scheduled.text()).toBe(200);
  const result = await json<{ status: string; publishedAt: string; url: string }>(scheduled);
  expect(result.status).toBe("SCHEDULED");
  expect(result.publishedAt).toBe(publishAt.toISOString());
  expect(new URL(result.url).pathname).toBe(publicPath);
  expect(await publicStatus(request, publicPath), "scheduled, not yet due").toBe(404);

  await signIn(page, editor.email, editor.password);
  await page.goto("/desk");
  await expect(page.getByTestId("queue-scheduled").getByRole("link", { name: title })).toBeVisible();
  await page.goto(`/desk/transcripts/${draft.id}/publish`);
  await expect(page.getByTestId("workflow-status")).toContainText("Scheduled for");
  await expect(page.getByTestId("timeline")).toContainText(`${editor.name} scheduled it for publication`);
  expect(await publicStatus(request, publicPath), "still scheduled").toBe(404);

  // The scheduler publishes it once it is due: poll the public page (bounded).
  await expect.poll(() => publicStatus(request, publicPath), { timeout: 60_000, intervals: [1_000] }).toBe(200);
  const reading = await request.get(publicPath);
  expect(await reading.text()).toContain(title);

  await page.reload();
  await expect(page.getByTestId("workflow-status")).toHaveText("Published");
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toContainText(`${editor.name} published it`);
  await expect(timeline).toContainText("Published as scheduled.");
  await page.goto("/desk");
  await expect(page.getByTestId("queue-published").getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByTestId("queue-scheduled").getByRole("link", { name: title })).toHaveCount(0);
});
