// oEmbed 1.0 (https://oembed.com) for published transcripts and key quotes: which of our page addresses can be
// embedded, and the JSON a consumer (a CMS, a social site) turns into an <iframe>. Framework-free: the route
// handler passes in the cached public reads, the tests the uncached ones.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseId, parseSlug } from "@/lib/validations/route-params";
import { truncateAtWord } from "@/lib/format/text";
import type { PublicQuote, PublicTranscript } from "@/lib/publishing/types";
import { embedPath, fitEmbedSize, iframeHtml, type EmbedSize, type EmbedTarget } from "./embed-code";

/** How long a consumer may keep the answer: as long as a shared cache keeps the public pages. */
export const OEMBED_CACHE_SECONDS = 300;

export interface OembedResponse {
  version: "1.0";
  type: "rich";
  provider_name: string;
  provider_url: string;
  title: string;
  author_name?: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
}

const dimension = z.coerce.number().int().positive().max(10_000).optional();

const querySchema = z.object({
  url: z.string({ error: "Give the address of a transcript or quote page as `url`." }).trim().min(1).max(2000),
  format: z.enum(["json", "xml"]).optional(),
  maxwidth: dimension,
  maxheight: dimension,
});

export interface OembedQuery {
  url: string;
  format: "json" | "xml";
  maxWidth?: number;
  maxHeight?: number;
}

/** Reads the query string; an empty `maxwidth=` counts as not given. */
export function parseOembedQuery(
  params: URLSearchParams,
): { ok: true; query: OembedQuery } | { ok: false; message: string } {
  const raw = Object.fromEntries(
    ["url", "format", "maxwidth", "maxheight"]
      .map((key) => [key, params.get(key) ?? undefined] as const)
      .filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = querySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") ?? "query";
    return {
      ok: false,
      message:
        field === "url"
          ? "Give the address of a transcript or quote page as `url`."
          : field === "format"
            ? "`format` must be json or xml."
            : `\`${field}\` must be a whole number of pixels greater than zero.`,
    };
  }
  const { url, format = "json", maxwidth, maxheight } = parsed.data;
  return { ok: true, query: { url, format, maxWidth: maxwidth, maxHeight: maxheight } };
}

/**
 * The transcript or quote a page address on this site points at, or null for anything else: another host, another
 * kind of page, a malformed slug. Query strings and fragments (`#p-3`) are ignored; the scheme may differ (a site
 * behind TLS is often configured with its public https address, and consumers ask with either).
 */
export function parsePageUrl(url: string, siteUrl: string): EmbedTarget | null {
  let page: URL;
  let site: URL;
  try {
    page = new URL(url);
    site = new URL(siteUrl);
  } catch {
    return null;
  }
  if (page.protocol !== "http:" && page.protocol !== "https:") return null;
  // URL leaves `port` empty for the scheme's default, so http://host and https://host compare equal, as meant.
  if (page.hostname !== site.hostname || page.port !== site.port) return null;
  const match = /^\/(t|q)\/([^/]+)\/?$/.exec(page.pathname);
  if (!match) return null;
  const [, kind, value = ""] = match;
  if (kind === "t") {
    const slug = parseSlug(value);
    return slug ? { kind: "transcript", slug } : null;
  }
  const id = parseId(value);
  return id ? { kind: "quote", id } : null;
}

export function quoteTitle(quote: Pick<PublicQuote, "speaker" | "text">): string {
  return `${quote.speaker?.name ?? "Unattributed speaker"}: “${truncateAtWord(quote.text, 80)}”`;
}

export interface OembedSite {
  name: string;
  /** The site's origin, without a trailing slash. */
  url: string;
}

export function buildOembedResponse({
  site,
  target,
  title,
  authorName,
  size,
}: {
  site: OembedSite;
  target: EmbedTarget;
  title: string;
  authorName?: string | null;
  size: EmbedSize;
}): OembedResponse {
  return {
    version: "1.0",
    type: "rich",
    provider_name: site.name,
    provider_url: `${site.url}/`,
    title,
    ...(authorName ? { author_name: authorName } : {}),
    html: iframeHtml({ src: `${site.url}${embedPath(target)}`, title, ...size }),
    width: size.width,
    height: size.height,
    cache_age: OEMBED_CACHE_SECONDS,
  };
}

export interface PublicReads {
  findTranscript(slug: string): Promise<PublicTranscript | null>;
  findQuote(id: string): Promise<PublicQuote | null>;
}

const notFound = () => new AppError("NOT_FOUND", "That address is not a published transcript or quote on this site.");

/**
 * The whole answer to one oEmbed request; a refusal is an AppError (400 without a `url`, 501 for `format=xml`,
 * 404 for anything not published here), answered in the API's one error shape. Only published transcripts and
 * quotes are found.
 */
export async function resolveOembed(
  params: URLSearchParams,
  site: OembedSite,
  reads: PublicReads,
): Promise<OembedResponse> {
  const parsed = parseOembedQuery(params);
  if (!parsed.ok) throw new AppError("BAD_REQUEST", parsed.message);
  const { query } = parsed;
  if (query.format !== "json") throw new AppError("NOT_IMPLEMENTED", "Only format=json is available.");
  const target = parsePageUrl(query.url, site.url);
  if (!target) throw notFound();
  const size = fitEmbedSize(target.kind, query);
  if (target.kind === "transcript") {
    const transcript = await reads.findTranscript(target.slug);
    if (!transcript) throw notFound();
    return buildOembedResponse({ site, target, title: transcript.title, size });
  }
  const quote = await reads.findQuote(target.id);
  if (!quote) throw notFound();
  return buildOembedResponse({ site, target, title: quoteTitle(quote), authorName: quote.speaker?.name, size });
}

/** The endpoint's address for one page, as its `<link rel="alternate" type="application/json+oembed">` names it. */
export function oembedUrl(siteUrl: string, pageUrl: string): string {
  return `${siteUrl}/api/oembed?url=${encodeURIComponent(pageUrl)}&format=json`;
}
