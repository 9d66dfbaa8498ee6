import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { createApiToken } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db";
import { expect, seedUser, signIn, test } from "./fixtures";

interface AppRoute {
  /** The URL path with "sample" for every dynamic segment. */
  path: string;
  /** The URL path as the folders spell it, with "[param]" for dynamic segments. */
  pattern: string;
  /** HTTP methods a route handler exports; pages answer GET. */
  methods: string[];
  page: boolean;
}

/** Every page and route handler under app/, as a URL path with sample values for dynamic segments. */
function appRoutes(): AppRoute[] {
  const routes: AppRoute[] = [];
  const visit = (directory: string, segments: string[]) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const name = entry.name;
        if (name.startsWith("_") || name.startsWith("@")) continue;
        visit(path.join(directory, name), /^\(.*\)$/.test(name) ? segments : [...segments, name]);
      } else if (/^page\.tsx?$/.test(entry.name)) {
        routes.push(route(segments, ["GET"], true));
      } else if (/^route\.tsx?$/.test(entry.name)) {
        const source = fs.readFileSync(path.join(directory, entry.name), "utf8");
        const methods = [...source.matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\b(?= *[=,}]| as)/g)].map(
          (match) => match[1]!,
        );
        routes.push(route(segments, [...new Set(methods)], false));
      }
    }
  };
  const sample = (segment: string) => segment.replace(/^\[\[?\.{3}.*\]\]?$/, "sample").replace(/^\[.*\]$/, "sample");
  const route = (segments: string[], methods: string[], page: boolean): AppRoute => ({
    path: `/${segments.map(sample).join("/")}`,
    pattern: `/${segments.join("/")}`,
    methods,
    page,
  });
  visit(path.join(process.cwd(), "app"), []);
  return routes;
}

/**
 * The pattern with real ids: `[name]` takes ids["parent/name"] (so /source-files/[id] and /transcripts/[id] differ),
 * else ids[name], else "sample".
 */
function fillPattern(pattern: string, ids: Record<string, string>): string {
  const parts = pattern.split("/");
  return parts
    .map((part, index) => {
      const name = /^\[(\w+)\]$/.exec(part)?.[1];
      if (!name) return part;
      return ids[`${parts[index - 1]}/${name}`] ?? ids[name] ?? "sample";
    })
    .join("/");
}

const routes = appRoutes();
const staffRoutes = routes.filter((route) => /^\/(desk|admin)(\/|$)/.test(route.path)).map((route) => route.path);
const adminRoutes = staffRoutes.filter((route) => route.startsWith("/admin"));
// Everything under /api is for staff and automation, except next-auth's own endpoints, the server's calls to
// itself (/api/internal, signed with a key only the server has), oEmbed, the public read API (published data
// for anyone) and the proxy's health checks (/api/health, /api/ready: no data).
const staffApiRoutes = routes.filter(
  (route) =>
    route.path.startsWith("/api/") &&
    !route.path.startsWith("/api/auth/") &&
    !route.path.startsWith("/api/internal/") &&
    route.path !== "/api/oembed" &&
    route.path !== "/api/health" &&
    route.path !== "/api/ready" &&
    !route.path.startsWith("/api/public/"),
);
const internalRoutes = routes.filter((route) => route.path.startsWith("/api/internal/"));

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

