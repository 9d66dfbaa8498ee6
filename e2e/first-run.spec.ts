import { execFileSync } from "node:child_process";
import { SERVERS } from "../playwright.config";
import { expect, test } from "./fixtures";

// Runs against the server started on an empty database with no ADMIN_EMAIL / ADMIN_PASSWORD.
function issueSetupLinkFromCli(): string {
  const output = execFileSync("node_modules/.bin/tsx", ["scripts/setup-link.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${SERVERS.fresh.database}`,
      NEXTAUTH_URL: `http://localhost:${SERVERS.fresh.port}`,
    },
    encoding: "utf8",
  });
  return new URL(output.trim()).pathname + new URL(output.trim()).search;
}

test("the first admin is created through the one-time setup link, which then stops working", async ({ page }) => {
  await page.goto("/setup?token=made-up-token");
  await expect(page.getByTestId("link-problem")).toContainText("This link is not valid.");

  const setupPath = issueSetupLinkFromCli();
  await page.goto(setupPath);
  await expect(page.getByRole("heading", { name: "Create the first admin" })).toBeVisible();

  await page.getByLabel("Email").fill("chief@");
  await page.getByLabel("Your name").fill("Chief Editor");
  await page.getByLabel("New password", { exact: true }).fill("too short");
  await page.getByLabel("Type the password again").fill("too short");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Enter a valid email address, like name@newsroom.org.")).toBeVisible();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();

  await page.getByLabel("Email").fill("chief@newsroom.test");
  await page.getByLabel("New password", { exact: true }).fill("the night desk's passphrase");
  await page.getByLabel("Type the password again").fill("the night desk's passphrase");
  await page.getByRole("button", { name: "Create admin account" }).click();
  // Signed in at once: the first admin lands on the desk without typing the password again.
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.getByTestId("account-link")).toContainText("Chief Editor · Admin");
  await expect(page.getByRole("link", { name: "Admin", exact: true })).toBeVisible();

  // A real session: it lasts across page loads.
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Staff accounts" })).toBeVisible();

  await page.goto(setupPath);
  await expect(page.getByTestId("link-problem")).toContainText("An admin account exists");
  expect(() => issueSetupLinkFromCli()).toThrow();
});
