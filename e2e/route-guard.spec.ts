import fs from "node:fs";
import path from "node:path";
import { expect, seedUser, signIn, test } from "./fixtures";

interface AppRoute {
  path: string;
  /** HTTP methods a route handler exports; pages answer GET. */
  methods: string[];
}

/** Every page and route handler under app/, as a URL path with sample values for dynamic segments. */
function appRoutes(): AppRoute[] {
  const routes: AppRoute[] = [];
  const visit = (directory: string, segments: string[]) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const name = entry.name;
        if (name.startsWith("_") || name.startsWith("@")) continue;
        const segment = /^\(.*\)$/.test(name)
          ? null
          : name.replace(/^\[\[?\.{3}.*\]\]?$/, "sample").replace(/^\[.*\]$/, "sample");
        visit(path.join(directory, name), segment === null ? segments : [...segments, segment]);
      } else if (/^page\.tsx?$/.test(entry.name)) {
        routes.push({ path: `/${segments.join("/")}`, methods: ["GET"] });
      } else if (/^route\.tsx?$/.test(entry.name)) {
        const source = fs.readFileSync(path.join(directory, entry.name), "utf8");
        const methods = [...source.matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\b(?= *[=,}]| as)/g)].map(
          (match) => match[1]!,
        );
        routes.push({ path: `/${segments.join("/")}`, methods: [...new Set(methods)] });
      }
    }
  };
  visit(path.join(process.cwd(), "app"), []);
  return routes;
}

const routes = appRoutes();
const staffRoutes = routes.filter((route) => /^\/(desk|admin)(\/|$)/.test(route.path)).map((route) => route.path);
const adminRoutes = staffRoutes.filter((route) => route.startsWith("/admin"));
// Everything under /api is for staff and automation, except next-auth's own endpoints.
const staffApiRoutes = routes.filter((route) => route.path.startsWith("/api/") && !route.path.startsWith("/api/auth/"));

test("the route list covers the staff area", () => {
  expect(staffRoutes).toEqual(
    expect.arrayContaining(["/desk", "/desk/account", "/desk/upload", "/desk/transcripts", "/admin", "/admin/audit"]),
  );
  expect(staffApiRoutes.map((route) => route.path)).toEqual(expect.arrayContaining(["/api/transcripts"]));
  for (const route of staffApiRoutes) expect(route.methods.length, route.path).toBeGreaterThan(0);
});

test("anonymous calls to every staff API route are refused with the JSON error shape", async ({ request }) => {
  for (const route of staffApiRoutes) {
    for (const method of route.methods) {
      const response = await request.fetch(route.path, { method, maxRedirects: 0 });
      expect(response.status(), `${method} ${route.path}`).toBe(401);
      expect((await response.json()).error.code, `${method} ${route.path}`).toBe("UNAUTHORIZED");
    }
  }
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

test("a session cookie sent from an odd or foreign origin gets a clean 403 from every staff API route", async ({
  page,
}) => {
  const reporter = await seedUser("REPORTER");
  await signIn(page, reporter.email, reporter.password);
  for (const route of staffApiRoutes) {
    for (const method of route.methods) {
      for (const origin of ["null", "http://evil.test", "not a url", "file://"]) {
        const label = `${method} ${route.path} from ${origin}`;
        const response = await page.request.fetch(route.path, { method, headers: { origin }, maxRedirects: 0 });
        expect(response.status(), label).toBe(403);
        expect(await response.json(), label).toEqual({
          error: { code: "FORBIDDEN", message: "Cross-site requests must use an API token (Authorization: Bearer …)." },
        });
      }
    }
  }
});

test("a server action posted to any page from an odd or foreign origin gets a clean 403", async ({ page }) => {
  const reporter = await seedUser("REPORTER");
  await signIn(page, reporter.email, reporter.password);
  const pages = routes.filter((route) => !route.path.startsWith("/api/")).map((route) => route.path);
  expect(pages).toEqual(expect.arrayContaining(["/", "/signin", "/setup", "/desk/account", "/admin"]));
  for (const path of pages) {
    for (const origin of ["null", "http://evil.test", "not a url"]) {
      const response = await page.request.post(path, {
        headers: { origin, "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
        data: "[]",
        maxRedirects: 0,
      });
      expect(response.status(), `${path} from ${origin}`).toBe(403);
      expect(await response.text()).toContain("Cross-site form submissions are refused");
    }
  }
});

test("next-auth's sign-in endpoint refuses a cross-site form (Origin: null, no CSRF token) without a session", async ({
  page,
}) => {
  const reporter = await seedUser("REPORTER");
  const response = await page.request.post("/api/auth/callback/credentials", {
    headers: { origin: "null" },
    form: { email: reporter.email, password: reporter.password, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(500);
  const cookies = await page.context().cookies();
  expect(cookies.some((cookie) => cookie.name.includes("next-auth.session-token"))).toBe(false);
});
