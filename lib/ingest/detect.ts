// What kind of file this is, judged by its content first and its name and media type second: a renamed file is
// parsed as what it is, and a file that is no transcript at all is refused with a message that names it.
import { parseJsonDocument } from "./formats/json/document";
import { IngestError, type SourceFormat } from "./types";

export const MEDIA_TYPES: Record<SourceFormat, string> = {
  txt: "text/plain",
  md: "text/markdown",
  srt: "application/x-subrip",
  vtt: "text/vtt",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  json: "application/json",
};

export type TextFormat = Exclude<SourceFormat, "docx">;

function fileExtension(filename: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(filename.trim());
  return match?.[1]?.toLowerCase() ?? "";
}

/** Human names for the binary types people most often upload by mistake. */
const BINARY_NAMES: Record<string, string> = {
  pdf: "a PDF document",
  png: "a PNG image",
  jpg: "a JPEG image",
  gif: "a GIF image",
  webp: "a WebP image",
  tif: "a TIFF image",
  bmp: "a BMP image",
  heic: "a HEIC image",
  avif: "an AVIF image",
  ico: "an icon file",
  mp3: "an MP3 audio file",
  wav: "a WAV audio file",
  m4a: "an M4A audio file",
  ogg: "an Ogg audio file",
  opus: "an Opus audio file",
  flac: "a FLAC audio file",
  mp4: "an MP4 video",
  mov: "a QuickTime video",
  webm: "a WebM video",
  mkv: "a Matroska video",
  avi: "an AVI video",
  zip: "a ZIP archive",
  gz: "a gzip archive",
  "7z": "a 7-Zip archive",
  rar: "a RAR archive",
  xlsx: "an Excel workbook",
  pptx: "a PowerPoint presentation",
  odt: "an OpenDocument text file",
  epub: "an EPUB book",
  rtf: "an RTF document",
  cfb: "an old-format Office document (.doc, .xls or .ppt)",
  exe: "a Windows program",
  elf: "a Linux program",
  sqlite: "an SQLite database",
};

/**
 * Refuses binary content and tells a Word file from text. file-type reads magic bytes; it recognises docx by the
 * parts inside the zip, so a renamed Word file is still read as Word.
 */
export async function sniffContent(
  bytes: Uint8Array,
  filename: string,
  mediaType: string | null | undefined,
): Promise<"docx" | "text"> {
  // A byte order mark says "text"; without this check the UTF-16 mark FF FE passes for an MPEG audio frame.
  if (startsWithByteOrderMark(bytes)) return "text";
  const { fileTypeFromBuffer } = await import("file-type");
  const type = await fileTypeFromBuffer(bytes);
  const claimsDocx = fileExtension(filename) === "docx" || mediaType === MEDIA_TYPES.docx;
  if (type?.ext === "docx") return "docx";
  // A zip that claims to be Word goes to the Word reader, which says precisely what is wrong with it.
  if (claimsDocx && type?.ext === "zip") return "docx";
  if (claimsDocx && type === undefined) {
    throw new IngestError(
      "UNREADABLE_DOCX",
      "This .docx file is not a Word document (it is not a valid .docx archive). Open it in Word and save it again.",
    );
  }
  if (type && !type.mime.startsWith("text/") && type.ext !== "xml") {
    const name = BINARY_NAMES[type.ext] ?? `a ${type.ext.toUpperCase()} file`;
    const advice = /^(audio|video)\//.test(type.mime)
      ? "Verbatim does not transcribe recordings; upload the transcript as text, subtitles, Word or JSON."
      : "Export it as text, subtitles or Word.";
    throw new IngestError("BINARY", `This file is ${name} (${type.mime}), not a transcript. ${advice}`);
  }
  return "text";
}

function startsWithByteOrderMark(bytes: Uint8Array): boolean {
  const [first, second, third, fourth] = bytes;
  return (
    (first === 0xef && second === 0xbb && third === 0xbf) ||
    (first === 0xff && second === 0xfe) ||
    (first === 0xfe && second === 0xff) ||
    (first === 0x00 && second === 0x00 && third === 0xfe && fourth === 0xff)
  );
}

const SUBTITLE_TIMING = /^[ \t]*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}[ \t]*-->[ \t]*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}/m;

/**
 * Detects the format of decoded text. JSON content (a document, or JSON Lines from a streaming tool) is JSON whatever
 * the file is called, since tools save it as .txt, .log or even .srt; a `.json` name always wins.
 */
export function detectTextFormat(text: string, filename: string, mediaType: string | null | undefined): TextFormat {
  const extension = fileExtension(filename);
  const head = text.slice(0, 8192).trimStart();
  if (extension === "json" || mediaType === MEDIA_TYPES.json) return "json";
  if ((head.startsWith("{") || head.startsWith("[")) && parseJsonDocument(text) !== null) return "json";
  if (/^WEBVTT(?:[ \t]|$)/m.test(head.slice(0, 7))) return "vtt";
  if (SUBTITLE_TIMING.test(head)) return extension === "vtt" || mediaType === MEDIA_TYPES.vtt ? "vtt" : "srt";
  if (extension === "srt" || extension === "vtt") return extension;
  if (extension === "md" || extension === "markdown" || mediaType === MEDIA_TYPES.md) return "md";
  if (looksLikeMarkdown(head)) return "md";
  return "txt";
}

/** An ATX heading on the first line, or bold speaker labels ("**NAME:**") more than once. */
function looksLikeMarkdown(head: string): boolean {
  if (/^#{1,6}[ \t]+\S/.test(head)) return true;
  return (head.match(/^\*\*[^*\n]{1,60}(?::\*\*|\*\*:)/gm)?.length ?? 0) >= 2;
}
