import { expect, seedUser, signIn, test } from "./fixtures";

test("staff member changes their name and password; the old password stops working", async ({ page }) => {
  const editor = await seedUser("EDITOR", "Eddie Editor");
  await signIn(page, editor.email, editor.password);
  await page.goto("/desk/account");

  const nameSection = page.getByRole("region", { name: "Public profile" });
  await nameSection.getByLabel("Name").fill("");
  await nameSection.getByRole("button", { name: "Save profile" }).click();
  await expect(nameSection.getByText("Enter a name.")).toBeVisible();
  await nameSection.getByLabel("Name").fill("Edwina Editor");
  await nameSection.getByRole("button", { name: "Save profile" }).click();
  await expect(nameSection.getByText("Your profile is saved.")).toBeVisible();
  await expect(page.getByTestId("account-link")).toContainText("Edwina Editor");

  const passwordSection = page.getByRole("region", { name: "Password" });
  await passwordSection.getByLabel("Current password").fill("wrong current password");
  await passwordSection.getByLabel("New password", { exact: true }).fill("edwina's new passphrase");
  await passwordSection.getByLabel("Type the new password again").fill("edwina's new passphrase");
  await passwordSection.getByRole("button", { name: "Change password" }).click();
  await expect(passwordSection.getByText("That is not your current password.")).toBeVisible();

  await passwordSection.getByLabel("Current password").fill(editor.password);
  await passwordSection.getByLabel("New password", { exact: true }).fill("edwina's new passphrase");
  await passwordSection.getByLabel("Type the new password again").fill("edwina's new passphrase");
  await passwordSection.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/signin\?reason=password-changed/);

  await page.getByLabel("Email").fill(editor.email);
  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("That email and password do not match an active account.");
  await page.getByLabel("Password").fill("edwina's new passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/desk$/);
});

test("staff member creates an API token, sees it once, uses it, and revokes it", async ({ page }) => {
  const reporter = await seedUser("REPORTER", "Toni Tokens");
  await signIn(page, reporter.email, reporter.password);
  await page.goto("/desk/account");
  const tokens = page.getByRole("region", { name: "API tokens" });

  await tokens.getByRole("button", { name: "Create token" }).click();
  await expect(tokens.getByText("Name the token after what will use it")).toBeVisible();

  await tokens.getByLabel("Token name").fill("newsroom importer");
  await tokens.getByRole("button", { name: "Create token" }).click();
  await expect(tokens.getByText("Token created. Copy it now: it will not be shown again.")).toBeVisible();
  const secret = await tokens.getByTestId("issued-secret").inputValue();
  expect(secret).toMatch(/^vbt_[A-Za-z0-9_-]{43}$/);
  await expect(tokens.getByTestId("api-tokens")).toContainText("newsroom importer");

  const used = await page.request.post("/api/transcripts", {
    headers: { authorization: `Bearer ${secret}` },
    data: { filename: "note.txt", text: "MODERATOR: Good morning.", dryRun: true },
  });
  expect(used.status()).toBe(200);

  await page.reload();
  await expect(tokens.getByTestId("issued-secret")).toHaveCount(0);
  await tokens.getByRole("button", { name: "Revoke" }).click();
  await expect(tokens.getByText("Token revoked. Programs using it are refused from now on.")).toBeVisible();
  await expect(tokens.getByTestId("api-tokens")).toContainText("Revoked");
  const refused = await page.request.post("/api/transcripts", {
    headers: { authorization: `Bearer ${secret}` },
    data: { filename: "note.txt", text: "MODERATOR: Good morning.", dryRun: true },
  });
  expect(refused.status()).toBe(401);
});
