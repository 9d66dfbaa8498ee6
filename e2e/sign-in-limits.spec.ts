import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, seedUser, signIn, test } from "./fixtures";

const WRONG = "That email and password do not match an active account.";
const TOO_MANY = /^Too many sign-in attempts\./;

/** One sign-in through next-auth's real endpoint: null when it signed in, otherwise the message the form shows. */
async function attemptSignIn(request: APIRequestContext, csrfToken: string, email: string, password: string) {
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

async function csrfTokenFor(page: Page): Promise<string> {
  return ((await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}

async function signInThroughFormExpectingError(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page.getByTestId("form-error");
}

async function lockOut(page: Page, email: string) {
  const csrfToken = await csrfTokenFor(page);
  for (let attempt = 0; attempt < 10; attempt++) {
    await attemptSignIn(page.request, csrfToken, email, `wrong password ${attempt}`);
  }
  expect(await attemptSignIn(page.request, csrfToken, email, "and one more wrong")).toMatch(TOO_MANY);
}

/** An admin, in a browser of their own, issues a password-reset link for `email` on /admin; returns its path. */
async function issueResetLink(browser: Browser, admin: { email: string; password: string }, email: string) {
  const adminContext = await browser.newContext();
  try {
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, admin.email, admin.password);
    await adminPage.goto("/admin");
    const row = adminPage.getByTestId(`user-row-${email}`);
    await row.getByRole("button", { name: "Password-reset link" }).click();
    const link = new URL(await row.getByTestId("issued-secret").inputValue());
    return link.pathname + link.search;
  } finally {
    await adminContext.close();
  }
}

test("a burst of 50 parallel attempts gets at most 10 password checks, and the right password is refused after it", async ({
  page,
}) => {
  const reporter = await seedUser("REPORTER", "Bea Burst");
  const csrfToken = await csrfTokenFor(page);
  const answers = await Promise.all(
    Array.from({ length: 50 }, (_, index) =>
      attemptSignIn(page.request, csrfToken, reporter.email, `wrong guess ${index}`),
    ),
  );
  // Every attempt whose password was checked answers "do not match", except the one that used the last of the 10.
  const checked = answers.filter((answer) => answer === WRONG);
  const refused = answers.filter((answer) => answer !== null && TOO_MANY.test(answer));
  expect(checked.length).toBeLessThanOrEqual(9);
  expect(refused.length).toBeGreaterThanOrEqual(41);
  expect(checked.length + refused.length).toBe(50);

  // The right password, even in a burst of its own, is refused once the limit is hit (the unit test in
  // lib/auth/authenticate.test.ts puts it inside the first burst, where the order is certain).
  const rightOnes = await Promise.all(
    Array.from({ length: 5 }, () => attemptSignIn(page.request, csrfToken, reporter.email, reporter.password)),
  );
  for (const answer of rightOnes) expect(answer).toMatch(TOO_MANY);
  const message = await signInThroughFormExpectingError(page, reporter.email, reporter.password);
  await expect(message).toContainText("Too many sign-in attempts.");
  await expect(page).toHaveURL(/\/signin/);
});

test("an admin's reset link lifts the lockout: the owner's password works again at once", async ({ page, browser }) => {
  const admin = await seedUser("ADMIN", "Lia Lockout");
  const reporter = await seedUser("REPORTER", "Lou Locked");
  await lockOut(page, reporter.email);

  await issueResetLink(browser, admin, reporter.email);

  await page.goto("/signin");
  await page.getByLabel("Email").fill(reporter.email);
  await page.getByLabel("Password").fill(reporter.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/desk$/);
});

test("the owner's successful reset lifts the lockout", async ({ page, browser }) => {
  const admin = await seedUser("ADMIN", "Rae Resetter");
  const reporter = await seedUser("REPORTER", "Ola Owner");
  const link = await issueResetLink(browser, admin, reporter.email);

  // Locked out after the link was issued: only the owner's reset can lift it now.
  await lockOut(page, reporter.email);
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("ola's fresh passphrase");
  await page.getByLabel("Type the password again").fill("ola's fresh passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/reason=password-changed/);
  await page.getByLabel("Email").fill(reporter.email);
  await page.getByLabel("Password").fill("ola's fresh passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/desk$/);
});

test("a common password, or one containing the email, is refused with the reason", async ({ page, browser }) => {
  const admin = await seedUser("ADMIN", "Pat Policy");
  const reporter = await seedUser("REPORTER", "Wes Weak");
  const link = await issueResetLink(browser, admin, reporter.email);

  await page.goto(link);
  const choose = async (password: string) => {
    await page.getByLabel("New password", { exact: true }).fill(password);
    await page.getByLabel("Type the password again").fill(password);
    await page.getByRole("button", { name: "Set new password" }).click();
  };
  await choose("password1234");
  await expect(page.getByText("This password is on a list of the most common passwords")).toBeVisible();
  await choose("Password1234!");
  await expect(page.getByText("This password is too easy to guess: it is built from a common password")).toBeVisible();
  await choose(`my ${reporter.email} key`);
  await expect(page.getByText("A password cannot contain your email address.")).toBeVisible();
  await choose("a sturdy fresh passphrase");
  await expect(page).toHaveURL(/reason=password-changed/);
});
