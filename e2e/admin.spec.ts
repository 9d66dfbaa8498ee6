import { db } from "@/lib/db";
import { expect, seedUser, signIn, test, uniqueEmail } from "./fixtures";

test("admin invites a reporter, who joins, is kept out of admin, and is locked out on deactivation", async ({
  page,
  browser,
}) => {
  const admin = await seedUser("ADMIN", "Ada Admin");
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin");

  const email = uniqueEmail("new-reporter");
  const invite = page.getByRole("region", { name: "Invite someone" });
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Name").fill("Nadia Newcomer");
  await invite.getByLabel("Role").selectOption("REPORTER");
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(invite.getByTestId("form-success")).toHaveText("Nadia Newcomer is invited. Pass on the link below.");
  const link = await invite.getByTestId("issued-secret").inputValue();
  expect(link).toMatch(/\/invite\?token=/);
  await expect(page.getByTestId(`user-row-${email}`).getByTestId("user-status")).toHaveText("Invited");

  // The reporter, in their own browser.
  const reporterContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.200.0.1" } });
  const reporterPage = await reporterContext.newPage();
  await reporterPage.goto(new URL(link).pathname + new URL(link).search);
  await expect(reporterPage.getByRole("heading", { name: "Join Verbatim" })).toBeVisible();
  await expect(reporterPage.getByText(email)).toBeVisible();
  await reporterPage.getByLabel("Your name").fill("Nadia Newcomer");
  await reporterPage.getByLabel("New password", { exact: true }).fill("short");
  await reporterPage.getByLabel("Type the password again").fill("short");
  await reporterPage.getByRole("button", { name: "Set password" }).click();
  await expect(reporterPage.getByText("Use at least 12 characters.")).toBeVisible();

  await reporterPage.getByLabel("New password", { exact: true }).fill("nadia's long passphrase");
  await reporterPage.getByLabel("Type the password again").fill("nadia's long passphrase!");
  await reporterPage.getByRole("button", { name: "Set password" }).click();
  await expect(reporterPage.getByText("The two passwords do not match.")).toBeVisible();

  await reporterPage.getByLabel("New password", { exact: true }).fill("nadia's long passphrase");
  await reporterPage.getByLabel("Type the password again").fill("nadia's long passphrase");
  await reporterPage.getByRole("button", { name: "Set password" }).click();
  // Signed in at once: no second password entry.
  await expect(reporterPage).toHaveURL(/\/desk$/);
  await expect(reporterPage.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);

  const refused = await reporterPage.goto("/admin");
  expect(refused?.status()).toBe(403);
  await expect(reporterPage.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();

  // The used invitation link now says so.
  await reporterPage.goto(new URL(link).pathname + new URL(link).search);
  await expect(reporterPage.getByTestId("link-problem")).toContainText("This link has already been used.");

  // The admin deactivates the reporter; the reporter's open session ends on the next navigation.
  await reporterPage.goto("/desk");
  await expect(reporterPage).toHaveURL(/\/desk$/);
  await page.reload();
  const row = page.getByTestId(`user-row-${email}`);
  await expect(row.getByTestId("user-status")).toHaveText("Active");
  await row.getByRole("button", { name: "Deactivate" }).click();
  await row.getByLabel("Reason (kept in the audit log)").fill("Internship over");
  await row.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(row.getByText("Account deactivated.")).toBeVisible();
  await expect(row.getByTestId("user-status")).toHaveText("Deactivated");

  await reporterPage.getByRole("link", { name: "Desk", exact: true }).click();
  await expect(reporterPage).toHaveURL(/\/signin\?reason=deactivated/);
  await expect(reporterPage.getByText("Your account has been deactivated by an administrator")).toBeVisible();
  await reporterContext.close();

  // The audit log, filtered to this admin, starts with the deactivation.
  await page.goto("/admin/audit");
  await page.getByLabel("Who").selectOption(admin.id);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`actor=${admin.id}`));
  const newest = page.getByTestId("audit-row").first();
  await expect(newest.getByTestId("audit-action")).toHaveText("Deactivated a user");
  await expect(newest).toContainText(email);
  await expect(page.getByTestId("audit-action").filter({ hasText: "Invited a user" })).toHaveCount(1);
});

