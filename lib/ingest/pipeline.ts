// The pipeline, stage by stage: decode (refuse what is not text, find the encoding), parse (by format), clean
// (boilerplate out), structure (paragraphs and speakers), metadata (title, date, place, language), entities.
import { createHash } from "node:crypto";
import { inspectArchive, isZipArchive } from "./archive";
import { cleanLines } from "./clean";
import { readSpeakerConvention } from "./conventions";
import { assertIngestSize } from "./limits";
import { decodeText } from "./decode";
import { detectTextFormat, MEDIA_TYPES, sniffContent, type TextFormat } from "./detect";
import { extractEntities } from "./entities";
import { capFilename } from "./filename";
import { parseDocx } from "./formats/docx";
import { parseTranscriptJson } from "./formats/json";
import { parseMarkdown } from "./formats/markdown";
import { parseSrt } from "./formats/srt";
import { parsePlainText } from "./formats/text";
import { parseWebVtt } from "./formats/webvtt";
import { cleanTitle, detectLanguage, findEventDate, findPlace, titleFromFilename, type TitleLines } from "./metadata";
import { countWords } from "./prose";
import type { ParsedSource } from "./source";
import { speakerFromTitle } from "./speakers";
import { buildSegments } from "./structure";
import type { IngestInput, IngestOptions, IngestResult, ParsedSegment } from "./types";
import { repairStringsInPlace } from "./unicode";
import { findTitleLinesAfterWrappers } from "./wrappers";

export { assertIngestSize, maxIngestBytes } from "./limits";

export const INGEST_STAGES = ["decode", "parse", "clean", "structure", "metadata", "entities"] as const;
export type IngestStage = (typeof INGEST_STAGES)[number];
/** Milliseconds spent in each stage. */
export type StageTimings = Record<IngestStage, number>;

/** How many opening lines may hold the date or a dateline. */
const OPENING_LINES = 5;

export async function ingestFile(input: IngestInput, options: IngestOptions = {}): Promise<IngestResult> {
  return (await ingestFileWithTimings(input, options)).result;
}

