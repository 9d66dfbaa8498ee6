// The transcript editor's JSON API over HTTP, as automation uses it: personal API tokens, real drafts uploaded
// through POST /api/transcripts, and the contract of GET/PATCH/POST under /api/transcripts/:id.
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { createApiToken } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db";
import { expect, seedUser, test } from "./fixtures";

const HARBOUR = `Harbour works briefing

MODERATOR: Good morning and welcome to the briefing on the harbour works.

ANNA BERG: The council approved the new harbour budget on Tuesday. Work on the north quay starts in March.

MODERATOR: Questions from the floor, please.

TOM REED: When will the quay reopen to the ferries?

ANNA BERG: The quay reopens in the autumn, if the weather holds.
`;

const PARAGRAPHS = [
  "Good morning and welcome to the briefing on the harbour works.",
  "The council approved the new harbour budget on Tuesday. Work on the north quay starts in March.",
  "Questions from the floor, please.",
  "When will the quay reopen to the ferries?",
  "The quay reopens in the autumn, if the weather holds.",
];

const NOT_FOUND = { error: { code: "NOT_FOUND", message: "No such transcript, or it is not shared with you." } };

interface Segment {
  id: string;
  position: number;
  speakerId: string | null;
  text: string;
  startMs: number | null;
  endMs: number | null;
  version: number;
}

interface Annotation {
  id: string;
  segmentId: string;
  start: number;
  end: number;
  quote: { exact: string; prefix: string; suffix: string };
  status: "anchored" | "needs_review";
}

/** Calls the API as one person, with a personal API token. */
class Client {
  constructor(
    private readonly request: APIRequestContext,
    private readonly token: string,
  ) {}

  private get headers() {
    return { authorization: `Bearer ${this.token}` };
  }

  get(path: string) {
    return this.request.get(path, { headers: this.headers, maxRedirects: 0 });
  }

  post(path: string, data: unknown) {
    return this.request.post(path, { headers: this.headers, data, maxRedirects: 0 });
  }

  patch(path: string, data: unknown) {
    return this.request.patch(path, { headers: this.headers, data, maxRedirects: 0 });
  }

  /** A POST whose body is sent as given, JSON or not. */
  postRaw(path: string, body: string) {
    return this.request.post(path, {
      headers: { ...this.headers, "content-type": "application/json" },
      data: body,
      maxRedirects: 0,
    });
  }
}

async function person(request: APIRequestContext, role: "REPORTER" | "EDITOR" | "ADMIN", name: string) {
  const user = await seedUser(role, name);
  const { secret } = await createApiToken({ userId: user.id, name: "editor api e2e" });
  return { ...user, api: new Client(request, secret) };
}

/** Uploads the harbour briefing as a draft owned by the client's user; returns its id and first page. */
async function uploadDraft(client: Client) {
  const created = await client.post("/api/transcripts", { filename: "harbour.txt", text: HARBOUR });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const page = await client.get(`/api/transcripts/${id}`);
  expect(page.status()).toBe(200);
  const body = (await page.json()) as { segments: Segment[]; speakers: { id: string; name: string }[] };
  expect(body.segments.map((segment) => segment.text)).toEqual(PARAGRAPHS);
  return { id, segments: body.segments, speakers: body.speakers };
}

async function json<T = Record<string, unknown>>(response: APIResponse): Promise<T> {
  return (await response.json()) as T;
}

async function annotationsOf(client: Client, transcriptId: string): Promise<Annotation[]> {
  const response = await client.get(`/api/transcripts/${transcriptId}/annotations`);
  expect(response.status()).toBe(200);
  return (await json<{ annotations: Annotation[] }>(response)).annotations;
}

/** The quote selector must be the words at [start, end) with text that really surrounds them. */
function expectQuoteMatches(text: string, annotation: Annotation, words: string) {
  const { start, end, quote } = annotation;
  expect(text.slice(start, end)).toBe(words);
  expect(quote.exact).toBe(words);
  expect(quote.prefix.length).toBeGreaterThan(0);
  expect(text.slice(start - quote.prefix.length, start)).toBe(quote.prefix);
  expect(text.slice(end, end + quote.suffix.length)).toBe(quote.suffix);
}

