// The <iframe> another site pastes to show a transcript or a key quote: one builder for the oEmbed endpoint and the
// desk's "Embed code" button, so both hand out the same markup. No server imports: the desk's button uses it too.

export type EmbedKind = "transcript" | "quote";

/** What a published page address points at: a transcript by its public slug, or a key quote by its id. */
export type EmbedTarget = { kind: "transcript"; slug: string } | { kind: "quote"; id: string };

export interface EmbedSize {
  width: number;
  height: number;
}

/** A transcript scrolls inside its frame; a quote fits a column beside an article. */
export const DEFAULT_EMBED_SIZES: Record<EmbedKind, EmbedSize> = {
  transcript: { width: 640, height: 720 },
  quote: { width: 560, height: 360 },
};

/** Below this width a quote wraps onto more lines, so its frame needs more height. */
const NARROW_QUOTE_WIDTH = 420;
const NARROW_QUOTE_HEIGHT = 460;

export function embedPath(target: EmbedTarget): string {
  return target.kind === "transcript" ? `/embed/t/${target.slug}` : `/embed/q/${target.id}`;
}

export function pagePath(target: EmbedTarget): string {
  return target.kind === "transcript" ? `/t/${target.slug}` : `/q/${target.id}`;
}

/**
 * The frame's size within a consumer's limits (oEmbed `maxwidth` / `maxheight`): never larger than they allow, and
 * otherwise the default for its kind.
 */
export function fitEmbedSize(kind: EmbedKind, limits: { maxWidth?: number; maxHeight?: number } = {}): EmbedSize {
  const defaults = DEFAULT_EMBED_SIZES[kind];
  const width = Math.min(defaults.width, limits.maxWidth ?? Infinity);
  const wantedHeight = kind === "quote" && width < NARROW_QUOTE_WIDTH ? NARROW_QUOTE_HEIGHT : defaults.height;
  const height = Math.min(wantedHeight, limits.maxHeight ?? Infinity);
  return { width, height };
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The markup to paste. It shrinks with its column (width 100%, up to the size asked for) and keeps its height; the
 * title names the frame for screen readers.
 */
export function iframeHtml({ src, title, width, height }: { src: string; title: string } & EmbedSize): string {
  return (
    `<iframe src="${escapeAttribute(src)}" width="${width}" height="${height}" ` +
    `style="border:0;width:100%;max-width:${width}px" title="${escapeAttribute(title)}" loading="lazy" ` +
    `referrerpolicy="strict-origin-when-cross-origin"></iframe>`
  );
}

/** What the desk's "Embed code" panel needs from a published transcript (types only: no server code here). */
export interface EmbeddableTranscript {
  slug: string;
  title: string;
  segments: { id: string; speakerId: string | null }[];
  speakers: { id: string; name: string }[];
  annotations: {
    id: string;
    kind: string;
    segmentId: string;
    exact: string;
    publishedExact: string;
    anchored: boolean;
  }[];
}

export interface EmbedCodes {
  transcript: { label: string; code: string };
  quotes: { label: string; code: string }[];
}

/** The code for the whole transcript and for each of its key quotes, in reading order. */
export function embedCodesFor(transcript: EmbeddableTranscript, siteUrl: string): EmbedCodes {
  const target: EmbedTarget = { kind: "transcript", slug: transcript.slug };
  const speakerOf = new Map(transcript.speakers.map((speaker) => [speaker.id, speaker.name]));
  const order = new Map(transcript.segments.map((segment, index) => [segment.id, index]));
  const quotes = transcript.annotations
    .filter((annotation) => annotation.kind === "QUOTE" && order.has(annotation.segmentId))
    .sort((a, b) => order.get(a.segmentId)! - order.get(b.segmentId)!)
    .map((annotation) => {
      const segment = transcript.segments[order.get(annotation.segmentId)!];
      const speaker = (segment?.speakerId && speakerOf.get(segment.speakerId)) || "Unattributed speaker";
      const words = annotation.anchored ? annotation.exact : annotation.publishedExact;
      const label = `${speaker}: “${words}”`;
      return {
        label,
        code: iframeHtml({
          src: `${siteUrl}${embedPath({ kind: "quote", id: annotation.id })}`,
          title: label,
          ...fitEmbedSize("quote"),
        }),
      };
    });
  return {
    transcript: {
      label: transcript.title,
      code: iframeHtml({
        src: `${siteUrl}${embedPath(target)}`,
        title: transcript.title,
        ...fitEmbedSize("transcript"),
      }),
    },
    quotes,
  };
}
