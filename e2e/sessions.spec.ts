import type { APIRequestContext, APIResponse, BrowserContext } from "@playwright/test";
import { createApiToken } from "@/lib/auth/api-tokens";
import { expect, seedUser, signIn, test } from "./fixtures";

async function sessionCookieOf(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((candidate) => candidate.name.includes("next-auth.session-token"));
  expect(cookie, "signed in").toBeDefined();
  return `${cookie!.name}=${cookie!.value}`;
}

/** Set-Cookie headers that hand out a (non-empty) session cookie. */
function freshSessionCookies(response: APIResponse): string[] {
  return response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === "set-cookie")
    .map((header) => header.value)
    .filter((value) => /next-auth\.session-token(\.\d+)?=[^;]+/.test(value));
}

function uploadWith(request: APIRequestContext, secret: string) {
  return request.post("/api/transcripts", {
    headers: { authorization: `Bearer ${secret}` },
    data: { filename: "note.txt", text: "MODERATOR: Good morning.", dryRun: true },
  });
}

/** Proves a token is accepted without running ingestion: it reaches the lookup and gets "no such file". */
async function expectTokenAccepted(request: APIRequestContext, secret: string) {
  const response = await request.get("/api/source-files/no-such-file", {
    headers: { authorization: `Bearer ${secret}` },
  });
  expect(response.status()).toBe(404);
}

test("a signed-out cookie is refused by /desk, and /api/auth/session answers {} without a fresh cookie", async ({
  page,
  browser,
  request,
}) => {
  const reporter = await seedUser("REPORTER", "Sol Signout");
  await signIn(page, reporter.email, reporter.password);
  const copied = await sessionCookieOf(page.context());

  const live = await request.get("/api/auth/session", { headers: { cookie: copied } });
  expect((await live.json()).user).toMatchObject({ email: reporter.email });

  await page.goto("/desk");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?reason=signed-out/);

  // Someone who copied the cookie before the sign-out gets nowhere with it.
  const ended = await request.get("/api/auth/session", { headers: { cookie: copied } });
  expect(ended.status()).toBe(200);
  expect(await ended.json()).toEqual({});
  expect(freshSessionCookies(ended)).toEqual([]);
  const desk = await request.get("/desk", { headers: { cookie: copied }, maxRedirects: 0 });
  expect(desk.status()).toBe(307);
  expect(desk.headers().location).toMatch(/^\/signin\?reason=session-ended/);

  const thief = await browser.newContext();
  const [name, value] = copied.split(/=(.*)/s);
  await thief.addCookies([{ name: name!, value: value!, url: page.url() }]);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/desk");
  await expect(thiefPage).toHaveURL(/\/signin\?reason=session-ended/);
  await thief.close();
});

test("deactivation ends the session and revokes the account's API tokens", async ({
  page,
  browser,
  request,
  clientAddress,
}) => {
  const admin = await seedUser("ADMIN", "Dee Activator");
  const reporter = await seedUser("REPORTER", "Tess Tokens");
  const { secret } = await createApiToken({ userId: reporter.id, name: "importer" });
  await expectTokenAccepted(request, secret);

  const reporterContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientAddress } });
  const reporterPage = await reporterContext.newPage();
  await signIn(reporterPage, reporter.email, reporter.password);
  const reporterCookie = await sessionCookieOf(reporterContext);

  await signIn(page, admin.email, admin.password);
  await page.goto("/admin");
  const row = page.getByTestId(`user-row-${reporter.email}`);
  await row.getByRole("button", { name: "Deactivate" }).click();
  await row.getByLabel("Reason (kept in the audit log)").fill("Left the newsroom");
  await row.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(row.getByText("Account deactivated.")).toBeVisible();

  const refused = await uploadWith(request, secret);
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("UNAUTHORIZED");
  const session = await request.get("/api/auth/session", { headers: { cookie: reporterCookie } });
  expect(await session.json()).toEqual({});
  expect(freshSessionCookies(session)).toEqual([]);
  await reporterContext.close();
});

test("an admin's password reset revokes the account's API tokens", async ({ page, request }) => {
  const admin = await seedUser("ADMIN", "Rhea Resetter");
  const reporter = await seedUser("REPORTER", "Rex Reset");
  const { secret } = await createApiToken({ userId: reporter.id, name: "importer" });
  await expectTokenAccepted(request, secret);

  await signIn(page, admin.email, admin.password);
  await page.goto("/admin");
  const row = page.getByTestId(`user-row-${reporter.email}`);
  await row.getByRole("button", { name: "Password-reset link" }).click();
  await expect(row.getByTestId("issued-secret")).toBeVisible();

  const refused = await uploadWith(request, secret);
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toBe("This API token is not valid or has been revoked.");
});

test("sign out everywhere ends another browser's session and revokes every token", async ({
  page,
  browser,
  request,
  clientAddress,
}) => {
  const editor = await seedUser("EDITOR", "Evi Everywhere");
  const { secret } = await createApiToken({ userId: editor.id, name: "importer" });
  await expectTokenAccepted(request, secret);
  const elsewhere = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientAddress } });
  const elsewherePage = await elsewhere.newPage();
  await signIn(elsewherePage, editor.email, editor.password);
  await elsewherePage.goto("/desk");
  await expect(elsewherePage).toHaveURL(/\/desk$/);

  await signIn(page, editor.email, editor.password);
  await page.goto("/desk/account");
  const section = page.getByRole("region", { name: "Sessions and tokens" });
  await section.getByRole("button", { name: "Sign out everywhere and revoke all tokens" }).click();
  await expect(
    section.getByText("Every browser signed in as you, this one included, will be signed out"),
  ).toBeVisible();
  await section.getByRole("button", { name: "Cancel" }).click();
  await section.getByRole("button", { name: "Sign out everywhere and revoke all tokens" }).click();
  await section.getByRole("button", { name: "Yes, sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/signin\?reason=signed-out-everywhere/);
  await expect(page.getByText("You have signed out everywhere, and your API tokens are revoked.")).toBeVisible();

  await elsewherePage.goto("/desk");
  await expect(elsewherePage).toHaveURL(/\/signin\?reason=session-ended/);
  expect((await uploadWith(request, secret)).status()).toBe(401);
  await elsewhere.close();
});