test("GET /api/transcripts/:id answers the transcript, its speakers and a page of its paragraphs", async ({
  request,
}) => {
  const owner = await person(request, "REPORTER", "Greta Owner");
  const { id } = await uploadDraft(owner.api);

  const response = await owner.api.get(`/api/transcripts/${id}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  const body = await json<{
    speakers: Record<string, unknown>[];
    segments: (Segment & Record<string, unknown>)[];
    [key: string]: unknown;
  }>(response);
  expect(body).toMatchObject({
    id,
    slug: expect.stringMatching(/^[a-z0-9-]+$/),
    title: "Harbour works briefing",
    status: "draft",
    version: expect.any(Number),
    revision: expect.any(Number),
    segmentCount: PARAGRAPHS.length,
    from: 0,
  });
  expect(body.take).toBeGreaterThanOrEqual(PARAGRAPHS.length);

  // Speakers carry exactly the contract's fields.
  expect(body.speakers.map((speaker) => speaker.name)).toEqual(["Moderator", "Anna Berg", "Tom Reed"]);
  for (const speaker of body.speakers) {
    expect(Object.keys(speaker).sort()).toEqual(["id", "name", "outlet", "role", "title"]);
    expect(speaker.id).toEqual(expect.any(String));
  }
  expect(body.speakers[0]).toMatchObject({ role: "moderator", title: null, outlet: null });

  // Paragraphs in reading order, each with its speaker, text, timings and version.
  const speakerOf = new Map(body.speakers.map((speaker) => [speaker.id as string, speaker.name as string]));
  expect(body.segments.map((segment) => speakerOf.get(segment.speakerId ?? ""))).toEqual([
    "Moderator",
    "Anna Berg",
    "Moderator",
    "Tom Reed",
    "Anna Berg",
  ]);
  body.segments.forEach((segment, index) => {
    expect(segment).toMatchObject({
      id: expect.any(String),
      position: index,
      text: PARAGRAPHS[index],
      startMs: null,
      endMs: null,
      version: 1,
    });
  });
  expect(new Set(body.segments.map((segment) => segment.id)).size).toBe(PARAGRAPHS.length);

  // A page from the middle.
  const paged = await owner.api.get(`/api/transcripts/${id}?from=1&take=2`);
  expect(paged.status()).toBe(200);
  const page = await json<{ segments: Segment[]; from: number; take: number; segmentCount: number }>(paged);
  expect(page).toMatchObject({ from: 1, take: 2, segmentCount: PARAGRAPHS.length });
  expect(page.segments.map((segment) => segment.position)).toEqual([1, 2]);
  expect(page.segments.map((segment) => segment.id)).toEqual([body.segments[1]!.id, body.segments[2]!.id]);
  expect(page.segments.map((segment) => segment.text)).toEqual(PARAGRAPHS.slice(1, 3));

  // Past the end: an empty page, not an error.
  const beyond = await owner.api.get(`/api/transcripts/${id}?from=5&take=2`);
  expect(beyond.status()).toBe(200);
  expect((await json<{ segments: Segment[] }>(beyond)).segments).toEqual([]);

  for (const query of ["take=abc", "take=-1", "take=2.5", "take=100000", "from=-1", "from=x"]) {
    const bad = await owner.api.get(`/api/transcripts/${id}?${query}`);
    expect(bad.status(), query).toBe(400);
    const error = (await json<{ error: { code: string; message: string; fieldErrors?: object } }>(bad)).error;
    expect(error, query).toEqual({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^(take|from) must be a whole number/),
      fieldErrors: { [query.split("=")[0]!]: expect.any(String) },
    });
  }
});

test("PATCH re-anchors the paragraph's annotations and answers them; deleting the quoted words needs review", async ({
  request,
}) => {
  const owner = await person(request, "REPORTER", "Greta Owner");
  const { id, segments } = await uploadDraft(owner.api);
  const paragraph = segments[1]!;
  const words = "north quay";
  const start = paragraph.text.indexOf(words);

  const created = await owner.api.post(`/api/transcripts/${id}/annotations`, {
    segmentId: paragraph.id,
    start,
    end: start + words.length,
    kind: "context",
    body: "The **north quay** closed in 2021 after storm damage.",
  });
  expect(created.status()).toBe(201);
  const { annotation } = await json<{ annotation: Annotation }>(created);
  expect(annotation).toMatchObject({
    id: expect.any(String),
    segmentId: paragraph.id,
    start,
    end: start + words.length,
    status: "anchored",
  });
  expectQuoteMatches(paragraph.text, annotation, words);

  // Words inserted before the phrase move it along.
  const inserted = "After a long debate in the chamber. ";
  const edited = `${inserted}${paragraph.text}`;
  const patched = await owner.api.patch(`/api/transcripts/${id}/segments/${paragraph.id}`, {
    text: edited,
    baseVersion: paragraph.version,
  });
  expect(patched.status()).toBe(200);
  const result = await json<{ segment: Segment; annotations: Annotation[] }>(patched);
  expect(result.segment).toMatchObject({
    id: paragraph.id,
    position: 1,
    text: edited,
    version: paragraph.version + 1,
    speakerId: paragraph.speakerId,
  });
  expect(result.annotations).toHaveLength(1);
  const moved = result.annotations[0]!;
  expect(moved).toMatchObject({
    id: annotation.id,
    segmentId: paragraph.id,
    start: start + inserted.length,
    end: start + inserted.length + words.length,
    status: "anchored",
  });
  expectQuoteMatches(edited, moved, words);

  const listed = await annotationsOf(owner.api, id);
  expect(listed).toHaveLength(1);
  expect(listed[0]).toMatchObject({
    id: annotation.id,
    start: moved.start,
    end: moved.end,
    status: "anchored",
    quote: { exact: words },
  });

  // Deleting the quoted words leaves it for a person to re-attach.
  const withoutWords = "After a long debate in the chamber. The council approved the new harbour budget on Tuesday.";
  const deleted = await owner.api.patch(`/api/transcripts/${id}/segments/${paragraph.id}`, {
    text: withoutWords,
    baseVersion: paragraph.version + 1,
  });
  expect(deleted.status()).toBe(200);
  const afterDelete = await json<{ segment: Segment; annotations: Annotation[] }>(deleted);
  expect(afterDelete.segment.text).toBe(withoutWords);
  expect(afterDelete.annotations.map((entry) => [entry.id, entry.status])).toEqual([[annotation.id, "needs_review"]]);

  const review = await annotationsOf(owner.api, id);
  expect(review).toHaveLength(1);
  expect(review[0]).toMatchObject({ id: annotation.id, status: "needs_review", quote: { exact: words } });
});

test("a stale baseVersion gets 409 CONFLICT with the first writer's text and name; other paragraphs save", async ({
  request,
}) => {
  const owner = await person(request, "REPORTER", "Greta Owner");
  const editor = await person(request, "EDITOR", "Ebba Desk-Editor");
  const { id, segments } = await uploadDraft(owner.api);
  const [first, , , fourth] = segments;

  // Both open the transcript at the same versions. The editor saves paragraph 0 first.
  const editorsText = "Good morning, and welcome to this briefing on the harbour works.";
  const firstSave = await editor.api.patch(`/api/transcripts/${id}/segments/${first!.id}`, {
    text: editorsText,
    baseVersion: first!.version,
  });
  expect(firstSave.status()).toBe(200);

  const stale = await owner.api.patch(`/api/transcripts/${id}/segments/${first!.id}`, {
    text: "Good morning everyone.",
    baseVersion: first!.version,
  });
  expect(stale.status()).toBe(409);
  const { error } = await json<{
    error: {
      code: string;
      message: string;
      current: { segment: Segment; by: { id: string; name: string }; at: string };
    };
  }>(stale);
  expect(error.code).toBe("CONFLICT");
  expect(error.message).toEqual(expect.any(String));
  expect(error.message).toContain(editor.name);
  expect(error.current.segment).toMatchObject({
    id: first!.id,
    position: 0,
    text: editorsText,
    version: first!.version + 1,
  });
  expect(error.current.by).toMatchObject({ id: editor.id, name: "Ebba Desk-Editor" });
  expect(new Date(error.current.at).toString()).not.toBe("Invalid Date");

  // Nothing of the stale save was written.
  const now = await json<{ segments: Segment[] }>(await owner.api.get(`/api/transcripts/${id}?from=0&take=1`));
  expect(now.segments[0]).toMatchObject({ text: editorsText, version: first!.version + 1 });

  // Two different paragraphs edited from the same starting versions, at once: both save.
  const [a, b] = await Promise.all([
    owner.api.patch(`/api/transcripts/${id}/segments/${fourth!.id}`, {
      text: "When will the quay reopen to ferries and freight?",
      baseVersion: fourth!.version,
    }),
    editor.api.patch(`/api/transcripts/${id}/segments/${segments[2]!.id}`, {
      text: "Questions from the floor now, please.",
      baseVersion: segments[2]!.version,
    }),
  ]);
  expect(a.status(), await a.text()).toBe(200);
  expect(b.status(), await b.text()).toBe(200);
  const texts = (await json<{ segments: Segment[] }>(await owner.api.get(`/api/transcripts/${id}`))).segments.map(
    (segment) => segment.text,
  );
  expect(texts).toEqual([
    editorsText,
    PARAGRAPHS[1],
    "Questions from the floor now, please.",
    "When will the quay reopen to ferries and freight?",
    PARAGRAPHS[4],
  ]);
});

test("bad annotation and paragraph bodies get 4xx with the error shape and write nothing", async ({ request }) => {
  const owner = await person(request, "REPORTER", "Greta Owner");
  const { id, segments } = await uploadDraft(owner.api);
  const paragraph = segments[3]!;
  const length = paragraph.text.length;

  const outside = await owner.api.post(`/api/transcripts/${id}/annotations`, {
    segmentId: paragraph.id,
    start: length - 5,
    end: length + 1,
    kind: "note",
    body: "Check this.",
  });
  expect(outside.status()).toBe(422);
  expect(await outside.json()).toEqual({
    error: {
      code: "UNPROCESSABLE",
      message: expect.stringContaining(`(0–${length})`),
      fieldErrors: { start: expect.any(String) },
    },
  });

  const unknownField = await owner.api.post(`/api/transcripts/${id}/annotations`, {
    segmentId: paragraph.id,
    start: 0,
    end: 4,
    kind: "note",
    body: "Check this.",
    colour: "red",
  });
  expect(unknownField.status()).toBe(400);
  const unknownError = (await json<{ error: { code: string; message: string } }>(unknownField)).error;
  expect(unknownError.code).toBe("BAD_REQUEST");
  expect(unknownError.message).toContain("colour");

  const noVerdict = await owner.api.post(`/api/transcripts/${id}/annotations`, {
    segmentId: paragraph.id,
    start: 0,
    end: 4,
    kind: "factcheck",
    body: "Ferries stopped in 2021.",
  });
  expect(noVerdict.status()).toBe(400);
  expect(await noVerdict.json()).toEqual({
    error: { code: "BAD_REQUEST", message: expect.any(String), fieldErrors: { verdict: expect.any(String) } },
  });

  const badKind = await owner.api.post(`/api/transcripts/${id}/annotations`, {
    segmentId: paragraph.id,
    start: 0,
    end: 4,
    kind: "rumour",
    body: "",
  });
  expect(badKind.status()).toBe(400);
  expect((await json<{ error: { fieldErrors: object } }>(badKind)).error.fieldErrors).toEqual({
    kind: expect.any(String),
  });

  const notJson = await owner.api.postRaw(`/api/transcripts/${id}/annotations`, "{not json");
  expect(notJson.status()).toBe(400);
  expect((await json<{ error: { code: string } }>(notJson)).error.code).toBe("BAD_REQUEST");

  const unknownSegmentField = await owner.api.patch(`/api/transcripts/${id}/segments/${paragraph.id}`, {
    text: "When?",
    baseVersion: paragraph.version,
    bold: true,
  });
  expect(unknownSegmentField.status()).toBe(400);
  expect((await json<{ error: { code: string; message: string } }>(unknownSegmentField)).error).toMatchObject({
    code: "BAD_REQUEST",
    message: expect.stringContaining("bold"),
  });

  const noBaseVersion = await owner.api.patch(`/api/transcripts/${id}/segments/${paragraph.id}`, { text: "When?" });
  expect(noBaseVersion.status()).toBe(400);
  expect((await json<{ error: { fieldErrors: object } }>(noBaseVersion)).error.fieldErrors).toEqual({
    baseVersion: expect.any(String),
  });

  expect(await annotationsOf(owner.api, id)).toEqual([]);
  const unchanged = await json<{ segments: Segment[] }>(await owner.api.get(`/api/transcripts/${id}`));
  expect(unchanged.segments.map((segment) => [segment.text, segment.version])).toEqual(
    segments.map((segment) => [segment.text, segment.version]),
  );

  // The same range with a verdict is fine: the refusals above were about the body, not the range.
  const factcheck = await owner.api.post(`/api/transcripts/${id}/annotations`, {
    segmentId: paragraph.id,
    start: 0,
    end: 4,
    kind: "factcheck",
    body: "Ferries stopped in 2021.",
    verdict: "accurate",
    sources: [{ url: "https://example.org/ferries", title: "Ferry timetable" }],
  });
  expect(factcheck.status()).toBe(201);
  expect(await factcheck.json()).toMatchObject({
    annotation: { start: 0, end: 4, quote: { exact: "When", prefix: "" }, status: "anchored" },
  });
});

test("a reporter it is not shared with gets 404 everywhere until the owner shares it; they cannot share it on", async ({
  request,
}) => {
  const owner = await person(request, "REPORTER", "Greta Owner");
  const colleague = await person(request, "REPORTER", "Carl Colleague");
  const third = await person(request, "REPORTER", "Tove Third");
  const { id, segments } = await uploadDraft(owner.api);
  const source = await db.sourceFile.findFirstOrThrow({ where: { transcriptId: id }, select: { id: true } });
  const paragraph = segments[0]!;
  const note = {
    segmentId: paragraph.id,
    start: 0,
    end: 12,
    kind: "note",
    body: "Check the date of this briefing.",
  };

  // What a missing transcript answers, for comparison.
  const missing = await colleague.api.get("/api/transcripts/no-such-transcript");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual(NOT_FOUND);

  const refusals: [string, () => Promise<APIResponse>][] = [
    ["GET transcript", () => colleague.api.get(`/api/transcripts/${id}`)],
    [
      "PATCH segment",
      () =>
        colleague.api.patch(`/api/transcripts/${id}/segments/${paragraph.id}`, {
          text: "Hijacked.",
          baseVersion: paragraph.version,
        }),
    ],
    ["GET annotations", () => colleague.api.get(`/api/transcripts/${id}/annotations`)],
    ["POST annotation", () => colleague.api.post(`/api/transcripts/${id}/annotations`, note)],
    ["GET shares", () => colleague.api.get(`/api/transcripts/${id}/shares`)],
    ["POST share", () => colleague.api.post(`/api/transcripts/${id}/shares`, { email: third.email })],
  ];
  for (const [label, call] of refusals) {
    const response = await call();
    expect(response.status(), label).toBe(404);
    expect(await response.json(), label).toEqual(NOT_FOUND);
  }
  const download = await colleague.api.get(`/api/source-files/${source.id}`);
  expect(download.status()).toBe(404);
  expect((await json<{ error: { code: string } }>(download)).error.code).toBe("NOT_FOUND");

  // None of those wrote anything.
  const untouched = await json<{ segments: Segment[]; revision: number }>(
    await owner.api.get(`/api/transcripts/${id}`),
  );
  expect(untouched.segments[0]).toMatchObject({ text: PARAGRAPHS[0], version: paragraph.version });
  expect(await annotationsOf(owner.api, id)).toEqual([]);

  // The owner shares it by email.
  const shared = await owner.api.post(`/api/transcripts/${id}/shares`, { email: colleague.email });
  expect(shared.status()).toBe(201);
  expect(await shared.json()).toEqual({
    shares: [{ userId: colleague.id, name: "Carl Colleague", email: colleague.email }],
  });

  const seen = await colleague.api.get(`/api/transcripts/${id}`);
  expect(seen.status()).toBe(200);
  expect((await json<{ id: string }>(seen)).id).toBe(id);
  const edit = await colleague.api.patch(`/api/transcripts/${id}/segments/${paragraph.id}`, {
    text: "Good morning, and welcome to the harbour works briefing.",
    baseVersion: paragraph.version,
  });
  expect(edit.status()).toBe(200);
  const annotated = await colleague.api.post(`/api/transcripts/${id}/annotations`, note);
  expect(annotated.status()).toBe(201);
  expect((await annotationsOf(colleague.api, id)).map((annotation) => annotation.segmentId)).toEqual([paragraph.id]);
  const original = await colleague.api.get(`/api/source-files/${source.id}`);
  expect(original.status()).toBe(200);
  expect((await original.body()).toString("utf8")).toBe(HARBOUR);

  // A colleague it was shared with cannot pass it on; the third reporter still sees nothing.
  const passOn = await colleague.api.post(`/api/transcripts/${id}/shares`, { email: third.email });
  expect(passOn.status()).toBe(403);
  expect((await json<{ error: { code: string; message: string } }>(passOn)).error).toEqual({
    code: "FORBIDDEN",
    message: expect.any(String),
  });
  expect((await third.api.get(`/api/transcripts/${id}`)).status()).toBe(404);
  const shares = await json<{ shares: { userId: string }[] }>(await owner.api.get(`/api/transcripts/${id}/shares`));
  expect(shares.shares.map((share) => share.userId)).toEqual([colleague.id]);
});

test("an editor sees and edits any reporter's transcript without a share", async ({ request }) => {
  const owner = await person(request, "REPORTER", "Greta Owner");
  const editor = await person(request, "EDITOR", "Ebba Desk-Editor");
  const { id, segments } = await uploadDraft(owner.api);
  const source = await db.sourceFile.findFirstOrThrow({ where: { transcriptId: id }, select: { id: true } });
  const paragraph = segments[4]!;

  expect((await editor.api.get(`/api/transcripts/${id}`)).status()).toBe(200);
  const edit = await editor.api.patch(`/api/transcripts/${id}/segments/${paragraph.id}`, {
    text: "The quay reopens in the autumn if the weather holds.",
    baseVersion: paragraph.version,
  });
  expect(edit.status()).toBe(200);
  expect((await json<{ segment: Segment }>(edit)).segment.text).toBe(
    "The quay reopens in the autumn if the weather holds.",
  );
  const annotated = await editor.api.post(`/api/transcripts/${id}/annotations`, {
    segmentId: paragraph.id,
    start: 4,
    end: 8,
    kind: "quote",
    body: "",
  });
  expect(annotated.status()).toBe(201);
  expect(await annotationsOf(editor.api, id)).toHaveLength(1);
  const download = await editor.api.get(`/api/source-files/${source.id}`);
  expect(download.status()).toBe(200);
  expect((await download.body()).toString("utf8")).toBe(HARBOUR);
  expect(await db.transcriptShare.count({ where: { transcriptId: id } })).toBe(0);
});

test("internal notes are not public: anonymous and made-up-token calls get 401", async ({ request }) => {
  const owner = await person(request, "REPORTER", "Greta Owner");
  const { id, segments } = await uploadDraft(owner.api);
  const created = await owner.api.post(`/api/transcripts/${id}/annotations`, {
    segmentId: segments[0]!.id,
    start: 0,
    end: 12,
    kind: "note",
    body: "Internal: the source asked not to be named.",
  });
  expect(created.status()).toBe(201);

  for (const path of [`/api/transcripts/${id}/annotations`, `/api/transcripts/${id}`]) {
    const anonymous = await request.get(path, { maxRedirects: 0 });
    expect(anonymous.status(), path).toBe(401);
    expect(await anonymous.json(), path).toEqual({
      error: { code: "UNAUTHORIZED", message: "Send an API token (Authorization: Bearer …) or sign in." },
    });
    const forged = await request.get(path, { headers: { authorization: "Bearer vbt_notarealtoken" } });
    expect(forged.status(), path).toBe(401);
    const text = await forged.text();
    expect(text).not.toContain("source asked");
  }
});