/** `ingestFile`, also reporting the time each stage took (for the benchmark). */
export async function ingestFileWithTimings(
  input: IngestInput,
  options: IngestOptions = {},
): Promise<{ result: IngestResult; timings: StageTimings }> {
  const timings: StageTimings = { decode: 0, parse: 0, clean: 0, structure: 0, metadata: 0, entities: 0 };
  const stage = async <T>(name: IngestStage, run: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      timings[name] += performance.now() - started;
    }
  };
  const { bytes } = input;
  const filename = capFilename(input.filename);
  assertIngestSize(bytes.byteLength, options);

  const decoded = await stage("decode", async () => {
    // Any zip is inspected before anything (file-type's sniffing included) unpacks a byte of it.
    if (isZipArchive(bytes)) await inspectArchive({ bytes, maxUnpackedBytes: options.maxUnpackedBytes });
    return (await sniffContent(bytes, filename, input.mediaType)) === "docx" ? null : decodeText(bytes);
  });
  const { parsed, source, convention } = await stage("parse", async () => {
    const parsed = decoded
      ? parseText(decoded.text, detectTextFormat(decoded.text, filename, input.mediaType))
      : await parseDocx(bytes);
    // Subtitle parsers read their own "Name:" cue labels (and leave "Title:" or "Music:" as words on purpose).
    const isSubtitles = parsed.format === "srt" || parsed.format === "vtt";
    const reading = isSubtitles ? { lines: parsed.lines, convention: null } : readSpeakerConvention(parsed.lines);
    return { parsed, source: { ...parsed, lines: reading.lines }, convention: reading.convention };
  });

  // The title is looked for before the convention marks its heading lines (the title among them) as not speech;
  // reading a convention keeps every line in place, so the indices hold for both.
  const titleLines = withoutSpeakerTurns(findTitleLinesAfterWrappers(parsed), source);
  const titleLine = titleLines.title === null ? null : (source.lines[titleLines.title] ?? null);
  const datelineLine = titleLines.dateline === null ? null : (source.lines[titleLines.dateline] ?? null);
  const { kept, removed } = await stage("clean", () => cleanLines(source.lines, titleLines, new Set(input.restore)));

  // Front matter or the file's own header ("WEBVTT - Press briefing") says what it is called; the first line or
  // heading is next, the file name last.
  const frontMatter = source.frontMatter ?? null;
  const statedTitle = frontMatter?.title ?? (source.title ? cleanTitle(source.title) : null);
  const title = statedTitle ?? (titleLine ? cleanTitle(titleLine.text) : titleFromFilename(filename));
  const { segments, speakers, speakerMerges } = await stage("structure", () =>
    buildSegments(kept, {
      timed: source.timed,
      titleSpeaker: title ? speakerFromTitle(title) : null,
      keepSpeakersApart: input.keepSpeakersApart,
    }),
  );
  const speech = segments.map((segment) => segment.text).join("\n\n");

  const metadata = await stage("metadata", async () => {
    // A transcript's heading lines (removed as not speech) still state its date and place.
    const headings = source.lines.filter((line) => line.removal?.code === "dateline").slice(0, OPENING_LINES);
    const opening = [
      ...(datelineLine ? [datelineLine.text] : []),
      ...(source.dateline?.texts ?? []),
      ...headings.map((line) => line.text),
      ...kept.slice(0, OPENING_LINES).map((line) => line.text),
    ];
    // The language chooses how dates are read first: "03/04/2024" is 4 March in English, 3 April in French.
    const language = await detectLanguage(speech);
    return {
      occurredAt:
        frontMatter?.date ?? findEventDate(titleLine ? [titleLine.text, ...opening] : opening, filename, language),
      place: frontMatter?.place ?? source.dateline?.place ?? findPlace(titleLine?.text ?? null, opening, language),
      language,
    };
  });
  // The title helps recognise names, but only the paragraphs' mentions count: the desk matches mentions there.
  const entities = await stage("entities", () => extractEntities(speech, { context: title ?? "" }));

  const warnings = [...(decoded?.warnings ?? []), ...source.warnings];
  if (segments.length === 0) warnings.push("No speech is left after clean-up; restore removed lines to keep them.");

  const result: IngestResult = {
    source: {
      filename,
      bytes: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      encoding: decoded?.encoding ?? "binary",
      format: source.format,
      mediaType: MEDIA_TYPES[source.format],
    },
    title,
    ...metadata,
    sourceUrl: frontMatter?.sourceUrl ?? null,
    speakers,
    speakerMerges,
    convention,
    segments,
    removed,
    entities,
    warnings,
    wordCount: segments.reduce((total, segment) => total + countWords(segment.text), 0),
    // Times can come from the format (subtitles, JSON) or from the speaker labels (an Otter or Rev export).
    durationMs: duration(segments),
  };
  // Decoding already repaired the text; a JSON transcript can still spell half a surrogate pair as "\ud800".
  const repaired = repairStringsInPlace(result);
  if (repaired > 0) {
    result.warnings.push(
      `${repaired} broken character${repaired === 1 ? " was" : "s were"} replaced with �; check the text around them.`,
    );
  }
  return { result, timings };
}

function parseText(text: string, format: TextFormat): ParsedSource {
  switch (format) {
    case "txt":
      return parsePlainText(text);
    case "md":
      return parseMarkdown(text);
    case "srt":
      return parseSrt(text);
    case "vtt":
      return parseWebVtt(text);
    case "json":
      return parseTranscriptJson(text);
  }
}

/** A line that opens a speaker's turn ("Dana Whitfield  0:03" at the top of an Otter export) is never the title. */
function withoutSpeakerTurns(titleLines: TitleLines, source: ParsedSource): TitleLines {
  const opensTurn = (index: number | null) => index !== null && source.lines[index]?.turn !== undefined;
  if (opensTurn(titleLines.title)) return { title: null, dateline: null };
  return opensTurn(titleLines.dateline) ? { ...titleLines, dateline: null } : titleLines;
}

function duration(segments: readonly ParsedSegment[]): number | null {
  const starts = segments.flatMap((segment) => (segment.startMs === null ? [] : [segment.startMs]));
  const ends = segments.flatMap((segment) => (segment.endMs === null ? [] : [segment.endMs]));
  if (starts.length === 0 || ends.length === 0) return null;
  // The last turn of a tool export has a start and no end: it still counts.
  return Math.max(...ends, ...starts) - Math.min(...starts);
}