test("invitation form explains bad input beside each field and writes nothing", async ({ page }) => {
  const admin = await seedUser("ADMIN");
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin");
  const invite = page.getByRole("region", { name: "Invite someone" });

  await invite.getByLabel("Email").fill("not-an-email");
  await invite.getByLabel("Name").fill("n".repeat(201));
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(invite.getByText("Enter a valid email address, like name@newsroom.org.")).toBeVisible();
  await expect(invite.getByText("Names are at most 200 characters.")).toBeVisible();
  await expect(invite.getByLabel("Email")).toHaveValue("not-an-email");

  // A role outside the three, as a tampered form would send it.
  const tamperedEmail = uniqueEmail("tampered");
  await invite.getByLabel("Email").fill(tamperedEmail);
  await invite.getByLabel("Name").fill("Tampered Role");
  await invite.getByLabel("Role").evaluate((select: HTMLSelectElement) => {
    select.add(new Option("Owner", "OWNER"));
    select.value = "OWNER";
  });
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(invite.getByText("Choose a role: admin, editor or reporter.")).toBeVisible();

  await invite.getByLabel("Email").fill(admin.email);
  await invite.getByLabel("Role").selectOption("EDITOR");
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(invite.getByText("Someone already has an account with this email address.")).toBeVisible();
  expect(await db.user.count({ where: { OR: [{ email: tamperedEmail }, { email: "not-an-email" }] } })).toBe(0);
  expect(await db.user.count({ where: { email: admin.email } })).toBe(1);
});

test("admin changes a role and issues a password-reset link that works once", async ({ page, browser }) => {
  const admin = await seedUser("ADMIN");
  const reporter = await seedUser("REPORTER", "Rory Role");
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin");
  const row = page.getByTestId(`user-row-${reporter.email}`);
  await row.getByLabel("Role for Rory Role").selectOption("EDITOR");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText("Role saved.")).toBeVisible();
  await expect(row.getByRole("cell", { name: "Editor", exact: true })).toBeVisible();

  await row.getByRole("button", { name: "Password-reset link" }).click();
  const link = await row.getByTestId("issued-secret").inputValue();
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.201.0.1" } });
  const otherPage = await other.newPage();
  const path = new URL(link).pathname + new URL(link).search;
  await otherPage.goto(path);
  await otherPage.getByLabel("New password", { exact: true }).fill("rory's new passphrase");
  await otherPage.getByLabel("Type the password again").fill("rory's new passphrase");
  await otherPage.getByRole("button", { name: "Set new password" }).click();
  await expect(otherPage).toHaveURL(/reason=password-changed/);
  await otherPage.goto(path);
  await expect(otherPage.getByTestId("link-problem")).toContainText("This link has already been used.");
  await other.close();
});

test("an expired invitation link shows a clear page", async ({ page }) => {
  const admin = await seedUser("ADMIN");
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin");
  const invite = page.getByRole("region", { name: "Invite someone" });
  const email = uniqueEmail("expired");
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Name").fill("Ex Pired");
  await invite.getByRole("button", { name: "Invite" }).click();
  const link = new URL(await invite.getByTestId("issued-secret").inputValue());
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  await db.oneTimeToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
  await page.goto(link.pathname + link.search);
  await expect(page.getByTestId("link-problem")).toContainText("This link has expired.");
  await page.goto("/invite?token=garbage");
  await expect(page.getByTestId("link-problem")).toContainText("This link is not valid.");
});

test("admin cannot deactivate or demote themselves", async ({ page }) => {
  const admin = await seedUser("ADMIN");
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin");
  const row = page.getByTestId(`user-row-${admin.email}`);
  await expect(row.getByText("This is you")).toBeVisible();
  await expect(row.getByRole("button", { name: "Deactivate" })).toHaveCount(0);
});
