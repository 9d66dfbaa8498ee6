// A Word file is a zip, and a zip can claim anything: a 76 KB upload can unpack to gigabytes of XML. Before
// mammoth (or anything else) unpacks one, its central directory is read with yauzl and every entry is then
// streamed once, counting bytes, so a directory that lies about sizes is caught too. Nothing unpacked is kept.
import yauzl from "yauzl";
import { maxUnpackedBytes, megabytes } from "./limits";
import { IngestError } from "./types";

/** A long transcript in Word has a few dozen parts; a few hundred pictures are still far below this. */
export const MAX_ARCHIVE_ENTRIES = 1_000;
/** XML text compresses about 5–20 times, and even very repetitive documents stay under 100. */
export const MAX_COMPRESSION_RATIO = 100;
/** The ratio is judged only on entries at least this large: tiny parts (an empty style sheet) compress anyhow. */
const RATIO_CHECKED_FROM_BYTES = 1024 * 1024;

/** The zip signature "PK\x03\x04" (or "PK\x05\x06" for an empty archive) at the start of the file. */
export function isZipArchive(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

export interface ArchiveSummary {
  entries: number;
  unpackedBytes: number;
}

interface InspectArchiveOptions {
  bytes: Uint8Array;
  maxUnpackedBytes?: number;
}

/**
 * Refuses an archive that is too big unpacked (ARCHIVE_TOO_LARGE) or damaged, encrypted or bomb-like
 * (BAD_ARCHIVE). The declared sizes are checked first, without unpacking; then each entry is inflated as a stream
 * and discarded, and yauzl stops any entry whose data runs past its declared size.
 */
export async function inspectArchive({
  bytes,
  maxUnpackedBytes: limit,
}: InspectArchiveOptions): Promise<ArchiveSummary> {
  const maxUnpacked = maxUnpackedBytes({ maxUnpackedBytes: limit });
  const zipfile = await openArchive(bytes);
  try {
    if (zipfile.entryCount > MAX_ARCHIVE_ENTRIES) {
      throw new IngestError(
        "ARCHIVE_TOO_LARGE",
        `This file holds ${zipfile.entryCount} parts; Verbatim reads documents of up to ${MAX_ARCHIVE_ENTRIES}. ` +
          "Save the transcript again as a plain Word document, or as text.",
      );
    }
    const entries = await readDirectory(zipfile);
    const declared = entries.reduce((total, entry) => total + entry.uncompressedSize, 0);
    if (declared > maxUnpacked) throw unpackedTooLarge(declared, maxUnpacked);
    for (const entry of entries) assertPlausible(entry);
    let unpacked = 0;
    for (const entry of entries) unpacked += await countEntryBytes(zipfile, entry);
    return { entries: entries.length, unpackedBytes: unpacked };
  } finally {
    zipfile.close();
  }
}

function openArchive(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return yauzl
    .fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false })
    .catch(() => {
      throw badArchive("it is damaged (its table of contents cannot be read)");
    });
}

/** The central directory only: names, sizes and flags, nothing inflated. */
function readDirectory(zipfile: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zipfile.on("entry", (entry: yauzl.Entry) => {
      entries.push(entry);
      zipfile.readEntry();
    });
    zipfile.once("end", () => resolve(entries));
    zipfile.once("error", () => reject(badArchive("it is damaged (its table of contents is broken)")));
    zipfile.readEntry();
  });
}

function assertPlausible(entry: yauzl.Entry): void {
  if ((entry.generalPurposeBitFlag & 0x1) !== 0) {
    throw badArchive("it is password-protected", "Remove the password in Word and upload it again.");
  }
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw badArchive("it uses a compression method Word does not write");
  }
  if (entry.uncompressedSize >= RATIO_CHECKED_FROM_BYTES) {
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (ratio > MAX_COMPRESSION_RATIO) {
      throw badArchive(
        `one part would unpack ${Math.round(ratio)} times larger than it is stored, far more than any real ` +
          "document (the signature of a zip bomb)",
      );
    }
  }
}

/** Inflates one entry into nothing, counting; yauzl fails the stream if it yields more than the entry declares. */
function countEntryBytes(zipfile: yauzl.ZipFile, entry: yauzl.Entry): Promise<number> {
  return new Promise((resolve, reject) => {
    zipfile.openReadStream(entry, (error, stream) => {
      if (error) {
        reject(badArchive("one of its parts cannot be unpacked"));
        return;
      }
      let counted = 0;
      stream.on("data", (chunk: Buffer) => {
        counted += chunk.length;
      });
      stream.once("end", () => resolve(counted));
      stream.once("error", () => {
        stream.destroy();
        reject(badArchive("one of its parts does not match the size its table of contents gives"));
      });
    });
  });
}

function badArchive(why: string, advice = "Open it in Word and save it again, or upload the text."): IngestError {
  return new IngestError("BAD_ARCHIVE", `This file was not unpacked because ${why}. ${advice}`);
}

function unpackedTooLarge(declared: number, limit: number): IngestError {
  return new IngestError(
    "ARCHIVE_TOO_LARGE",
    `This file would unpack to ${megabytes(declared)} MB; Verbatim unpacks at most ${megabytes(limit)} MB. ` +
      "Remove pictures or split the transcript into parts, or upload it as text.",
  );
}
