// Export models for the tests: a small published-looking transcript, and one built from what the real ingestion
// pipeline reads out of a file, so that a round trip compares like with like.
import fs from "node:fs";
import path from "node:path";
import { ingestFile, type IngestResult } from "@/lib/ingest";
import type { ExportAnnotation, ExportTranscript } from "./model";

export const SUBTITLE_FIXTURES = path.join(process.cwd(), "lib", "ingest", "fixtures", "subtitles");

export async function ingestFixture(file: string): Promise<IngestResult> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  return ingestFile({ bytes, filename: path.basename(file) });
}

export async function ingestText(text: string, filename: string): Promise<IngestResult> {
  return ingestFile({ bytes: new TextEncoder().encode(text), filename });
}

/** The draft an upload of `result` would make, as an export model. */
export function exportFromIngest(result: IngestResult, overrides: Partial<ExportTranscript> = {}): ExportTranscript {
  const speakers = result.speakers.map((speaker, index) => ({
    id: `speaker-${index + 1}`,
    name: speaker.name,
    title: speaker.title,
    role: null,
    outlet: speaker.outlet,
  }));
  const idOf = new Map(speakers.map((speaker) => [speaker.name, speaker.id]));
  return {
    slug: "fixture",
    title: result.title ?? "Fixture",
    summary: null,
    occurredAt: result.occurredAt ? `${result.occurredAt}T00:00:00.000Z` : null,
    place: result.place,
    language: result.language,
    sourceUrl: result.sourceUrl,
    fidelity: "MACHINE",
    fidelityCheckedBy: null,
    url: null,
    publishedAt: null,
    updatedAt: null,
    speakers,
    segments: result.segments.map((segment, index) => ({
      id: `segment-${index + 1}`,
      speakerId: segment.speaker === null ? null : (idOf.get(segment.speaker) ?? null),
      text: segment.text,
      startMs: segment.startMs,
      endMs: segment.endMs,
    })),
    annotations: [],
    corrections: [],
    ...overrides,
  };
}

export function annotation(
  fields: Partial<ExportAnnotation> & Pick<ExportAnnotation, "id" | "kind" | "segmentId" | "start" | "end" | "exact">,
): ExportAnnotation {
  return {
    anchored: true,
    body: "",
    verdict: null,
    claim: null,
    sources: [],
    checker: null,
    internal: fields.kind === "NOTE",
    author: null,
    createdAt: null,
    status: null,
    ...fields,
  };
}

/** A published briefing with a renamed speaker, a context note, a fact-check, a key quote and a correction. */
export function briefing(overrides: Partial<ExportTranscript> = {}): ExportTranscript {
  const statement = "The fisheries agreement was signed in Bergen on Monday. Quotas rise by two percent next year.";
  return {
    slug: "fisheries-briefing",
    title: "Fisheries briefing in Bergen",
    summary: null,
    occurredAt: "2019-02-14T00:00:00.000Z",
    place: "Bergen",
    language: "en",
    sourceUrl: "https://example.org/briefing",
    fidelity: "CLEAN_READ",
    fidelityCheckedBy: "Rita Reporter",
    url: "https://news.example/t/fisheries-briefing",
    publishedAt: "2019-02-14T12:00:00.000Z",
    updatedAt: "2019-02-15T09:00:00.000Z",
    speakers: [
      { id: "s-moderator", name: "Moderator", title: null, role: "MODERATOR", outlet: null },
      { id: "s-holm", name: "Kari Holm", title: "Fisheries Minister", role: "OFFICIAL", outlet: null },
      { id: "s-ribeiro", name: "Ana Ribeiro", title: null, role: "QUESTIONER", outlet: "Público" },
    ],
    segments: [
      {
        id: "p1",
        speakerId: "s-moderator",
        text: "Good afternoon and welcome to the fisheries briefing.",
        startMs: 2000,
        endMs: 5500,
      },
      { id: "p2", speakerId: "s-holm", text: statement, startMs: 6000, endMs: 12_250 },
      {
        id: "p3",
        speakerId: "s-ribeiro",
        text: "Will the coastal fleet get more of the quota?",
        startMs: 13_000,
        endMs: 15_000,
      },
      {
        id: "p4",
        speakerId: "s-holm",
        text: "The coastal fleet gets the largest share it has ever had, and that is a promise.",
        startMs: 15_500,
        endMs: 21_000,
      },
    ],
    annotations: [
      annotation({
        id: "a-context",
        kind: "CONTEXT",
        segmentId: "p1",
        start: 34,
        end: 52,
        exact: "fisheries briefing",
        body: "The ministry holds the briefing after every **quota round**.",
      }),
      annotation({
        id: "a-factcheck",
        kind: "FACTCHECK",
        segmentId: "p2",
        start: 56,
        end: 82,
        exact: "Quotas rise by two percent",
        body: "The total rises by two percent, but the cod quota falls.",
        verdict: "MISLEADING",
        claim: "Quotas rise by two percent next year.",
        sources: [{ url: "https://example.org/quotas-2019", title: "Quota tables 2019" }],
        checker: "Frida Factchecker",
      }),
      annotation({
        id: "a-quote",
        kind: "QUOTE",
        segmentId: "p4",
        start: 23,
        end: 56,
        exact: "the largest share it has ever had",
        body: "The minister's promise to the coastal fleet.",
      }),
    ],
    corrections: [
      {
        segmentId: "p2",
        before: "The fisheries agreement was signed in Bergen on Tuesday. Quotas rise by two percent next year.",
        after: statement,
        reason: "The agreement was signed on Monday, not Tuesday.",
        at: "2019-02-15T09:00:00.000Z",
      },
    ],
    ...overrides,
  };
}
