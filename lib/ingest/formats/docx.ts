// Word (.docx) through mammoth: each paragraph is a line, an empty paragraph separates blocks as a blank line does
// in plain text, and a heading paragraph at the top is the title.
import mammoth from "mammoth";
import { sourceLine, type ParsedSource, type SourceLine } from "../source";
import { IngestError } from "../types";

// Word's "Title" style is not in mammoth's default style map; it is the usual first line of a typed transcript.
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

const BLOCK_ELEMENT = /<(p|h[1-6]|li)(?:\s[^>]*)?>([\s\S]*?)<\/\1>/g;

export async function parseDocx(bytes: Uint8Array): Promise<ParsedSource> {
  const html = await convertToHtml(bytes);
  const lines: SourceLine[] = [];
  let block = 0;
  let headingIndex: number | null = null;
  let paragraph = 0;
  for (const match of html.matchAll(BLOCK_ELEMENT)) {
    paragraph++;
    const element = match[1] ?? "p";
    const text = htmlToText(match[2] ?? "");
    if (text === "") {
      block++;
      continue;
    }
    const heading = element.startsWith("h");
    if (heading && lines.length === 0) headingIndex = 0;
    lines.push(sourceLine({ line: paragraph, raw: text, text, block, standalone: heading }));
    if (heading) block++;
  }
  if (lines.length === 0) throw new IngestError("EMPTY", "The Word document has no text.");
  return { format: "docx", lines, headingIndex, timed: false, warnings: [] };
}

async function convertToHtml(bytes: Uint8Array): Promise<string> {
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        ignoreEmptyParagraphs: false,
        // Images are not text; an empty element keeps mammoth from base64-encoding every picture.
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
      },
    );
    return result.value;
  } catch {
    throw new IngestError(
      "UNREADABLE_DOCX",
      "This .docx file could not be read as a Word document; it may be damaged. Open it in Word and save it again.",
    );
  }
}

const HTML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: "\u00A0" };

function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_entity, name: string) => HTML_ENTITIES[name] ?? "")
    .replace(/\s+/g, " ")
    .trim();
}
