// The files every browser, phone and crawler asks for on its own: icons, the manifest, the share image, robots.txt.
import { expect, test } from "./fixtures";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("icons, the share image and the manifest are served with their types", async ({ request }) => {
  const expected = [
    { path: "/favicon.ico", type: /^image\/(x-icon|vnd\.microsoft\.icon)/ },
    { path: "/icon.svg", type: /^image\/svg\+xml/ },
    { path: "/apple-touch-icon.png", type: /^image\/png/, size: { width: 180, height: 180 } },
    { path: "/icon-192.png", type: /^image\/png/, size: { width: 192, height: 192 } },
    { path: "/icon-512.png", type: /^image\/png/, size: { width: 512, height: 512 } },
    { path: "/og-default.png", type: /^image\/png/, size: { width: 1200, height: 630 } },
    { path: "/manifest.webmanifest", type: /^application\/manifest\+json/ },
  ];
  for (const { path, type, size } of expected) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(type);
    if (size) expect(pngSize(await response.body()), path).toEqual(size);
  }

  // The ICO holds PNGs at 16, 32 and 48 pixels.
  const ico = await (await request.get("/favicon.ico")).body();
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
  const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
    const entry = 6 + 16 * index;
    const image = ico.subarray(
      ico.readUInt32LE(entry + 12),
      ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
    );
    const { width, height } = pngSize(image);
    expect([ico.readUInt8(entry), ico.readUInt8(entry + 1)]).toEqual([width, height]);
    return width;
  });
  expect(sizes).toEqual(expect.arrayContaining([16, 32, 48]));

  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as {
    name: string;
    start_url: string;
    theme_color: string;
    icons: { src: string; sizes: string }[];
  };
  expect(manifest).toMatchObject({ name: "Verbatim", start_url: "/", theme_color: "#fcfbf8" });
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
});

test("robots.txt keeps crawlers out of the desk, the admin area and the API", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
  const lines = (await response.text()).split("\n").map((line) => line.trim());
  expect(lines).toContain("User-Agent: *");
  expect(lines).toContain("Allow: /");
  for (const path of ["/desk", "/admin", "/api/", "/signin", "/setup", "/invite", "/reset-password"]) {
    expect(lines).toContain(`Disallow: ${path}`);
  }
  // The sitemap lists published pages only (e2e/feeds.spec.ts checks its contents).
  expect(lines.some((line) => /^sitemap: .*\/sitemap\.xml$/i.test(line))).toBe(true);
});

test("the home page links the icons, the manifest and the default share image", async ({ page }) => {
  await page.goto("/");
  const head = page.locator("head");
  await expect(head.locator('link[rel="icon"][href="/favicon.ico"]')).toHaveCount(1);
  await expect(head.locator('link[rel="icon"][href="/icon.svg"][type="image/svg+xml"]')).toHaveCount(1);
  await expect(head.locator('link[rel="apple-touch-icon"][href="/apple-touch-icon.png"]')).toHaveCount(1);
  await expect(head.locator('link[rel="manifest"][href="/manifest.webmanifest"]')).toHaveCount(1);
  const shareImage = await head.locator('meta[property="og:image"]').getAttribute("content");
  expect(new URL(shareImage ?? "").pathname).toBe("/og-default.png");
  await expect(head.locator('meta[property="og:image:width"]')).toHaveAttribute("content", "1200");
});
