import fs from "node:fs";
import path from "node:path";
import { expect, seedUser, signIn, test } from "./fixtures";

/** Every page and route handler under app/, as a URL path with sample values for dynamic segments. */
function appRoutes(): string[] {
  const routes: string[] = [];
  const visit = (directory: string, segments: string[]) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const name = entry.name;
        if (name.startsWith("_") || name.startsWith("@")) continue;
        const segment = /^\(.*\)$/.test(name)
          ? null
          : name.replace(/^\[\[?\.{3}.*\]\]?$/, "sample").replace(/^\[.*\]$/, "sample");
        visit(path.join(directory, name), segment === null ? segments : [...segments, segment]);
      } else if (/^(page|route)\.tsx?$/.test(entry.name)) {
        routes.push(`/${segments.join("/")}`);
      }
    }
  };
  visit(path.join(process.cwd(), "app"), []);
  return routes;
}

const staffRoutes = appRoutes().filter((route) => /^\/(desk|admin)(\/|$)/.test(route));
const adminRoutes = staffRoutes.filter((route) => route.startsWith("/admin"));

test("the route list covers the staff area", () => {
  expect(staffRoutes).toEqual(expect.arrayContaining(["/desk", "/desk/account", "/admin", "/admin/audit"]));
});

test("anonymous requests to every staff route are sent to sign-in", async ({ request }) => {
  for (const route of staffRoutes) {
    const response = await request.get(route, { maxRedirects: 0 });
    expect(response.status(), route).toBe(307);
    expect(response.headers().location, route).toMatch(/^\/signin\?/);
  }
});

test("a forged session cookie gets past the proxy but not the page's own check", async ({ request }) => {
  for (const route of staffRoutes) {
    const response = await request.get(route, {
      maxRedirects: 0,
      headers: { cookie: "next-auth.session-token=forged" },
    });
    expect(response.status(), route).toBe(307);
    expect(response.headers().location, route).toMatch(/^\/signin\?reason=session-ended/);
  }
});

test("a reporter is refused every admin route", async ({ page }) => {
  const reporter = await seedUser("REPORTER");
  await signIn(page, reporter.email, reporter.password);
  for (const route of adminRoutes) {
    const response = await page.request.get(route, { maxRedirects: 0 });
    expect(response.status(), route).toBe(403);
  }
});
