import { expect, test } from "./fixtures";

test("home page shows the site name, is cached, and sends the security headers", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("link", { name: "Verbatim" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["content-security-policy"]).not.toContain("nonce-");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  // Served from the prerendered cache, not rendered per request.
  expect(headers["x-nextjs-cache"] ?? headers["x-nextjs-prerender"]).toBeTruthy();
  expect(headers["cache-control"]).toContain("s-maxage");
});

test("an unknown address answers 404 with a helpful page", async ({ page }) => {
  const response = await page.goto("/no-such-transcript");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We can’t find that page" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the latest transcripts" })).toBeVisible();
});

test("staff pages also carry the security headers", async ({ request }) => {
  const response = await request.get("/signin");
  expect(response.headers()["content-security-policy"]).toContain("default-src 'self'");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});
