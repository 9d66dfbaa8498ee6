// Shared helpers for the publishing e2e tests: staff who call the API with a personal token, drafts uploaded and
// annotated through the API, and transcripts published, corrected and checked over HTTP — through the desk server,
// so that its public page cache is expired exactly as it is when people use the desk.
import type { APIRequestContext, APIResponse, Browser, Page } from "@playwright/test";
import { createApiToken } from "@/lib/auth/api-tokens";
import { expect, seedUser } from "../fixtures";

export interface ApiSegment {
  id: string;
  position: number;
  speakerId: string | null;
  text: string;
  version: number;
}

export interface ApiSpeaker {
  id: string;
  name: string;
}

export interface ApiAnnotation {
  id: string;
  segmentId: string;
  start: number;
  end: number;
  kind: string;
  status: string;
}

export interface CheckProblem {
  check: string;
  blocking: boolean;
  message: string;
}

/** Calls the API as one person, with a personal API token. */
export class Api {
  constructor(
    readonly request: APIRequestContext,
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

  delete(path: string) {
    return this.request.delete(path, { headers: this.headers, maxRedirects: 0 });
  }
}

export async function json<T = Record<string, unknown>>(response: APIResponse): Promise<T> {
  return (await response.json()) as T;
}

/** A staff member seeded into the desk's database, with a password to sign in and a token to call the API. */
export async function staffMember(request: APIRequestContext, role: "REPORTER" | "EDITOR" | "ADMIN", name: string) {
  const user = await seedUser(role, name);
  const { secret } = await createApiToken({ userId: user.id, name: "publishing e2e" });
  return { ...user, api: new Api(request, secret) };
}

export type StaffMember = Awaited<ReturnType<typeof staffMember>>;

/** A short random tag that keeps titles, slugs and texts of parallel tests apart. */
export function uniqueTag(): string {
  return Math.random().toString(36).slice(2, 8);
}

export interface Draft {
  id: string;
  slug: string;
  title: string;
  version: number;
  segments: ApiSegment[];
  speakers: ApiSpeaker[];
}

/** The transcript as the editor API answers it now. */
export async function readDraft(api: Api, id: string): Promise<Draft> {
  const response = await api.get(`/api/transcripts/${id}`);
  expect(response.status(), await response.text()).toBe(200);
  return json<Draft>(response);
}

/** Uploads a text as a new draft owned by the token's user. */
export async function uploadDraft(api: Api, { title, text }: { title: string; text: string }): Promise<Draft> {
  const created = await api.post("/api/transcripts", { filename: "briefing.txt", text, title });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = await json<{ id: string }>(created);
  return readDraft(api, id);
}

/** Replaces one paragraph's words in the working copy. */
export async function editParagraph(api: Api, transcriptId: string, segment: ApiSegment, text: string) {
  const response = await api.patch(`/api/transcripts/${transcriptId}/segments/${segment.id}`, {
    text,
    baseVersion: segment.version,
  });
  expect(response.status(), await response.text()).toBe(200);
}

export async function renameSpeaker(api: Api, transcriptId: string, speakerId: string, name: string) {
  const response = await api.patch(`/api/transcripts/${transcriptId}/speakers/${speakerId}`, { name });
  expect(response.status(), await response.text()).toBe(200);
}

/** Sets the event's date (and optionally the place) and confirms the fidelity label, as a reporter does in Details. */
export async function completeDetails(api: Api, transcriptId: string, { place }: { place?: string } = {}) {
  const { version } = await readDraft(api, transcriptId);
  const response = await api.patch(`/api/transcripts/${transcriptId}`, {
    baseVersion: version,
    occurredAt: "2019-02-14",
    fidelityConfirmed: true,
    ...(place ? { place } : {}),
  });
  expect(response.status(), await response.text()).toBe(200);
}

export interface AnnotationFields {
  kind: "note" | "context" | "factcheck" | "quote";
  body?: string;
  verdict?: string;
  claim?: string;
  sources?: { url: string; title?: string }[];
  checker?: string;
}

/** Annotates the first occurrence of `words` in a paragraph. */
export async function annotate(
  api: Api,
  transcriptId: string,
  segment: Pick<ApiSegment, "id" | "text">,
  words: string,
  fields: AnnotationFields,
): Promise<ApiAnnotation> {
  const start = segment.text.indexOf(words);
  expect(start, `“${words}” is not in “${segment.text}”`).toBeGreaterThanOrEqual(0);
  const response = await api.post(`/api/transcripts/${transcriptId}/annotations`, {
    segmentId: segment.id,
    start,
    end: start + words.length,
    ...fields,
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await json<{ annotation: ApiAnnotation }>(response)).annotation;
}

export function transition(api: Api, transcriptId: string, body: Record<string, unknown>) {
  return api.post(`/api/transcripts/${transcriptId}/transitions`, body);
}

/**
 * Publishes (or schedules) as an editor, giving a reason for each warning the checks raise. Fails the test on a
 * blocking check.
 */
export async function publishOverWarnings(api: Api, transcriptId: string, extra: Record<string, unknown> = {}) {
  const first = await transition(api, transcriptId, { to: "PUBLISHED", ...extra });
  if (first.status() !== 422) {
    expect(first.status(), await first.text()).toBe(200);
    return json<{ status: string; publishedAt: string | null; url: string | null }>(first);
  }
  const { error } = await json<{ error: { checks: CheckProblem[] } }>(first);
  expect(error.checks.filter((check) => check.blocking)).toEqual([]);
  const overrides = error.checks.map((check) => ({ check: check.check, reason: `Reviewed: ${check.check}` }));
  const second = await transition(api, transcriptId, { to: "PUBLISHED", overrides, ...extra });
  expect(second.status(), await second.text()).toBe(200);
  return json<{ status: string; publishedAt: string | null; url: string | null }>(second);
}

export async function correct(
  api: Api,
  transcriptId: string,
  body: { segmentId: string; text: string; reason: string },
) {
  const response = await api.post(`/api/transcripts/${transcriptId}/corrections`, body);
  expect(response.status(), await response.text()).toBe(201);
  return (await json<{ correction: { id: string; before: string; after: string; reason: string } }>(response))
    .correction;
}

/** A press conference with a moderator, a minister and an anonymous question. */
export function briefingText(tag: string): string {
  return [
    `MODERATOR: Good afternoon and welcome to the fisheries briefing ${tag}.`,
    "MINISTER HOLM: The fisheries agreement was signed in Bergen on Tuesday. Quotas rise by two percent next year.",
    "QUESTION: Will the coastal fleet get more of the quota?",
    "MINISTER HOLM: The coastal fleet gets the largest share it has ever had, and that is a promise.",
  ].join("\n\n");
}

export interface PublishedBriefing {
  id: string;
  slug: string;
  title: string;
  path: string;
  quoteId: string;
  contextId: string;
  factcheckId: string;
  correctedSegmentId: string;
  correctionId: string;
  segments: ApiSegment[];
}

/**
 * A published briefing as readers find it: a context note, a fact-check with a source, a key quote, and a public
 * correction to the paragraph with the fact-check.
 */
export async function publishedBriefing(
  reporter: StaffMember,
  editor: StaffMember,
  { title }: { title?: string } = {},
): Promise<PublishedBriefing> {
  const tag = uniqueTag();
  const fullTitle = title ?? `Fisheries briefing in Bergen ${tag}`;
  const draft = await uploadDraft(reporter.api, { title: fullTitle, text: briefingText(tag) });
  const [welcome, statement, , answer] = draft.segments;
  const context = await annotate(reporter.api, draft.id, welcome!, "fisheries briefing", {
    kind: "context",
    body: "The ministry holds the briefing after every **quota round**.",
  });
  const factcheck = await annotate(reporter.api, draft.id, statement!, "Quotas rise by two percent", {
    kind: "factcheck",
    verdict: "misleading",
    claim: "Quotas rise by two percent next year.",
    body: "The total rises by two percent, but the cod quota falls.",
    sources: [{ url: "https://example.org/quotas-2019", title: "Quota tables 2019" }],
    checker: "Frida Factchecker",
  });
  const quote = await annotate(reporter.api, draft.id, answer!, "the largest share it has ever had", {
    kind: "quote",
    body: "The minister's promise to the coastal fleet.",
  });
  await completeDetails(reporter.api, draft.id, { place: "Bergen" });
  const published = await publishOverWarnings(editor.api, draft.id);
  expect(published.status).toBe("PUBLISHED");
  const correction = await correct(editor.api, draft.id, {
    segmentId: statement!.id,
    text: "The fisheries agreement was signed in Bergen on Monday. Quotas rise by two percent next year.",
    reason: "The agreement was signed on Monday, not Tuesday.",
  });
  return {
    id: draft.id,
    slug: draft.slug,
    title: fullTitle,
    path: `/t/${draft.slug}`,
    quoteId: quote.id,
    contextId: context.id,
    factcheckId: factcheck.id,
    correctedSegmentId: statement!.id,
    correctionId: correction.id,
    segments: draft.segments,
  };
}

/** The status an anonymous reader gets for a public address. */
export async function publicStatus(request: APIRequestContext, path: string): Promise<number> {
  const response = await request.get(path, { maxRedirects: 0 });
  return response.status();
}

/** The address of the page's share image, from its `og:image` meta tag. */
export async function ogImageOf(page: Page): Promise<string> {
  const content = await page.locator('meta[property="og:image"]').first().getAttribute("content");
  expect(content, "the page names a share image").toBeTruthy();
  return content!;
}

/** A new browser context (another person, or an anonymous reader) with its own client address. */
export async function newPersonContext(browser: Browser) {
  const context = await browser.newContext();
  const octet = () => Math.floor(Math.random() * 254) + 1;
  await context.setExtraHTTPHeaders({ "x-forwarded-for": `10.${octet()}.${octet()}.${octet()}` });
  return context;
}
