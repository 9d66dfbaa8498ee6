// Builds small, real .docx files for tests: Word needs only four XML parts in a zip, and a zip is a few dozen lines
// to write. Entries are stored, or deflated (for decompression bombs), and their sizes can be made to lie.
import { crc32, deflateRawSync } from "node:zlib";

export interface DocxParagraph {
  text: string;
  /** A Word paragraph style: "Title" and "Heading1" are declared in the generated styles part. */
  style?: "Title" | "Heading1";
}

const WORD_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const RELATIONSHIPS_NAMESPACE = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function paragraphXml({ text, style }: DocxParagraph): string {
  const properties = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : "";
  const run = text === "" ? "" : `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
  return `<w:p>${properties}${run}</w:p>`;
}

export function buildDocx(paragraphs: readonly DocxParagraph[], options: ZipOptions = {}): Uint8Array {
  return buildZip(docxParts(paragraphs), options);
}

/**
 * A decompression bomb dressed as a Word file: `megabytes` of one repeated paragraph, deflated to a few KB (about
 * 1000:1), the way the 76 KB file holding 22 MB of XML was made.
 */
export function buildDocxBomb(megabytes: number): Uint8Array {
  const paragraph = { text: "All work and no play makes a dull transcript." };
  const count = Math.ceil((megabytes * 1024 * 1024) / 80);
  return buildDocx(
    Array.from({ length: count }, () => paragraph),
    { deflate: true },
  );
}

function docxParts(paragraphs: readonly DocxParagraph[]): Record<string, string> {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  return {
    "[Content_Types].xml":
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
      "</Types>",
    "_rels/.rels":
      `${xml}<Relationships xmlns="${RELATIONSHIPS_NAMESPACE}">` +
      `<Relationship Id="rId1" Type="${OFFICE_RELATIONSHIPS}/officeDocument" Target="word/document.xml"/>` +
      "</Relationships>",
    "word/_rels/document.xml.rels":
      `${xml}<Relationships xmlns="${RELATIONSHIPS_NAMESPACE}">` +
      `<Relationship Id="rId1" Type="${OFFICE_RELATIONSHIPS}/styles" Target="styles.xml"/>` +
      "</Relationships>",
    "word/styles.xml":
      `${xml}<w:styles xmlns:w="${WORD_NAMESPACE}">` +
      '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>' +
      "</w:styles>",
    "word/document.xml":
      `${xml}<w:document xmlns:w="${WORD_NAMESPACE}"><w:body>` +
      paragraphs.map(paragraphXml).join("") +
      "</w:body></w:document>",
  };
}

export interface ZipOptions {
  /** Deflate every entry (method 8) instead of storing it. */
  deflate?: boolean;
  /** Sizes written into the headers instead of the true unpacked sizes, by entry name: a lying archive. */
  declaredSizes?: Readonly<Record<string, number>>;
  /** Marks every entry as encrypted (general purpose flag bit 0), as a password-protected zip does. */
  encrypted?: boolean;
}

/** A zip archive, names in UTF-8; entries stored (method 0) unless `deflate`. */
export function buildZip(files: Readonly<Record<string, string>>, options: ZipOptions = {}): Uint8Array {
  const localParts: Buffer[] = [];
  const centralParts: Buffer[] = [];
  const method = options.deflate ? 8 : 0;
  const flags = 0x0800 | (options.encrypted ? 0x1 : 0);
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, "utf8");
    const raw = Buffer.from(content, "utf8");
    const data = options.deflate ? deflateRawSync(raw) : raw;
    const declaredSize = options.declaredSizes?.[name] ?? raw.length;
    const checksum = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); // local file header signature
    local.writeUInt16LE(20, 4); // version needed to extract
    local.writeUInt16LE(flags, 6); // flags: UTF-8 names (and encryption)
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date: 1980-01-01
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declaredSize, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); // central directory header signature
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed to extract
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declaredSize, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42); // offset of the local header; the fields between stay zero
    localParts.push(local, nameBytes, data);
    centralParts.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralDirectory = Buffer.concat(centralParts);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); // end of central directory signature
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...localParts, centralDirectory, end]));
}
