// The desk fixes found when Verbatim was tried as a new user would (issue 9, §8): what an admin sees after saving a
// role or deactivating someone, what the person on the other end is told, joining without typing the password
// twice, readable audit entries, and the three tables on a phone.
import type { Browser, Page } from "@playwright/test";
import { db } from "@/lib/db";
import { createDraftFromUpload } from "@/lib/transcripts/create-draft";
import { expect, seedUser, signIn, test, uniqueEmail } from "./fixtures";

/** A colleague's own browser, signed in and on the desk. */
async function colleagueOnTheDesk(browser: Browser, email: string, password: string, address: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  const page = await context.newPage();
  await signIn(page, email, password);
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/desk$/);
  return { context, page };
}

async function openAdmin(page: Page) {
  const admin = await seedUser("ADMIN", "Ada Admin");
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin");
  return admin;
}

test("after “Role saved” the select shows the saved role, so saving again keeps it, and so does a reload", async ({
  page,
}) => {
  await openAdmin(page);
  const reporter = await seedUser("REPORTER", "Rory Role");
  await page.reload();
  const row = page.getByTestId(`user-row-${reporter.email}`);
  const select = row.getByLabel("Role for Rory Role");
  await expect(select).toHaveValue("REPORTER");

  await select.selectOption("EDITOR");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText("Role saved.")).toBeVisible();
  await expect(row.getByRole("cell", { name: "Editor", exact: true })).toBeVisible();
  await expect(select).toHaveValue("EDITOR");

  // The second press used to send the old role back.
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText("Role saved.")).toBeVisible();
  await expect(select).toHaveValue("EDITOR");
  expect((await db.user.findUniqueOrThrow({ where: { id: reporter.id } })).role).toBe("EDITOR");
  expect(await db.auditEvent.count({ where: { targetId: reporter.id, action: "user.role_changed" } })).toBe(1);

  await page.reload();
  await expect(page.getByTestId(`user-row-${reporter.email}`).getByLabel("Role for Rory Role")).toHaveValue("EDITOR");
});

test("deactivation asks for confirmation and a reason, the audit log keeps the reason, and the person's open tab is told they were deactivated", async ({
  page,
  browser,
  clientAddress,
}) => {
  // Two browsers, two tabs, an API call, a server action and the audit log.
  test.slow();
  await openAdmin(page);
  const reporter = await seedUser("REPORTER", "Dora Departing");
  const colleague = await colleagueOnTheDesk(browser, reporter.email, reporter.password, clientAddress);
  // A second tab of theirs has a form open: its next submission is a server action, not a page load.
  const accountTab = await colleague.context.newPage();
  await accountTab.goto("/desk/account");

  await page.reload();
  const row = page.getByTestId(`user-row-${reporter.email}`);
  await row.getByRole("button", { name: "Deactivate" }).click();
  const confirmation = row.getByRole("form", { name: "Deactivate Dora Departing" });
  await expect(confirmation).toContainText("Dora Departing will be signed out at once");
  await confirmation.getByRole("button", { name: "Cancel" }).click();
  await expect(confirmation).toHaveCount(0);
  expect((await db.user.findUniqueOrThrow({ where: { id: reporter.id } })).active).toBe(true);

  await row.getByRole("button", { name: "Deactivate" }).click();
  await confirmation.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(confirmation.getByText("Say why you are deactivating this account")).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: reporter.id } })).active).toBe(true);

  await confirmation.getByLabel("Reason (kept in the audit log)").fill("Contract ended on 27 November");
  await confirmation.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(row.getByText("Account deactivated.")).toBeVisible();
  await expect(row.getByTestId("user-status")).toHaveText("Deactivated");

  // Their open tab: a request it makes to the API (the editor's saves) is told why, and so is its next navigation.
  const apiAnswer = await colleague.page.evaluate(async () => {
    const response = await fetch("/api/source-files/no-such-file");
    return { status: response.status, body: await response.json() };
  });
  expect(apiAnswer).toMatchObject({
    status: 401,
    body: { error: { sessionEnded: "deactivated", message: "Your account has been deactivated by an administrator." } },
  });

  await colleague.page.getByRole("link", { name: "Desk", exact: true }).click();
  await expect(colleague.page).toHaveURL(/\/signin\?reason=deactivated/);
  await expect(
    colleague.page.getByText(
      "Your account has been deactivated by an administrator, so you were signed out. Ask an admin if you think this is a mistake.",
      { exact: true },
    ),
  ).toBeVisible();
  await expect(colleague.page.getByText("Sign in again")).toHaveCount(0);
  // The other tab's form: the server action is refused with the same explanation.
  const nameSection = accountTab.getByRole("region", { name: "Public profile" });
  await nameSection.getByLabel("Name").fill("Dora D.");
  await nameSection.getByRole("button", { name: "Save profile" }).click();
  await expect(accountTab).toHaveURL(/\/signin\?reason=deactivated/);
  await expect(accountTab.getByText("Your account has been deactivated by an administrator")).toBeVisible();
  await colleague.context.close();

  await page.goto("/admin/audit?action=user.deactivated");
  const entry = page.getByTestId("audit-row").filter({ hasText: reporter.email });
  await expect(entry.getByTestId("audit-action")).toHaveText("Deactivated a user");
  await expect(entry.getByTestId("audit-details")).toContainText("ReasonContract ended on 27 November");
});

