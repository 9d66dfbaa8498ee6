// Reading the checked-in fixtures and running them through the pipeline, for the tests.
import fs from "node:fs";
import path from "node:path";
import { ingestFile } from "../pipeline";
import type { IngestResult } from "../types";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures");

export function fixture(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
}

export function ingestFixture(name: string, restore?: number[]): Promise<IngestResult> {
  return ingestFile({ bytes: fixture(name), filename: name, restore });
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** All segment texts as one string, for "is this sentence still there" checks. */
export function speechOf(result: IngestResult): string {
  return result.segments.map((segment) => segment.text).join("\n");
}
