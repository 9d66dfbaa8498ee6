// Bytes to clean Unicode text: find the encoding, decode, and normalise what differs between editors and platforms
// (line endings, composed characters, invisible characters).
import chardet from "chardet";
import iconv from "iconv-lite";
import { IngestError } from "./types";
import { repairLoneSurrogates } from "./unicode";

export interface DecodedText {
  text: string;
  /**
   * "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "utf-32le", "utf-32be", "windows-1252", "iso-8859-1", or another
   * legacy encoding.
   */
  encoding: string;
  warnings: string[];
}

interface RawDecoding {
  text: string;
  encoding: string;
  /** The encoding was inferred from statistics rather than read from a byte order mark or validated as UTF-8. */
  guessed: boolean;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const raw = decodeBytes(bytes);
  // A UTF-16 file can hold half a surrogate pair; it becomes U+FFFD (and the warning below) rather than text that
  // cannot be stored.
  const wellFormed = repairLoneSurrogates(raw.text).text;
  assertReadable(wellFormed);
  const text = normaliseText(wellFormed);
  if (text.trim() === "") {
    throw new IngestError("EMPTY", text === "" ? "The file is empty." : "The file contains only whitespace.");
  }
  const warnings: string[] = [];
  if (raw.guessed) {
    warnings.push(`The file is not UTF-8; it was read as ${raw.encoding}. Check accented letters and quotes.`);
  }
  const replaced = countMatches(text, /\uFFFD/g);
  if (replaced > 0) {
    warnings.push(`${replaced} character${replaced === 1 ? "" : "s"} could not be decoded and show as �.`);
  }
  return { text, encoding: raw.encoding, warnings };
}

function decodeBytes(bytes: Uint8Array): RawDecoding {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The UTF-32 marks first: the little-endian one begins with the UTF-16 little-endian mark FF FE.
  if (startsWith(buffer, [0xff, 0xfe, 0x00, 0x00])) {
    return { text: iconv.decode(buffer.subarray(4), "utf-32le"), encoding: "utf-32le", guessed: false };
  }
  if (startsWith(buffer, [0x00, 0x00, 0xfe, 0xff])) {
    return { text: iconv.decode(buffer.subarray(4), "utf-32be"), encoding: "utf-32be", guessed: false };
  }
  if (startsWith(buffer, [0xef, 0xbb, 0xbf])) {
    return { text: buffer.subarray(3).toString("utf8"), encoding: "utf-8-bom", guessed: false };
  }
  if (startsWith(buffer, [0xff, 0xfe])) {
    return { text: iconv.decode(buffer.subarray(2), "utf-16le"), encoding: "utf-16le", guessed: false };
  }
  if (startsWith(buffer, [0xfe, 0xff])) {
    return { text: iconv.decode(buffer.subarray(2), "utf-16be"), encoding: "utf-16be", guessed: false };
  }
  const utf16 = utf16WithoutBom(buffer);
  if (utf16) return { text: iconv.decode(buffer, utf16), encoding: utf16, guessed: true };
  const utf8 = strictUtf8(buffer);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8", guessed: false };
  return decodeLegacy(buffer);
}

function startsWith(buffer: Buffer, prefix: number[]): boolean {
  return prefix.every((byte, index) => buffer[index] === byte);
}

function strictUtf8(buffer: Buffer): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(buffer);
  } catch {
    return null;
  }
}

/**
 * UTF-16 text saved without a byte order mark still shows itself: mostly-Latin text has a zero in every other byte.
 * (Valid UTF-8 never contains zeros in text, so this runs before the UTF-8 check.)
 */
function utf16WithoutBom(buffer: Buffer): "utf-16le" | "utf-16be" | null {
  const sample = buffer.subarray(0, Math.min(buffer.length, 4096) & ~1);
  if (sample.length < 4) return null;
  let zerosAtEven = 0;
  let zerosAtOdd = 0;
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] !== 0) continue;
    if (index % 2 === 0) zerosAtEven++;
    else zerosAtOdd++;
  }
  const pairs = sample.length / 2;
  if (zerosAtOdd > pairs * 0.4 && zerosAtEven < pairs * 0.05) return "utf-16le";
  if (zerosAtEven > pairs * 0.4 && zerosAtOdd < pairs * 0.05) return "utf-16be";
  return null;
}

function decodeLegacy(buffer: Buffer): RawDecoding {
  const encoding = chooseLegacyEncoding(buffer);
  if (encoding === "windows-1252") {
    // Bytes 0x80–0x9F are printable in windows-1252 (’ “ ” – …) and control codes in ISO-8859-1; without them the
    // two are identical, so the name reported is the narrower one that fits. Both decode as windows-1252, as
    // browsers do (WHATWG Encoding Standard).
    const usesWindowsRange = buffer.some((byte) => byte >= 0x80 && byte <= 0x9f);
    return {
      text: iconv.decode(buffer, "windows-1252"),
      encoding: usesWindowsRange ? "windows-1252" : "iso-8859-1",
      guessed: true,
    };
  }
  return { text: iconv.decode(buffer, encoding), encoding: encoding.toLowerCase(), guessed: true };
}

function chooseLegacyEncoding(buffer: Buffer): string {
  // UTF-8 has already been ruled out, and UTF-16/32 without a byte order mark are handled separately.
  const candidates = chardet
    .analyse(buffer)
    .filter((candidate) => !/^UTF-/i.test(candidate.name) && iconv.encodingExists(candidate.name));
  const best = candidates[0];
  const western = candidates.find((candidate) => candidate.name === "windows-1252" || candidate.name === "ISO-8859-1");
  // chardet's statistics are weak on short texts, where it often ranks a Central European code page first. Western
  // European text is by far the most common legacy case for this desk, so it wins unless clearly outscored.
  if (!best || (western && best.confidence - western.confidence <= 20)) return "windows-1252";
  return best.name;
}

/** Control characters other than tab and line breaks, and the replacement character: signs of binary content. */
const UNPRINTABLE = /[\u0000-\u0008\u000E-\u001F\u007F\uFFFD]/g;

function assertReadable(text: string): void {
  const unprintable = countMatches(text.slice(0, 65_536), UNPRINTABLE);
  const sampleLength = Math.min(text.length, 65_536);
  if (unprintable > 4 && unprintable > sampleLength * 0.01) {
    throw new IngestError(
      "UNDECODABLE",
      "The file is not readable text in any encoding Verbatim knows. Save it as UTF-8 text and upload it again.",
    );
  }
}

/**
 * Line endings to \n, composed characters (NFC), and no zero-width or control characters: the same words typed on
 * two systems then compare equal, which the clean-up rules and the caption de-duplication rely on.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .normalize("NFC")
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, "");
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