test("the server's internal routes answer 404 to anyone without the server's signature, signed in or not", async ({
  page,
}) => {
  expect(internalRoutes.map((route) => route.path)).toEqual(
    expect.arrayContaining(["/api/internal/scheduled", "/api/internal/expire"]),
  );
  const admin = await seedUser("ADMIN");
  for (const signedIn of [false, true]) {
    if (signedIn) await signIn(page, admin.email, admin.password);
    for (const route of internalRoutes) {
      for (const method of route.methods) {
        const attempts: Record<string, string>[] = [{}, { "x-verbatim-internal": "guessed" }];
        for (const headers of attempts) {
          const response = await page.request.fetch(route.path, { method, headers, data: { purge: true } });
          expect(response.status(), `${method} ${route.path}`).toBe(404);
        }
      }
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

// ---------------------------------------------------------------------------------------------------------------
// Transcript routes, tried with real ids: the pages under /desk/transcripts/[id], every /api/transcripts/[id]/…
// handler and /api/source-files/[id], walked from app/ so that a route added later is covered without a new line.

const TRANSCRIPT_ROUTE = /^\/(desk\/transcripts|api\/transcripts|api\/source-files)\/\[id\](\/|$)/;
const transcriptRoutes = routes.filter((route) => TRANSCRIPT_ROUTE.test(route.pattern));

/** Dynamic segments the transcript fixture has a real id for. */
const REAL_ID_PARAMS = [
  "id",
  "segmentId",
  "speakerId",
  "annotationId",
  "entityId",
  "mentionId",
  "userId",
  "number",
  "format",
  "linkId",
];

/** Writes run after reads and deletions last, so a route's own write cannot take away the row a later one needs. */
const METHOD_ORDER = ["GET", "PATCH", "PUT", "POST", "DELETE"];

interface Attempt {
  method: string;
  pattern: string;
  page: boolean;
}

const attempts: Attempt[] = transcriptRoutes
  .flatMap((route) => route.methods.map((method) => ({ method, pattern: route.pattern, page: route.page })))
  .sort((a, b) => METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));

const GUARD_TITLE = "Harbour works briefing";
const GUARD_TRANSCRIPT = `${GUARD_TITLE}

MODERATOR: Good morning and welcome to the briefing on the harbour works.

ANNA BERG: The council approved the new harbour budget on Tuesday. Work on the north quay starts in March.

TOM REED: When will the quay reopen to the ferries?

ANNA BERG: The quay reopens in the autumn, if the weather holds.
`;

function bearer(secret: string) {
  return { authorization: `Bearer ${secret}` };
}

async function ok(response: APIResponse, label: string) {
  expect(response.status(), `${label}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

/**
 * A draft owned by `owner`, uploaded through the API, with a row behind every id a transcript route takes: a
 * paragraph, a speaker, an internal note, an accepted entity, a colleague it is shared with, a deleted paragraph
 * (for …/restore) and a revision number.
 */
async function transcriptFixture(request: APIRequestContext, owner: { id: string }) {
  const { secret } = await createApiToken({ userId: owner.id, name: "route guard" });
  const headers = bearer(secret);
  const created = await ok(
    await request.post("/api/transcripts", { headers, data: { filename: "harbour.txt", text: GUARD_TRANSCRIPT } }),
    "upload",
  );
  const id = created.id as string;
  const base = `/api/transcripts/${id}`;
  const page = await ok(await request.get(base, { headers }), "read");
  const segments = page.segments as { id: string; text: string; version: number }[];
  expect(segments).toHaveLength(4);
  const [, budget, , last] = segments;
  const quay = budget!.text.indexOf("north quay");
  const note = await ok(
    await request.post(`${base}/annotations`, {
      headers,
      data: { segmentId: budget!.id, start: quay, end: quay + "north quay".length, kind: "note", body: "Check." },
    }),
    "annotate",
  );
  const entity = await ok(
    await request.post(`${base}/entities`, {
      headers,
      data: { type: "place", segmentId: budget!.id, start: quay, end: quay + "north quay".length },
    }),
    "tag",
  );
  const colleague = await seedUser("REPORTER", "Shared Colleague");
  await ok(await request.post(`${base}/shares`, { headers, data: { email: colleague.email } }), "share");
  // A preview link (lib/preview-links), for DELETE …/preview-links/[linkId].
  const previewLink = await ok(await request.post(`${base}/preview-links`, { headers, data: {} }), "preview link");
  await ok(await request.delete(`${base}/segments/${last!.id}?baseVersion=${last!.version}`, { headers }), "delete");
  const { revision } = await ok(await request.get(base, { headers }), "revision");
  const source = await db.sourceFile.findFirstOrThrow({ where: { transcriptId: id }, select: { id: true } });
  const mention = await db.mention.findFirstOrThrow({
    where: { transcriptEntityId: entity.entity.id },
    select: { id: true },
  });

  const ids: Record<string, string> = {
    "transcripts/id": id,
    "source-files/id": source.id,
    segmentId: budget!.id,
    speakerId: (page.speakers as { id: string }[])[1]!.id,
    annotationId: note.annotation.id,
    entityId: entity.entity.id,
    mentionId: mention.id,
    userId: colleague.id,
    number: String(revision),
    // An export format the untimed fixture has (subtitles need timings).
    format: "txt",
    linkId: previewLink.link.id,
  };
  // Restoring a paragraph needs a deleted one.
  const overrides: Record<string, Record<string, string>> = {
    "/api/transcripts/[id]/segments/[segmentId]/restore": { segmentId: last!.id },
  };
  return {
    id,
    headers,
    url: (pattern: string) => fillPattern(pattern, { ...ids, ...overrides[pattern] }),
    /** The same request for a transcript (or source file) that does not exist. */
    missingUrl: (pattern: string) =>
      fillPattern(pattern, {
        ...ids,
        ...overrides[pattern],
        "transcripts/id": "no-such-transcript",
        "source-files/id": "no-such-file",
      }),
  };
}

type Fixture = Awaited<ReturnType<typeof transcriptFixture>>;

/** Sends one attempt: API routes with a token (or none) and an empty JSON object for writes; pages through `page`. */
async function attempt(
  request: APIRequestContext,
  fixture: Fixture,
  { method, pattern }: Attempt,
  headers: Record<string, string>,
  { missing = false } = {},
) {
  const url = missing ? fixture.missingUrl(pattern) : fixture.url(pattern);
  const write = method !== "GET";
  return request.fetch(url, { method, headers, maxRedirects: 0, ...(write ? { data: {} } : {}) });
}

/** Everything the fixture set up is still there, unchanged: `revision` is the one it had. */
async function expectUntouched(request: APIRequestContext, fixture: Fixture, revision: number) {
  const page = await ok(await request.get(`/api/transcripts/${fixture.id}`, { headers: fixture.headers }), "read");
  expect(page.revision).toBe(revision);
  const shares = await ok(
    await request.get(`/api/transcripts/${fixture.id}/shares`, { headers: fixture.headers }),
    "shares",
  );
  expect(shares.shares).toHaveLength(1);
}

test("the transcript route list is walked from app/ and has a real id for every [param]", () => {
  const listed = attempts.map((entry) => `${entry.method} ${entry.pattern}`);
  expect(listed).toEqual(
    expect.arrayContaining([
      "GET /desk/transcripts/[id]",
      "GET /desk/transcripts/[id]/history",
      "GET /api/transcripts/[id]",
      "PATCH /api/transcripts/[id]",
      "GET /api/transcripts/[id]/annotations",
      "POST /api/transcripts/[id]/annotations",
      "PATCH /api/transcripts/[id]/annotations/[annotationId]",
      "DELETE /api/transcripts/[id]/annotations/[annotationId]",
      "POST /api/transcripts/[id]/annotations/[annotationId]/replies",
      "GET /api/transcripts/[id]/annotations/[annotationId]/candidates",
      "GET /api/transcripts/[id]/mentions/[mentionId]/candidates",
      "PATCH /api/transcripts/[id]/mentions/[mentionId]",
      "DELETE /api/transcripts/[id]/mentions/[mentionId]",
      "POST /api/transcripts/[id]/entities",
      "PATCH /api/transcripts/[id]/entities/[entityId]",
      "POST /api/transcripts/[id]/entities/[entityId]/merge",
      "POST /api/transcripts/[id]/presence",
      "POST /api/transcripts/[id]/replace",
      "GET /api/transcripts/[id]/revisions",
      "POST /api/transcripts/[id]/revisions/[number]/restore",
      "POST /api/transcripts/[id]/segments",
      "PATCH /api/transcripts/[id]/segments/[segmentId]",
      "DELETE /api/transcripts/[id]/segments/[segmentId]",
      "POST /api/transcripts/[id]/segments/[segmentId]/merge",
      "POST /api/transcripts/[id]/segments/[segmentId]/move",
      "POST /api/transcripts/[id]/segments/[segmentId]/restore",
      "POST /api/transcripts/[id]/segments/[segmentId]/split",
      "POST /api/transcripts/[id]/segments/speaker",
      "GET /api/transcripts/[id]/shares",
      "POST /api/transcripts/[id]/shares",
      "DELETE /api/transcripts/[id]/shares/[userId]",
      "GET /api/transcripts/[id]/preview-links",
      "POST /api/transcripts/[id]/preview-links",
      "DELETE /api/transcripts/[id]/preview-links/[linkId]",
      "POST /api/transcripts/[id]/speakers",
      "PATCH /api/transcripts/[id]/speakers/[speakerId]",
      "POST /api/transcripts/[id]/speakers/[speakerId]/merge",
      "POST /api/transcripts/[id]/speakers/[speakerId]/split",
      "GET /api/source-files/[id]",
      "GET /api/transcripts/[id]/export/[format]",
    ]),
  );
  expect(new Set(listed).size).toBe(listed.length);
  // The sample paths the other tests use hit the same routes.
  for (const route of transcriptRoutes) expect(route.path, route.pattern).not.toContain("[");
  for (const route of transcriptRoutes) {
    for (const name of route.pattern.match(/(?<=\[)\w+(?=\])/g) ?? []) {
      expect(REAL_ID_PARAMS, `${route.pattern}: give transcriptFixture a real id for [${name}]`).toContain(name);
    }
  }
  expect(fillPattern("/api/source-files/[id]", { "source-files/id": "file", "transcripts/id": "t" })).toBe(
    "/api/source-files/file",
  );
  expect(fillPattern("/api/transcripts/[id]/segments/[segmentId]", { "transcripts/id": "t", segmentId: "s" })).toBe(
    "/api/transcripts/t/segments/s",
  );
});

/** The owner and an editor get past the guard on every route: never 401, 403 or 404, and no 500. */
async function expectAllowedEverywhere(
  page: Page,
  request: APIRequestContext,
  fixture: Fixture,
  headers: Record<string, string>,
) {
  for (const entry of attempts) {
    const label = `${entry.method} ${fixture.url(entry.pattern)}`;
    if (entry.page) {
      const response = await page.request.get(fixture.url(entry.pattern), { maxRedirects: 0 });
      expect(response.status(), label).toBe(200);
      // A streamed not-found page answers 200 too: the transcript itself must be on the page.
      expect(await response.text(), label).toContain(GUARD_TITLE);
      continue;
    }
    const response = await attempt(request, fixture, entry, headers);
    const status = response.status();
    expect([401, 403, 404], `${label} answered ${status}: ${await response.text()}`).not.toContain(status);
    expect(status, `${label}: ${await response.text()}`).toBeLessThan(500);
    if (entry.method === "GET") expect(status, label).toBe(200);
  }
}

test("the owner reaches every transcript route with real ids", async ({ page, request }) => {
  const owner = await seedUser("REPORTER", "Route Owner");
  const fixture = await transcriptFixture(request, owner);
  await signIn(page, owner.email, owner.password);
  await expectAllowedEverywhere(page, request, fixture, fixture.headers);
});

test("an editor reaches every transcript route of a reporter's transcript without a share", async ({
  page,
  request,
}) => {
  const owner = await seedUser("REPORTER", "Route Owner");
  const editor = await seedUser("EDITOR", "Route Editor");
  const fixture = await transcriptFixture(request, owner);
  const { secret } = await createApiToken({ userId: editor.id, name: "route guard" });
  await signIn(page, editor.email, editor.password);
  await expectAllowedEverywhere(page, request, fixture, bearer(secret));
});

test("another reporter gets 404 NOT_FOUND from every transcript route, and changes nothing", async ({
  page,
  request,
}) => {
  const owner = await seedUser("REPORTER", "Route Owner");
  const stranger = await seedUser("REPORTER", "Route Stranger");
  const fixture = await transcriptFixture(request, owner);
  const { revision } = await ok(await request.get(`/api/transcripts/${fixture.id}`, { headers: fixture.headers }), "");
  const { secret } = await createApiToken({ userId: stranger.id, name: "route guard" });
  await signIn(page, stranger.email, stranger.password);
  for (const entry of attempts) {
    const label = `${entry.method} ${fixture.url(entry.pattern)}`;
    if (entry.page) {
      const response = await page.request.get(fixture.url(entry.pattern), { maxRedirects: 0 });
      // Soft, here and below: one run lists every route that answers otherwise.
      expect.soft(response.status(), label).toBe(404);
      expect(await response.text(), label).not.toContain(GUARD_TITLE);
      continue;
    }
    const response = await attempt(request, fixture, entry, bearer(secret));
    const body = await response.json();
    expect.soft(response.status(), `${label}: ${JSON.stringify(body)}`).toBe(404);
    expect.soft(body.error?.code, label).toBe("NOT_FOUND");
    // Whatever it answers, it answers exactly as it does for a transcript that does not exist.
    const missing = await attempt(request, fixture, entry, bearer(secret), { missing: true });
    expect([response.status(), body], `${label} as for a missing one`).toEqual([
      missing.status(),
      await missing.json(),
    ]);
  }
  await expectUntouched(request, fixture, revision);
});

test("anonymous requests to every transcript route with real ids get 401 or sign-in", async ({ request }) => {
  const owner = await seedUser("REPORTER", "Route Owner");
  const fixture = await transcriptFixture(request, owner);
  const { revision } = await ok(await request.get(`/api/transcripts/${fixture.id}`, { headers: fixture.headers }), "");
  for (const entry of attempts) {
    const label = `${entry.method} ${fixture.url(entry.pattern)}`;
    if (entry.page) {
      const response = await request.get(fixture.url(entry.pattern), { maxRedirects: 0 });
      expect(response.status(), label).toBe(307);
      expect(response.headers().location, label).toMatch(/^\/signin\?/);
      continue;
    }
    const response = await attempt(request, fixture, entry, {});
    expect(response.status(), label).toBe(401);
    expect((await response.json()).error.code, label).toBe("UNAUTHORIZED");
  }
  await expectUntouched(request, fixture, revision);
});
