// HTML inside Markdown, the way CMS exports and copied web pages carry it: inline tags around words (<em>, <span>,
// <br>), which are dropped keeping the words, and blocks that hold no speech (scripts, styles, embedded players,
// figures, comments), which are set aside line by line with a reason the reporter can read and undo.
import { Parser } from "htmlparser2";
import type { Removal } from "../source";

/** Elements whose content is never text to read: skipped inside a line, and set aside as blocks. */
const NON_TEXT_ELEMENTS = new Set(["script", "style", "template", "noscript", "svg", "canvas", "object"]);

const VOID_ELEMENTS = new Set(["img", "source", "track", "embed", "br", "hr", "input", "meta", "link", "wbr", "param"]);

const BLOCK_REASONS: Record<string, string> = {
  script: "Page script (HTML), not speech.",
  noscript: "Page script fallback (HTML), not speech.",
  style: "Page styles (HTML), not speech.",
  template: "Page template (HTML), not speech.",
  svg: "Drawing (HTML), not speech.",
  canvas: "Drawing (HTML), not speech.",
  iframe: "Embedded player or widget (HTML), not speech.",
  embed: "Embedded player or widget (HTML), not speech.",
  object: "Embedded player or widget (HTML), not speech.",
  figure: "Figure with its caption (HTML), not speech.",
  img: "Image (HTML), not speech.",
  picture: "Image (HTML), not speech.",
  audio: "Embedded audio player (HTML), not speech.",
  video: "Embedded video player (HTML), not speech.",
  source: "Media source (HTML), not speech.",
  track: "Media track (HTML), not speech.",
  form: "Form (HTML), not speech.",
  button: "Button (HTML), not speech.",
  nav: "Page navigation (HTML), not speech.",
};

/** Containers that are embeds or page furniture by their class or id: `<div class="embed">`, a tweet, a byline. */
const EMBED_CLASS =
  /\b(?:class|id)\s*=\s*["'][^"']*\b(?:embed\w*|video\w*|player|audio\w*|social|share\w*|newsletter|related|advert\w*|ad-slot|promo\w*|twitter-tweet|instagram-media|tiktok-embed|subscribe\w*|podcast-player|byline|credits?)\b/i;
const CONTAINERS = new Set(["div", "section", "aside", "blockquote", "p", "span", "figure"]);

export const HTML_COMMENT: Removal = { code: "html", reason: "HTML comment, a note in the page source, not speech." };
export const HTML_LAYOUT: Removal = { code: "html", reason: "HTML layout tags with no words." };
export const MARKDOWN_IMAGE: Removal = { code: "html", reason: "Image, not speech." };
export const LINK_ONLY: Removal = { code: "html", reason: "A link on its own line (page furniture), not speech." };

const OPENING_TAG = /^<([a-zA-Z][\w-]*)(\s[^>]*)?(\/?)(>|$)/;
const HAS_TAG = /<\/?[a-zA-Z][\w-]*(?:\s[^<>]*)?\/?>|<!--/;
const HAS_ENTITY = /&(?:#\d{1,7}|#x[\da-fA-F]{1,6}|[a-zA-Z][a-zA-Z\d]{1,31});/;

export function hasHtml(text: string): boolean {
  return HAS_TAG.test(text) || HAS_ENTITY.test(text);
}

/** The words of an HTML fragment: tags dropped, <br> as a space, entities decoded, script and style skipped. */
export function htmlToText(fragment: string): string {
  let text = "";
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (NON_TEXT_ELEMENTS.has(name)) skipping++;
        if (name === "br" || name === "p" || name === "div" || name === "li") text += " ";
      },
      onclosetag(name) {
        if (NON_TEXT_ELEMENTS.has(name)) skipping = Math.max(0, skipping - 1);
      },
      ontext(data) {
        if (skipping === 0) text += data;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(fragment);
  parser.end();
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/** A non-speech block opening at the start of a line: which element, and why it is set aside. */
export interface HtmlBlockStart {
  tag: string;
  removal: Removal;
}

export function nonSpeechBlockAt(line: string): HtmlBlockStart | null {
  const match = OPENING_TAG.exec(line.trim());
  if (!match) return null;
  const tag = (match[1] ?? "").toLowerCase();
  const reason = BLOCK_REASONS[tag];
  if (reason) return { tag, removal: { code: "html", reason } };
  if (CONTAINERS.has(tag) && EMBED_CLASS.test(match[2] ?? "")) {
    return { tag, removal: { code: "html", reason: "Embedded content or page furniture (HTML), not speech." } };
  }
  return null;
}

/**
 * Follows one non-speech element over the lines it spans: feed it each line from the one that opens it, and it
 * says whether the element is still open after that line.
 */
export class HtmlBlockTracker {
  private depth = 0;
  private tagOpen = false;
  private readonly opens: RegExp;
  private readonly closes: RegExp;

  constructor(readonly tag: string) {
    this.opens = new RegExp(`<${tag}(?=[\\s>/])`, "gi");
    this.closes = new RegExp(`</${tag}\\s*>`, "gi");
  }

  /** True while the element continues past this line. */
  feed(line: string): boolean {
    if (VOID_ELEMENTS.has(this.tag)) {
      // An <img> may spread its attributes over several lines; it ends at the first ">".
      if (!this.tagOpen && !line.includes("<")) return false;
      this.tagOpen = !line.includes(">");
      return this.tagOpen;
    }
    this.depth += (line.match(this.opens)?.length ?? 0) - (line.match(this.closes)?.length ?? 0);
    // A self-closed opening tag (<iframe … />) closes itself.
    if (new RegExp(`<${this.tag}[^>]*/>`, "i").test(line)) this.depth--;
    return this.depth > 0;
  }
}

/** A line of tags only, no words: `<div class="transcript">`, `</p>`, `<br/>`. */
export function isTagOnly(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith("<") && HAS_TAG.test(trimmed) && htmlToText(trimmed) === "";
}

/** A line that is a single HTML link and nothing else: `<a href="…">Watch the full briefing</a>`. */
export function isLinkOnly(line: string): boolean {
  return /^<a\s[^>]*href=[^>]*>[^<]*<\/a>\s*$/i.test(line.trim());
}
