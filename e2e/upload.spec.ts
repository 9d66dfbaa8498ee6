import path from "node:path";
import { db } from "@/lib/db";
import { expect, seedUser, signIn, test } from "./fixtures";

const NATO = path.join(__dirname, "..", "lib", "ingest", "fixtures", "nato-press-conference-2019-02-14.txt");

test("reporter uploads the NATO press conference, restores one removed line and opens the draft from the list", async ({
  page,
}) => {
  const reporter = await seedUser("REPORTER", "Uma Uploader");
  await signIn(page, reporter.email, reporter.password);
  await page.goto("/desk/upload");
  await page.getByLabel("Choose files").setInputFiles(NATO);

  const item = page.getByTestId("upload-item");
  await expect(item.getByRole("textbox", { name: "Title" })).toHaveValue(
    "Press conference by NATO Secretary General Jens Stoltenberg following the meetings of NATO Defence Ministers",
  );
  await expect(item.getByLabel("Date", { exact: true })).toHaveValue("2019-02-14");
  await expect(item.getByTestId("preview-speakers")).toHaveText("Jens Stoltenberg");
  const removed = item.getByTestId("removed-lines");
  await expect(removed.getByText("#NATO #DefMin #OTAN")).toBeVisible();
  await expect(removed.getByText("Ещё видео!")).toBeVisible();
  await expect(item.getByTestId("preview-segments")).toContainText("And with that, I’m ready to take your questions.");
  await expect(item.getByTestId("preview-segments")).not.toContainText("SUBSCRIBE");

  // Keep one footer line the reporter wants after all.
  await removed.getByRole("checkbox", { name: /Connect with NATO online:/ }).check();
  await expect(item.getByText("1 removed line will be kept.")).toBeVisible();
  await item.getByRole("button", { name: "Create draft" }).click();
  // One file lands like several: in the list of created drafts, linked.
  await page
    .getByTestId("created-drafts")
    .getByRole("link", {
      name: "Press conference by NATO Secretary General Jens Stoltenberg following the meetings of NATO Defence Ministers",
    })
    .click();

  await expect(page).toHaveURL(/\/desk\/transcripts\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Press conference by NATO Secretary General Jens Stoltenberg following the meetings of NATO Defence Ministers",
  );
  const text = page.getByTestId("draft-segments");
  await expect(text).toContainText("Connect with NATO online:");
  await expect(text).not.toContainText("SUBSCRIBE to this channel");
  await expect(text).toContainText("Good afternoon.");
  // The editor's side panels open on demand.
  await page.getByRole("tab", { name: "Speakers" }).click();
  await expect(page.getByTestId("draft-speakers")).toContainText("Jens Stoltenberg");
  await page.getByRole("tab", { name: "Entities" }).click();
  await expect(page.getByTestId("entities-person")).toContainText("Federica Mogherini");
  await expect(page.getByTestId("entities-place")).toContainText("Kosovo");

  // The original is kept byte for byte.
  const id = page.url().split("/").pop()!;
  const source = await db.sourceFile.findFirstOrThrow({ where: { transcriptId: id } });
  const original = await import("node:fs").then((fs) => fs.readFileSync(NATO));
  expect(Buffer.from(source.content).equals(original)).toBe(true);
  const download = await page.request.get(`/api/source-files/${source.id}`);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(original)).toBe(true);
});

test("pasted text is previewed, and a file Verbatim cannot read gets a specific message", async ({ page }) => {
  const reporter = await seedUser();
  await signIn(page, reporter.email, reporter.password);
  await page.goto("/desk/upload");
  await page.getByLabel("Or paste text").fill("MODERATOR: Welcome, everyone.\nJANE DOE: Thank you for having me.");
  await page.getByRole("button", { name: "Preview pasted text" }).click();
  await expect(page.getByTestId("upload-item").first().getByTestId("preview-speakers")).toContainText("Jane Doe");

  await page.getByLabel("Choose files").setInputFiles({
    name: "photo.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"),
  });
  await expect(page.getByTestId("upload-error")).toContainText("PNG");
  await page
    .getByLabel("Choose files")
    .setInputFiles({ name: "empty.txt", mimeType: "text/plain", buffer: Buffer.from("   \n ") });
  await expect(page.getByTestId("upload-error").nth(1)).toContainText("whitespace");
});

test("when creating the draft fails, the preview and the reporter's choices stay", async ({ page }) => {
  const reporter = await seedUser();
  await signIn(page, reporter.email, reporter.password);
  await page.goto("/desk/upload");
  await page.getByLabel("Choose files").setInputFiles(NATO);
  const item = page.getByTestId("upload-item");
  const keep = item.getByTestId("removed-lines").getByRole("checkbox", { name: /#NATO #DefMin #OTAN/ });
  await keep.check();

  // The session ends between preview and creation (an admin deactivated the account, say).
  await db.user.update({ where: { id: reporter.id }, data: { active: false } });
  await item.getByRole("button", { name: "Create draft" }).click();
  await expect(item.getByTestId("create-error")).toHaveText(
    "Your session has ended. Sign in again in another tab, then retry.",
  );
  await expect(keep).toBeChecked();
  await expect(item.getByRole("button", { name: "Create draft" })).toBeEnabled();
  expect(await db.transcript.count({ where: { createdById: reporter.id } })).toBe(0);
});
