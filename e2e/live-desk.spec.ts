// Issue 19, part 2: the desk while a live transcript runs. A reporter starts one from the desk; paragraphs arrive
// in the open editor within a couple of seconds, without a reload; the Live panel shows the feed's health and the
// words still being heard; a person's correction and the feed never overwrite each other.
import type { Page } from "@playwright/test";
import { createApiToken } from "@/lib/auth/api-tokens";
import { expect, seedUser, signIn, test } from "./fixtures";
import { expectFitsAndPassesAxe, expectNamedFieldsAndUniqueIds } from "./support/accessibility";
import { uniqueTag } from "./support/publishing";

function paragraph(page: Page, number: number) {
  return page.getByRole("textbox", { name: new RegExp(`^Paragraph ${number},`) });
}

test("a live transcript started on the desk grows in the open editor, and a correction and the feed both keep their words", async ({
  page,
  request,
}) => {
  const reporter = await seedUser("REPORTER", "Livia Desk");
  const { secret } = await createApiToken({ userId: reporter.id, name: "live feed" });
  let transcriptPath = "";
  const feed = (cues: unknown[]) =>
    request.post(`${transcriptPath}/live/cues`, { headers: { authorization: `Bearer ${secret}` }, data: { cues } });

  await signIn(page, reporter.email, reporter.password);
  await page.goto("/desk");
  await page.getByRole("link", { name: "Start a live transcript" }).click();
  const title = `Harbour council, live ${uniqueTag()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Speakers (optional)").fill("Mayor Berg\nCouncillor Dahl");
  await page.getByRole("button", { name: "Start the live transcript" }).click();
  await expect(page).toHaveURL(/\/desk\/transcripts\/[^/]+$/);
  transcriptPath = `/api/transcripts/${page.url().split("/").at(-1)}`;
  const panel = page.getByTestId("live-panel");
  await expect(panel).toContainText("Waiting for the first captions");

  // Captions arrive while the editor is open: no reload.
  expect(
    (
      await feed([
        { speaker: "Mayor Berg", text: "The harbour wall will be repaired by June.", startMs: 0, endMs: 3000 },
        { speaker: "Mayor Berg", text: "the cost is", final: false },
      ])
    ).status(),
  ).toBe(202);
  await expect(paragraph(page, 1)).toHaveValue("The harbour wall will be repaired by June.", { timeout: 5_000 });
  await expect(panel.getByTestId("live-tail")).toHaveText("Mayor Berg: the cost is");
  await expect(panel.getByTestId("live-received")).toHaveText("2");

  // The reporter corrects paragraph 1 while the feed goes on.
  await paragraph(page, 1).fill("The harbour wall will be repaired by July.");
  await expect(page.getByTestId("editor-status")).toHaveText(/^Saved/, { timeout: 15_000 });
  expect(
    (await feed([{ speaker: "Mayor Berg", text: "The cost is 4 million.", startMs: 3500, endMs: 5000 }])).status(),
  ).toBe(202);
  await expect(paragraph(page, 2)).toHaveValue("The cost is 4 million.", { timeout: 5_000 });
  await expect(paragraph(page, 1)).toHaveValue("The harbour wall will be repaired by July.");
  await expect(panel.getByTestId("live-tail")).toHaveCount(0);

  // The editor kept the reporter where they were: focus stays in paragraph 1 while paragraph 3 arrives.
  await paragraph(page, 1).focus();
  expect(
    (await feed([{ speaker: "Councillor Dahl", text: "Who pays for it?", startMs: 6000, endMs: 7000 }])).status(),
  ).toBe(202);
  await expect(paragraph(page, 3)).toHaveValue("Who pays for it?", { timeout: 5_000 });
  await expect(paragraph(page, 1)).toBeFocused();

  const draft = (await (
    await request.get(transcriptPath, { headers: { authorization: `Bearer ${secret}` } })
  ).json()) as {
    segments: { text: string }[];
  };
  expect(draft.segments.map((segment) => segment.text)).toEqual([
    "The harbour wall will be repaired by July.",
    "The cost is 4 million.",
    "Who pays for it?",
  ]);
});

for (const [width, height] of [
  [360, 780],
  [1280, 900],
] as const) {
  test(`the start form and the Live panel pass axe at ${width} px`, async ({ page, request }) => {
    const reporter = await seedUser("REPORTER", "Axel Live");
    await signIn(page, reporter.email, reporter.password);
    await page.setViewportSize({ width, height });
    await expectFitsAndPassesAxe(page, "/desk/live/new");
    await expectNamedFieldsAndUniqueIds(page, "/desk/live/new");

    const { secret } = await createApiToken({ userId: reporter.id, name: "axe" });
    const headers = { authorization: `Bearer ${secret}` };
    const created = (await (
      await request.post("/api/transcripts/live", { headers, data: { title: "Axe live" } })
    ).json()) as {
      id: string;
    };
    await request.post(`/api/transcripts/${created.id}/live/cues`, {
      headers,
      data: { cues: [{ text: "Good evening." }, { text: "and wel", final: false }] },
    });
    await expectFitsAndPassesAxe(page, `/desk/transcripts/${created.id}`);
    if (width < 1024) await page.getByRole("tab", { name: /^Live/ }).click();
    await expect(page.getByTestId("live-panel")).toBeVisible();
    await expect(page.getByTestId("live-tail")).toHaveText("and wel");
    // For a person to look at, when VERBATIM_SCREENSHOTS names a folder.
    if (process.env.VERBATIM_SCREENSHOTS) {
      await page.screenshot({ path: `${process.env.VERBATIM_SCREENSHOTS}/live-panel-${width}.png` });
    }
  });
}
