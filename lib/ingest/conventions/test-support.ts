// Helpers for the convention tests: reading a fixture, and counting the words of speech in it independently of the
// pipeline, by stripping the convention's own labels and timestamps with patterns the test states.
import fs from "node:fs";
import path from "node:path";
import { ingestFile } from "../pipeline";
import { countWords } from "../prose";
import { sourceLine, type SourceLine } from "../source";
import type { IngestInput, IngestResult } from "../types";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "conventions");

export function conventionFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), "utf8");
}

export function ingestConventionFixture(
  name: string,
  options: Partial<Pick<IngestInput, "restore" | "keepSpeakersApart">> = {},
): Promise<IngestResult> {
  return ingestFile({ bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, name))), filename: name, ...options });
}

/** The fixture as the plain-text parser would hand it over: one line per non-blank line. */
export function linesOf(text: string): SourceLine[] {
  let block = 0;
  return text.split(/\r?\n/).flatMap((raw, index) => {
    if (raw.trim() === "") {
      block++;
      return [];
    }
    return [sourceLine({ line: index + 1, raw, text: raw.trim(), block })];
  });
}

/** Words in the fixture once each line has lost what `labels` match: the words said, and any non-speech lines. */
export function wordsWithoutLabels(text: string, labels: readonly RegExp[]): number {
  return text
    .split(/\r?\n/)
    .map((line) => labels.reduce((rest, label) => rest.replace(label, ""), line))
    .reduce((total, line) => total + countWords(line), 0);
}

/** Words the pipeline kept as speech plus the words of every line it reports removed. */
export function wordsAccountedFor(result: IngestResult): number {
  return result.wordCount + result.removed.reduce((total, line) => total + countWords(line.text), 0);
}

/** The segment holding these words (the first few words of a question, say). */
export function segmentWith(result: IngestResult, words: string) {
  return result.segments.find((segment) => segment.text.includes(words));
}
