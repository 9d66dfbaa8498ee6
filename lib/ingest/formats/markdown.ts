// Markdown: the same line model as plain text, with the markup taken off the words. The first line, when it is an
// ATX heading, is the title; later headings stand as their own paragraphs.
import { sourceLine, type ParsedSource, type SourceLine } from "../source";

const HEADING = /^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

export function parseMarkdown(text: string): ParsedSource {
  const lines: SourceLine[] = [];
  let block = 0;
  let headingIndex: number | null = null;
  let inComment = false;
  text.split("\n").forEach((raw, index) => {
    // HTML comments are notes to the editor, never speech.
    if (inComment || raw.trimStart().startsWith("<!--")) {
      inComment = !raw.includes("-->");
      return;
    }
    if (raw.trim() === "") {
      block++;
      return;
    }
    const heading = HEADING.exec(raw.trim());
    const text = isRule(raw) ? raw.trim() : stripInlineMarkup(heading ? (heading[1] ?? "") : stripBlockMarkup(raw));
    if (text === "") return;
    if (heading && lines.length === 0) headingIndex = 0;
    lines.push(sourceLine({ line: index + 1, raw, text, block, standalone: heading !== null }));
    // A heading ends its block, so the paragraph after it starts fresh.
    if (heading) block++;
  });
  return { format: "md", lines, headingIndex, timed: false, warnings: [] };
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
