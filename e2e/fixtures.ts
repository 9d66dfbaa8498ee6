import { randomInt, randomUUID } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import { createTestUser, TEST_PASSWORD } from "@/lib/test/factories";
import type { Role } from "@/lib/permissions";

export { expect, TEST_PASSWORD };

/**
 * Every test sends its own client address, from its browser and from its `request` alike: sign-in throttling and
 * readers' rate limits count per address, and one test's requests must not use up another's allowance.
 */
export const test = base.extend<{ clientAddress: string }>({
  clientAddress: [
    async ({ context }, use) => {
      const address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
      await context.setExtraHTTPHeaders({ "x-forwarded-for": address });
      await use(address);
    },
    { auto: true },
  ],
  request: async ({ playwright, baseURL, clientAddress }, provide) => {
    const request = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { "x-forwarded-for": clientAddress },
    });
    await provide(request);
    await request.dispose();
  },
});

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@newsroom.test`;
}

/** Seeds a staff account straight into the desk server's database. */
export async function seedUser(role: Role = "REPORTER", name = `Seeded ${role.toLowerCase()}`) {
  const user = await createTestUser({ role, name });
  return { ...user, password: TEST_PASSWORD };
}

/** Signs in through the form, as a person does, and waits for the desk. */
export async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/desk/);
}

/** Signs in through next-auth's endpoint (quicker), sharing the page's cookies. */
export async function signIn(page: Page, email: string, password: string) {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(response.status());
  const cookies = await page.context().cookies();
  expect(cookies.some((cookie) => cookie.name.includes("next-auth.session-token"))).toBe(true);
}