test("a person whose role was changed is told so, with the new role, and the audit log names the roles in words", async ({
  page,
  browser,
  clientAddress,
}) => {
  await openAdmin(page);
  const reporter = await seedUser("REPORTER", "Pia Promoted");
  const colleague = await colleagueOnTheDesk(browser, reporter.email, reporter.password, clientAddress);

  await page.reload();
  const row = page.getByTestId(`user-row-${reporter.email}`);
  await row.getByLabel("Role for Pia Promoted").selectOption("EDITOR");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText("Role saved.")).toBeVisible();

  await colleague.page.getByRole("link", { name: "Desk", exact: true }).click();
  await expect(colleague.page).toHaveURL(/\/signin\?reason=role-changed&role=EDITOR/);
  await expect(
    colleague.page.getByText(
      "Your role was changed to Editor by an administrator, so you were signed out. Sign in again to continue as editor.",
      { exact: true },
    ),
  ).toBeVisible();
  await colleague.page.getByLabel("Email").fill(reporter.email);
  await colleague.page.getByLabel("Password").fill(reporter.password);
  await colleague.page.getByRole("button", { name: "Sign in" }).click();
  await expect(colleague.page).toHaveURL(/\/desk$/);
  await expect(colleague.page.getByTestId("account-link")).toContainText("Pia Promoted · Editor");
  await colleague.context.close();

  await page.goto("/admin/audit?action=user.role_changed");
  const details = page.getByTestId("audit-row").filter({ hasText: reporter.email }).getByTestId("audit-details");
  await expect(details).toContainText("FromReporter");
  await expect(details).toContainText("ToEditor");
  await expect(details).not.toContainText("EDITOR");
});

test("the invitation names the newsroom, the role and who invited; a common password is refused; joining lands on the desk signed in", async ({
  page,
  browser,
}) => {
  const admin = await seedUser("ADMIN", "Ines Inviter");
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin");
  const email = uniqueEmail("joiner");
  const invite = page.getByRole("region", { name: "Invite someone" });
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Name").fill("Jo Joiner");
  await invite.getByLabel("Role").selectOption("EDITOR");
  await invite.getByRole("button", { name: "Invite" }).click();
  const link = new URL(await invite.getByTestId("issued-secret").inputValue());

  const joinerContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.202.0.1" } });
  const joiner = await joinerContext.newPage();
  await joiner.goto(link.pathname + link.search);
  await expect(joiner.getByRole("heading", { name: "Join Verbatim" })).toBeVisible();
  await expect(joiner.getByTestId("invitation-summary")).toHaveText(
    "Ines Inviter invited you to Verbatim as an editor.",
  );

  const choose = async (password: string) => {
    await joiner.getByLabel("New password", { exact: true }).fill(password);
    await joiner.getByLabel("Type the password again").fill(password);
    await joiner.getByRole("button", { name: "Set password" }).click();
  };
  await choose("Qwerty123456");
  await expect(joiner.getByText("This password is on a list of the most common passwords")).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { email } })).passwordHash).toBeNull();

  await choose("jo's harbour lantern passphrase");
  await expect(joiner).toHaveURL(/\/desk$/);
  await expect(joiner.getByRole("heading", { name: "Good to see you, Jo" })).toBeVisible();
  await expect(joiner.getByTestId("account-link")).toContainText("Jo Joiner · Editor");
  // A real session: it lasts across page loads, and signing out ends it like any other.
  await joiner.goto("/desk/transcripts");
  await expect(joiner).toHaveURL(/\/desk\/transcripts$/);
  await joinerContext.close();
});

test("the audit log links to the transcript an event concerns", async ({ page }) => {
  const admin = await openAdmin(page);
  const draft = await createDraftFromUpload({
    userId: admin.id,
    title: "Harbour authority briefing on the new ferry timetable",
    input: {
      bytes: new TextEncoder().encode("MODERATOR: Good morning.\n\nHARBOUR MASTER: The ferry leaves at nine."),
      filename: "harbour-briefing.txt",
      mediaType: "text/plain",
    },
  });
  await page.goto(`/admin/audit?actor=${admin.id}&action=transcript.created`);
  const entry = page.getByTestId("audit-row").first();
  // The title is the link; it is not repeated as a detail line.
  await expect(entry.getByTestId("audit-details")).not.toContainText("Title");
  await entry.getByRole("link", { name: "Harbour authority briefing on the new ferry timetable" }).click();
  await expect(page).toHaveURL(new RegExp(`/desk/transcripts/${draft.id}$`));
});

test("the staff, audit and transcripts tables fit a 360 px phone without sideways scrolling", async ({
  page,
}, testInfo) => {
  // Two drafts through the ingest worker and six page loads, each with a full-page screenshot.
  test.slow();
  const admin = await seedUser("ADMIN", "Maximiliana Alexandrovna Featherstonehaugh-Cholmondeley");
  for (const title of [
    "The Minister for Fisheries, Coastal Affairs and Maritime Infrastructure on the Bergen agreement",
    "Budget hearing, day two",
  ]) {
    await createDraftFromUpload({
      userId: admin.id,
      title,
      input: {
        bytes: new TextEncoder().encode("MODERATOR: Good morning.\n\nMINISTER HOLM: Thank you for coming."),
        filename: "standing-committee-hearing-with-a-long-file-name.txt",
        mediaType: "text/plain",
      },
    });
  }
  await signIn(page, admin.email, admin.password);
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const [name, path] of [
      ["admin", "/admin"],
      ["audit", "/admin/audit"],
      ["transcripts", "/desk/transcripts"],
    ] as const) {
      await page.goto(path);
      await expect(page.locator(".data-table tbody tr").first()).toBeVisible();
      const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect(fits, `${path} at ${width} px is wider than the screen`).toBe(true);
      await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true });
    }
  }
});
