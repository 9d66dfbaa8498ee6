// Markdown: the same line model as plain text, with the markup taken off the words. The first line, when it is an
// ATX heading, is the title; later headings stand as their own paragraphs. Front matter, HTML blocks and comments
// are set aside as non-speech; inline HTML is reduced to its words.
import { sourceLine, type ParsedSource, type Removal, type SourceLine } from "../source";
import { markWrapperLines, takeFrontMatter } from "../wrappers";
import {
  HTML_COMMENT,
  HTML_LAYOUT,
  HtmlBlockTracker,
  hasHtml,
  htmlToText,
  isLinkOnly,
  isTagOnly,
  LINK_ONLY,
  MARKDOWN_IMAGE,
  nonSpeechBlockAt,
} from "../wrappers/html";

const HEADING = /^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
/** One or more images, perhaps each inside a link: `![Photo](a.jpg)`, `[![Play](thumb.png)](https://…)`. */
const IMAGES_ONLY = /^(?:\[?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?\s*)+$/;
/** A Markdown link alone on its line: `[Watch the full briefing](https://…)`. */
const MARKDOWN_LINK_ONLY = /^\[[^\]]+\]\((?:https?:)?\/\/[^)]*\)$/;

export function parseMarkdown(text: string): ParsedSource {
  const frontMatter = takeFrontMatter(text);
  const bodyStart = frontMatter.block?.lineCount ?? 0;
  const lines: SourceLine[] = [...frontMatter.lines];
  let block = 1;
  let headingIndex: number | null = null;
  let inComment = false;
  let htmlBlock: { tracker: HtmlBlockTracker; removal: Removal } | null = null;
  text.split("\n").forEach((raw, index) => {
    if (index < bodyStart) return;
    const trimmed = raw.trim();
    const setAside = (removal: Removal) => {
      if (trimmed !== "") lines.push(sourceLine({ line: index + 1, raw, text: trimmed, block, removal }));
    };
    if (htmlBlock) {
      setAside(htmlBlock.removal);
      if (!htmlBlock.tracker.feed(raw)) htmlBlock = null;
      return;
    }
    // HTML comments are notes to the editor, never speech; words after a closed comment are read as usual.
    if (inComment || (trimmed.startsWith("<!--") && /-->\s*$/.test(trimmed)) || isOpenComment(trimmed)) {
      setAside(HTML_COMMENT);
      inComment = inComment ? !raw.includes("-->") : isOpenComment(trimmed);
      return;
    }
    if (trimmed === "") {
      block++;
      return;
    }
    const htmlStart = nonSpeechBlockAt(trimmed);
    if (htmlStart) {
      setAside(htmlStart.removal);
      const tracker = new HtmlBlockTracker(htmlStart.tag);
      if (tracker.feed(raw)) htmlBlock = { tracker, removal: htmlStart.removal };
      return;
    }
    if (isTagOnly(trimmed)) return setAside(HTML_LAYOUT);
    if (isLinkOnly(trimmed) || MARKDOWN_LINK_ONLY.test(trimmed)) return setAside(LINK_ONLY);
    if (IMAGES_ONLY.test(trimmed)) return setAside(MARKDOWN_IMAGE);
    const heading = HEADING.exec(trimmed);
    const markup = heading ? (heading[1] ?? "") : stripBlockMarkup(raw);
    const text = isRule(raw) ? trimmed : stripInlineMarkup(hasHtml(markup) ? htmlToText(markup) : markup);
    if (text === "") return;
    // The title is a heading before any words; front matter above it does not count.
    if (heading && !lines.some((line) => line.removal === null)) headingIndex = lines.length;
    lines.push(sourceLine({ line: index + 1, raw, text, block, standalone: heading !== null }));
    // A heading ends its block, so the paragraph after it starts fresh.
    if (heading) block++;
  });
  const dateline = markWrapperLines(lines);
  const warnings = frontMatter.block?.warning ? [frontMatter.block.warning] : [];
  return {
    format: "md",
    lines,
    headingIndex,
    timed: false,
    warnings,
    frontMatter: frontMatter.block?.fields ?? null,
    dateline,
  };
}

/** A comment that opens on this line and closes on a later one. */
function isOpenComment(trimmed: string): boolean {
  return trimmed.startsWith("<!--") && !trimmed.includes("-->");
}

/** Horizontal rules ("---", "***") are kept so clean-up reports them as separators. */
function isRule(raw: string): boolean {
  return /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(raw);
}

function stripBlockMarkup(raw: string): string {
  return raw
    .trim()
    .replace(/^(?:>[ \t]?)+/, "") // blockquote
    .replace(/^(?:[-*+]|\d{1,3}[.)])[ \t]+/, ""); // list item
}

function stripInlineMarkup(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "") // image
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1") // link: keep its words
    .replace(/(\*\*|__)(.+?)\1/g, "$2") // bold
    .replace(/(^|[\s(])([*_])(?!\s)(.+?)(?<!\s)\2(?=[\s).,;:!?]|$)/g, "$1$3") // italics, not snake_case
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1") // escaped punctuation
    .trim();
}
