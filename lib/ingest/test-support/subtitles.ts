// Long subtitle files for the pool, end-to-end and benchmark runs: 100,000 cues is about 10 MB and several seconds
// of parsing, the shape of the file that once stalled every request for 32 s. Also the word counts the "no word is
// lost" checks compare.
import { countWords } from "../prose";
import type { IngestResult } from "../types";

function timestamp(milliseconds: number): string {
  return new Date(milliseconds).toISOString().slice(11, 23).replace(".", ",");
}

/** A SubRip file of `cues` two-second cues, seven speakers taking turns. */
export function buildLongSrt(cues: number): string {
  const blocks: string[] = [];
  for (let index = 0; index < cues; index++) {
    const start = index * 2000;
    blocks.push(
      `${index + 1}\n${timestamp(start)} --> ${timestamp(start + 1900)}\n` +
        `SPEAKER ${index % 7}: This is cue number ${index} of the long hearing today.\n`,
    );
  }
  return blocks.join("\n");
}

/** Subtitle markup that is not words: tags, override blocks, inline timestamps. */
function withoutMarkup(text: string): string {
  return text.replace(/<[^>]*>/g, " ").replace(/\{[^}]*\}/g, " ");
}

/** Words of speech, markup aside: what the "nothing is lost" checks count on both sides. */
export function speechWords(text: string): number {
  return countWords(withoutMarkup(text));
}

const TIMING_LINE = /-->/;

/**
 * The words in a subtitle file's cue text (every line but the header, timing lines and cue identifiers), with the
 * speaker labels named in `labels` taken off: the words a reader would count in the file, independently of the
 * parser.
 */
export function subtitleWordsIn(file: string, labels: readonly string[] = []): number {
  const lines = file.replace(/\r\n/g, "\n").split("\n");
  const bodyStart = lines[0]?.startsWith("WEBVTT") ? lines.indexOf("") : 0;
  return lines.slice(bodyStart).reduce((total, line, index, body) => {
    // Timing lines, and the cue numbers or identifiers just above them.
    if (TIMING_LINE.test(line) || TIMING_LINE.test(body[index + 1] ?? "")) return total;
    const label = labels.find((name) => line.startsWith(`${name}:`));
    return total + speechWords(label ? line.slice(label.length + 1) : line);
  }, 0);
}

/** Words out (the segments) plus words set aside (removed[]): must equal the words in. */
export function wordsAccountedFor(result: IngestResult): number {
  return result.wordCount + result.removed.reduce((total, line) => total + speechWords(line.text), 0);
}
