// Annotations never land on other words (issue: re-anchoring that is right, not just usually right). Through the
// JSON API, the three reported edits; in the browser, the "Needs review" list with its likely places; and a public
// correction that deletes a fact-checked claim.
import { db } from "@/lib/db";
import { expect, signIn, test } from "./fixtures";
import { expectFitsAndPassesAxe } from "./support/accessibility";
import {
  annotate,
  completeDetails,
  correct,
  json,
  publishOverWarnings,
  readDraft,
  staffMember,
  uniqueTag,
  uploadDraft,
  type Api,
  type ApiSegment,
} from "./support/publishing";

interface SavedAnnotation {
  id: string;
  start: number;
  end: number;
  status: string;
  reviewReason: string | null;
  quote: { exact: string };
}

/** PATCHes a paragraph's text and answers the annotations the server sent back. */
async function save(api: Api, transcriptId: string, segment: ApiSegment, text: string) {
  const response = await api.patch(`/api/transcripts/${transcriptId}/segments/${segment.id}`, {
    text,
    baseVersion: segment.version,
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await json<{ annotations: SavedAnnotation[] }>(response)).annotations;
}

test("the three reported edits: a deleted, a partly deleted and a moved annotation never land on other words", async ({
  request,
}) => {
  const tag = uniqueTag();
  const reporter = await staffMember(request, "REPORTER", `Rita Reporter ${tag}`);
  const repeated = "We’ve heard the question before, and we’ve answered it before.";
  const committee = "The committee meets at 10:30. The committee meets again on Friday.";
  const moved =
    "The EU 🇪🇺 and the United States agreed on a joint statement. I want to thank Chloé Bérubé for her work on the water project.";
  const draft = await uploadDraft(reporter.api, {
    title: `Briefing ${tag}`,
    text: [`MODERATOR: ${repeated}`, `MINISTER: ${committee}`, `MINISTER: ${moved}`].join("\n\n"),
  });
  const [first, second, third] = draft.segments as [ApiSegment, ApiSegment, ApiSegment];
  expect([first.text, second.text, third.text]).toEqual([repeated, committee, moved]);
  const before = await annotate(reporter.api, draft.id, first, "before", { kind: "factcheck", verdict: "false" });
  const meets = await annotate(reporter.api, draft.id, second, "committee meets", { kind: "note", body: "Check." });
  const and = await annotate(reporter.api, draft.id, third, "and", { kind: "context", body: "Context." });
  const andThe = await annotate(reporter.api, draft.id, third, "and the", { kind: "quote" });

  // 1. The first "before" deleted: the second one is other words.
  const one = await save(reporter.api, draft.id, first, "We’ve heard the question, and we’ve answered it before.");
  expect(one.find((annotation) => annotation.id === before.id)).toMatchObject({
    status: "needs_review",
    reviewReason: "deleted",
    quote: { exact: "before" },
  });

  // 2. "committee" of the first "committee meets" deleted: not carried to the second sentence.
  const two = await save(reporter.api, draft.id, second, "The meets at 10:30. The committee meets again on Friday.");
  expect(two.find((annotation) => annotation.id === meets.id)).toMatchObject({
    status: "needs_review",
    reviewReason: "partly_deleted",
    quote: { exact: "committee meets" },
  });

  // 3. The two sentences swapped: each annotation goes with its own words, its quote unchanged.
  const swapped =
    "I want to thank Chloé Bérubé for her work on the water project. The EU 🇪🇺 and the United States agreed on a joint statement.";
  const three = await save(reporter.api, draft.id, third, swapped);
  const at = swapped.indexOf("and the United");
  expect(three.find((annotation) => annotation.id === and.id)).toMatchObject({
    status: "anchored",
    start: at,
    end: at + 3,
    quote: { exact: "and" },
  });
  expect(three.find((annotation) => annotation.id === andThe.id)).toMatchObject({
    status: "anchored",
    start: at,
    end: at + 7,
    quote: { exact: "and the" },
  });
});

test("Needs review shows the old words and likely places, and one click re-attaches", async ({ page, request }) => {
  const tag = uniqueTag();
  const reporter = await staffMember(request, "REPORTER", `Rita Reporter ${tag}`);
  const text = "We’ve heard the question before, and we’ve answered it before.";
  const draft = await uploadDraft(reporter.api, { title: `Review ${tag}`, text: `MODERATOR: ${text}` });
  const [paragraph] = draft.segments as [ApiSegment];
  const factcheck = await annotate(reporter.api, draft.id, paragraph, "before", {
    kind: "factcheck",
    verdict: "false",
    body: "They had not been asked before.",
  });
  const edited = "We’ve heard the question, and we’ve answered it before.";
  await save(reporter.api, draft.id, paragraph, edited);

  await signIn(page, reporter.email, reporter.password);
  await page.goto(`/desk/transcripts/${draft.id}`);
  const review = page.getByTestId("needs-review");
  await expect(review).toContainText("Needs review (1)");
  await expect(review).toContainText("Its words were deleted or rewritten");
  await expect(review.locator("blockquote")).toContainText("heard the question before, and");
  // The other "before" is offered, for a person to confirm: it was not attached by itself.
  const candidates = review.getByTestId("review-candidates");
  await expect(candidates).toContainText("¶ 1");
  await expect(candidates.locator("mark")).toHaveText(["before"]);
  await expectFitsAndPassesAxe(page, `/desk/transcripts/${draft.id}`);
  expect((await db.annotation.findUniqueOrThrow({ where: { id: factcheck.id } })).status).toBe("NEEDS_REVIEW");

  await page.getByRole("button", { name: "Attach to “before” in paragraph 1" }).click();
  await expect(page.getByTestId("needs-review")).toHaveCount(0);
  const stored = await db.annotation.findUniqueOrThrow({ where: { id: factcheck.id } });
  expect(stored).toMatchObject({ status: "ANCHORED", reviewReason: null, exact: "before" });
  expect(stored.start).toBe(edited.lastIndexOf("before"));
});

test("a correction that deletes a fact-checked claim sends the fact-check to review, and readers see it beside the paragraph", async ({
  request,
}) => {
  const tag = uniqueTag();
  const reporter = await staffMember(request, "REPORTER", `Rita Reporter ${tag}`);
  const editor = await staffMember(request, "EDITOR", `Edda Editor ${tag}`);
  const claim = "Quotas rise by two percent next year.";
  const draft = await uploadDraft(reporter.api, {
    title: `Fisheries ${tag}`,
    text: [
      `MINISTER HOLM: The agreement was signed in Bergen ${tag}. ${claim} Quotas rise by two percent next year, I said.`,
      "QUESTION: Thank you.",
    ].join("\n\n"),
  });
  await completeDetails(reporter.api, draft.id);
  const paragraph = draft.segments[0] as ApiSegment;
  const factcheck = await annotate(reporter.api, draft.id, paragraph, claim, {
    kind: "factcheck",
    verdict: "false",
    claim: "Quotas rise by two percent",
    body: "The agreement keeps quotas flat.",
  });
  const published = await publishOverWarnings(editor.api, draft.id);
  const publicPath = new URL(published.url as string).pathname;

  const corrected = `The agreement was signed in Bergen ${tag}. Quotas rise by two percent next year, I said.`;
  await correct(editor.api, draft.id, {
    segmentId: paragraph.id,
    text: corrected,
    reason: "The minister did not say it twice.",
  });

  // On the desk: under review, not moved onto the sentence that repeats the words.
  const desk = await readDraft(reporter.api, draft.id);
  expect(desk.segments[0]?.text).toBe(corrected);
  expect(await db.annotation.findUniqueOrThrow({ where: { id: factcheck.id } })).toMatchObject({
    status: "NEEDS_REVIEW",
    reviewReason: "deleted",
    exact: claim,
  });
  // For readers: the fact-check beside its paragraph, and no fact-check mark on the words that remain.
  await expect
    .poll(async () => (await (await request.get(publicPath)).text()).includes("The minister did not say it twice."))
    .toBe(true);
  const html = await (await request.get(publicPath)).text();
  expect(html).toContain(`id="note-${factcheck.id}"`);
  expect(html).toContain("The agreement keeps quotas flat.");
  expect(html).not.toMatch(/<mark[^>]*data-kind="FACTCHECK"/);
});

test("an entity mention whose words moved waits in Needs review and is re-attached with one click", async ({
  page,
  request,
}) => {
  const tag = uniqueTag();
  const reporter = await staffMember(request, "REPORTER", `Rita Reporter ${tag}`);
  const text = "Jens Stoltenberg opened the meeting. Later Stoltenberg said the alliance is strong.";
  const draft = await uploadDraft(reporter.api, { title: `Alliance ${tag}`, text: `MODERATOR: ${text}` });
  const [paragraph] = draft.segments as [ApiSegment];
  const tagName = async (name: string) => {
    const response = await reporter.api.post(`/api/transcripts/${draft.id}/entities`, { type: "person", name });
    expect(response.status(), await response.text()).toBeLessThan(300);
    return (await json<{ entity: { id: string } }>(response)).entity;
  };
  const full = await tagName("Jens Stoltenberg");
  const alias = await tagName("Stoltenberg");
  const merged = await reporter.api.post(`/api/transcripts/${draft.id}/entities/${alias.id}/merge`, {
    intoId: full.id,
  });
  expect(merged.status(), await merged.text()).toBe(200);
  // The sentence with the alias moved to the front and reworded: its mention cannot be placed with certainty.
  const moved = "Later Stoltenberg said the alliance is strong, he added. Jens Stoltenberg opened the meeting.";
  await save(reporter.api, draft.id, paragraph, moved);

  await signIn(page, reporter.email, reporter.password);
  await page.goto(`/desk/transcripts/${draft.id}`);
  const review = page.getByTestId("needs-review");
  await expect(review).toContainText("Person mention");
  await expect(review).toContainText("A mention of Jens Stoltenberg");
  await expect(review).toContainText("Its words were moved or retyped elsewhere");
  await page.getByRole("button", { name: "Attach to “Stoltenberg” in paragraph 1" }).first().click();
  await expect(page.getByTestId("needs-review")).toHaveCount(0);
  const mentions = await db.mention.findMany({ where: { transcriptEntityId: full.id }, orderBy: { start: "asc" } });
  expect(mentions.map((mention) => [mention.status, moved.slice(mention.start, mention.end)])).toEqual([
    ["ANCHORED", "Stoltenberg"],
    ["ANCHORED", "Jens Stoltenberg"],
  ]);
  await page.getByRole("tab", { name: "Entities" }).click();
  await expect(page.getByTestId("entities-panel")).toContainText("Jens Stoltenberg ×2");
});
