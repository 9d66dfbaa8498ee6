import { E2E_ADMIN } from "../playwright.config";
import { expect, seedUser, signIn, signInThroughForm, test } from "./fixtures";

test("staff member signs in, lands on the desk, and signs out", async ({ page }) => {
  const reporter = await seedUser("REPORTER", "Rita Reporter");
  await signInThroughForm(page, reporter.email, reporter.password);
  await expect(page.getByRole("heading", { name: "Good to see you, Rita" })).toBeVisible();
  await expect(page.getByTestId("account-link")).toContainText("Reporter");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?reason=signed-out/);
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdesk/);
});

test("Sign out works before the page's scripts run (here: none at all), and ends the session", async ({ browser }) => {
  const reporter = await seedUser("REPORTER", "Nils Noscript");
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await signIn(page, reporter.email, reporter.password);
    await page.goto("/desk");
    await expect(page.getByRole("heading", { name: "Good to see you, Nils" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin\?reason=signed-out/);
    await page.goto("/desk");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdesk/);
  } finally {
    await context.close();
  }
});

test("sign-in returns to the page that asked for it", async ({ page }) => {
  await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Faudit/);
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
});

test("a wrong password gets a message that does not reveal whether the account exists", async ({ page }) => {
  const reporter = await seedUser();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(reporter.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  const message = page.getByTestId("form-error");
  await expect(message).toHaveText("That email and password do not match an active account.");

  await page.getByLabel("Email").fill("nobody-here@newsroom.test");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(message).toHaveText("That email and password do not match an active account.");
  await expect(page).toHaveURL(/\/signin/);
});

test("repeated failures are rate-limited with a clear message, even for the right password", async ({ page }) => {
  const reporter = await seedUser();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(reporter.email);
  const message = page.getByTestId("form-error");
  for (let attempt = 1; attempt <= 10; attempt++) {
    await page.getByLabel("Password").fill(`wrong password number ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(message).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await expect(message).toContainText("Too many sign-in attempts. Wait 15 minutes and try again");
  await page.getByLabel("Password").fill(reporter.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(message).toContainText("Too many sign-in attempts.");
  await expect(page).toHaveURL(/\/signin/);
});

test("a tampered session cookie is refused with a clear message", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "next-auth.session-token", value: "forged.value.here", url: baseURL! }]);
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/signin\?reason=session-ended/);
  await expect(page.getByText("Your session has ended. Sign in again to continue.")).toBeVisible();
});

// callbackUrl values as an attacker would put them in a link (already URL-encoded in the query string).
const OPEN_REDIRECT_VARIANTS = [
  "/%09/evil.test/x",
  "/%0A/evil.test/x",
  "/%0D/evil.test/x",
  "/%5Cevil.test/x",
  "/%5C/evil.test/x",
  "%2F%2Fevil.test%2Fx",
  "/%252F%252Fevil.test/x",
  "%2F%255Cevil.test",
  "https%3A%2F%2Fevil.test%2Fx",
  "http:evil.test",
  "javascript:alert(document.domain)",
];

for (const variant of OPEN_REDIRECT_VARIANTS) {
  test(`signing in with callbackUrl=${variant} lands on the site`, async ({ page, baseURL }) => {
    const reporter = await seedUser("REPORTER", "Reda Redirect");
    await page.goto(`/signin?callbackUrl=${variant}`);
    await page.getByLabel("Email").fill(reporter.email);
    await page.getByLabel("Password").fill(reporter.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname !== "/signin");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname).toBe("/desk");
    await expect(page.getByRole("heading", { name: "Good to see you, Reda" })).toBeVisible();
  });
}
