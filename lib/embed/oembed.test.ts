import { describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/editor/annotations";
import { rangeOf } from "@/lib/editor/test-support";
import { loadPublicQuote, loadPublicTranscript } from "@/lib/publishing/public-queries";
import { hoursIn, newsroom, publishAt, readyTranscript, statusOf } from "@/lib/publishing/test-support";
import { transitionTranscript } from "@/lib/publishing/workflow";
import { embedCodesFor, fitEmbedSize, iframeHtml } from "./embed-code";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { buildOembedResponse, oembedUrl, parseOembedQuery, parsePageUrl, resolveOembed } from "./oembed";

const SITE = { name: "The Harbour Times", url: "https://news.example.org" };
const reads = { findTranscript: loadPublicTranscript, findQuote: loadPublicQuote };

function query(params: Record<string, string>): URLSearchParams {
  return new URLSearchParams(params);
}

describe("which addresses can be embedded", () => {
  it("reads a transcript or quote page on this site, ignoring the fragment, query and a trailing slash", () => {
    expect(parsePageUrl("https://news.example.org/t/nato-press-conference", SITE.url)).toEqual({
      kind: "transcript",
      slug: "nato-press-conference",
    });
    expect(parsePageUrl("https://news.example.org/t/nato-press-conference/?utm=x#p-3", SITE.url)).toEqual({
      kind: "transcript",
      slug: "nato-press-conference",
    });
    expect(parsePageUrl("http://NEWS.example.org/q/cm9quote_1", SITE.url)).toEqual({ kind: "quote", id: "cm9quote_1" });
  });

  it("refuses other sites, other ports, other pages and malformed slugs", () => {
    expect(parsePageUrl("https://evil.example.com/t/nato-press-conference", SITE.url)).toBeNull();
    expect(parsePageUrl("https://news.example.org.evil.com/t/nato", SITE.url)).toBeNull();
    expect(parsePageUrl("https://news.example.org:8443/t/nato", SITE.url)).toBeNull();
    expect(parsePageUrl("https://news.example.org/t/nato/changes", SITE.url)).toBeNull();
    expect(parsePageUrl("https://news.example.org/desk/transcripts/abc", SITE.url)).toBeNull();
    expect(parsePageUrl("https://news.example.org/t/Not%20A%20Slug", SITE.url)).toBeNull();
    expect(parsePageUrl("javascript:alert(1)//news.example.org/t/nato", SITE.url)).toBeNull();
    expect(parsePageUrl("/t/nato", SITE.url)).toBeNull();
  });

  it("compares ports, a scheme's default port being no port", () => {
    expect(parsePageUrl("http://localhost:3202/t/nato", "http://localhost:3202")).toEqual({
      kind: "transcript",
      slug: "nato",
    });
    expect(parsePageUrl("http://localhost:3201/t/nato", "http://localhost:3202")).toBeNull();
    expect(parsePageUrl("https://news.example.org:443/t/nato", SITE.url)).not.toBeNull();
  });
});

describe("the query string", () => {
  it("needs a url, defaults to json and reads the size limits", () => {
    expect(parseOembedQuery(query({ url: "https://x.test/t/a", maxwidth: "400", maxheight: "" }))).toEqual({
      ok: true,
      query: { url: "https://x.test/t/a", format: "json", maxWidth: 400, maxHeight: undefined },
    });
    expect(parseOembedQuery(query({}))).toEqual({
      ok: false,
      message: "Give the address of a transcript or quote page as `url`.",
    });
    expect(parseOembedQuery(query({ url: "https://x.test/t/a", maxwidth: "-3" }))).toMatchObject({ ok: false });
    expect(parseOembedQuery(query({ url: "https://x.test/t/a", maxheight: "tall" }))).toMatchObject({ ok: false });
    expect(parseOembedQuery(query({ url: "https://x.test/t/a", format: "yaml" }))).toEqual({
      ok: false,
      message: "`format` must be json or xml.",
    });
  });
});

describe("the frame's size", () => {
  it("is the kind's default unless the consumer allows less", () => {
    expect(fitEmbedSize("transcript")).toEqual({ width: 640, height: 720 });
    expect(fitEmbedSize("transcript", { maxWidth: 360, maxHeight: 500 })).toEqual({ width: 360, height: 500 });
    expect(fitEmbedSize("transcript", { maxWidth: 2000, maxHeight: 2000 })).toEqual({ width: 640, height: 720 });
  });

  it("gives a narrow quote more height for its wrapped lines, still within maxheight", () => {
    expect(fitEmbedSize("quote")).toEqual({ width: 560, height: 360 });
    expect(fitEmbedSize("quote", { maxWidth: 320 })).toEqual({ width: 320, height: 460 });
    expect(fitEmbedSize("quote", { maxWidth: 320, maxHeight: 400 })).toEqual({ width: 320, height: 400 });
  });
});

describe("the iframe markup", () => {
  it("escapes the title and address, and shrinks with its column", () => {
    const html = iframeHtml({
      src: "https://news.example.org/embed/q/a1",
      title: `Holm: “The <b>largest</b> share” & "more"`,
      width: 560,
      height: 360,
    });
    expect(html).toBe(
      '<iframe src="https://news.example.org/embed/q/a1" width="560" height="360" ' +
        'style="border:0;width:100%;max-width:560px" ' +
        'title="Holm: “The &lt;b&gt;largest&lt;/b&gt; share” &amp; &quot;more&quot;" loading="lazy" ' +
        'referrerpolicy="strict-origin-when-cross-origin"></iframe>',
    );
  });

  it("makes an oEmbed 1.0 rich response around it", () => {
    const response = buildOembedResponse({
      site: SITE,
      target: { kind: "transcript", slug: "nato" },
      title: "NATO press conference",
      size: { width: 500, height: 600 },
    });
    expect(response).toEqual({
      version: "1.0",
      type: "rich",
      provider_name: "The Harbour Times",
      provider_url: "https://news.example.org/",
      title: "NATO press conference",
      html: iframeHtml({
        src: "https://news.example.org/embed/t/nato",
        title: "NATO press conference",
        width: 500,
        height: 600,
      }),
      width: 500,
      height: 600,
      cache_age: 300,
    });
    expect(response).not.toHaveProperty("author_name");
  });

  it("names the discovery address with the page's address encoded", () => {
    expect(oembedUrl(SITE.url, "https://news.example.org/q/a1")).toBe(
      "https://news.example.org/api/oembed?url=https%3A%2F%2Fnews.example.org%2Fq%2Fa1&format=json",
    );
  });
});

async function publishedWithQuote() {
  const { reporter, editor } = await newsroom();
  const transcript = await readyTranscript(reporter, editor);
  const answer = transcript.segmentIds[2]!;
  const answerText = "Germany has committed to the pledge we all made in Wales.";
  const { annotation: quote } = await createAnnotation(reporter, transcript.id, {
    segmentId: answer,
    ...rangeOf(answerText, "the pledge we all made in Wales"),
    kind: "quote",
    body: "",
  });
  await publishAt(editor, transcript.id, hoursIn(0));
  const { publicSlug } = await statusOf(transcript.id);
  return { editor, transcript, quoteId: quote.id, slug: publicSlug! };
}

/** The status and code an oEmbed refusal is answered with (the API's one status map). */
async function refusal(answer: Promise<unknown>): Promise<{ status: number; code: string }> {
  const error = await answer.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { status: HTTP_STATUS[error.code], code: error.code };
}

describe("resolving a request against published transcripts", () => {
  it("answers a published transcript and its key quote, and 404s both once unpublished", async () => {
    const { editor, transcript, quoteId, slug } = await publishedWithQuote();
    const transcriptUrl = `${SITE.url}/t/${slug}`;

    const whole = await resolveOembed(query({ url: transcriptUrl, maxwidth: "400" }), SITE, reads);
    expect(whole).toMatchObject({
      type: "rich",
      title: "NATO defence ministers press conference",
      width: 400,
      height: 720,
    });
    expect(whole.html).toContain(`src="${SITE.url}/embed/t/${slug}"`);

    const quote = await resolveOembed(query({ url: `${SITE.url}/q/${quoteId}`, format: "json" }), SITE, reads);
    expect(quote).toMatchObject({
      title: "Jens Stoltenberg: “the pledge we all made in Wales”",
      author_name: "Jens Stoltenberg",
      width: 560,
      height: 360,
    });
    expect(quote.html).toContain(`src="${SITE.url}/embed/q/${quoteId}"`);

    await transitionTranscript(editor, transcript.id, { to: "UNPUBLISHED", note: "Embargo." }, hoursIn(1));
    expect(await refusal(resolveOembed(query({ url: transcriptUrl }), SITE, reads))).toMatchObject({ status: 404 });
    expect(await refusal(resolveOembed(query({ url: `${SITE.url}/q/${quoteId}` }), SITE, reads))).toMatchObject({
      status: 404,
    });
  });

  it("404s a draft, a note's id and another site's address; 400 without url; 501 for xml", async () => {
    const { reporter, editor } = await newsroom();
    const draft = await readyTranscript(reporter, editor, undefined, { title: "Unpublished hearing" });
    const { annotation: note } = await createAnnotation(reporter, draft.id, {
      segmentId: draft.segmentIds[0]!,
      start: 0,
      end: 4,
      kind: "note",
      body: "Internal.",
    });
    const { slug: draftSlug } = await statusOf(draft.id);
    const published = await publishedWithQuote();

    for (const url of [
      `${SITE.url}/t/${draftSlug}`,
      `${SITE.url}/q/${note.id}`,
      `https://elsewhere.example.com/t/${published.slug}`,
      `${SITE.url}/t/${published.slug}/changes`,
    ]) {
      expect(await refusal(resolveOembed(query({ url }), SITE, reads)), url).toEqual({
        status: 404,
        code: "NOT_FOUND",
      });
    }
    expect(await refusal(resolveOembed(query({}), SITE, reads))).toMatchObject({ status: 400 });
    expect(
      await refusal(resolveOembed(query({ url: `${SITE.url}/t/${published.slug}`, format: "xml" }), SITE, reads)),
    ).toEqual({ status: 501, code: "NOT_IMPLEMENTED" });
  });
});

describe("the desk's embed codes", () => {
  it("gives the whole transcript and each key quote its code, and no code for notes", async () => {
    const { slug, quoteId } = await publishedWithQuote();
    const transcript = await loadPublicTranscript(slug);
    const codes = embedCodesFor(transcript!, SITE.url);
    expect(codes.transcript.label).toBe("NATO defence ministers press conference");
    expect(codes.transcript.code).toContain(`src="${SITE.url}/embed/t/${slug}"`);
    expect(codes.quotes).toEqual([
      {
        label: "Jens Stoltenberg: “the pledge we all made in Wales”",
        code: expect.stringContaining(`src="${SITE.url}/embed/q/${quoteId}"`),
      },
    ]);
  });
});
