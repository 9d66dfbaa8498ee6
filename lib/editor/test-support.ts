// Helpers for the editor's tests: small transcripts written straight into the database, the NATO upload through
// the real ingestion worker, and checks that read the stored rows back.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/lib/db";
import { AppError, type AppErrorCode } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { createTestUser } from "@/lib/test/factories";
import { createDraftFromUpload } from "@/lib/transcripts/create-draft";

export const NATO_PATH = path.join(process.cwd(), "lib", "ingest", "fixtures", "nato-press-conference-2019-02-14.txt");

export type TestUser = Awaited<ReturnType<typeof createTestUser>>;

/** A user of `role` with the given name, as the editor's functions take it. */
export async function person(name: string, role: Actor["role"] = "REPORTER"): Promise<TestUser> {
  return createTestUser({ name, role });
}

export interface ParagraphSpec {
  text: string;
  /** A speaker's name from `speakers` (or none). */
  speaker?: string;
  startMs?: number;
  endMs?: number;
}

/**
 * A transcript owned by `owner`, written directly: its speakers (in order), its paragraphs at positions 0..n-1 and
 * revision 1, as an upload leaves them. Returns the ids in the order given.
 */
export async function makeTranscript(
  owner: { id: string },
  paragraphs: (string | ParagraphSpec)[],
  { speakers = [], title = "Briefing" }: { speakers?: string[]; title?: string } = {},
) {
  const transcript = await db.transcript.create({
    data: {
      slug: `briefing-${randomUUID()}`,
      title,
      createdById: owner.id,
      speakers: { create: speakers.map((name, position) => ({ name, position })) },
    },
    select: { id: true, slug: true, speakers: { select: { id: true, name: true } } },
  });
  const speakerIds = new Map(transcript.speakers.map((speaker) => [speaker.name, speaker.id]));
  const segmentIds: string[] = [];
  for (const [position, paragraph] of paragraphs.entries()) {
    const spec = typeof paragraph === "string" ? { text: paragraph } : paragraph;
    const row = await db.segment.create({
      data: {
        transcriptId: transcript.id,
        position,
        text: spec.text,
        speakerId: spec.speaker ? speakerIds.get(spec.speaker) : null,
        startMs: spec.startMs ?? null,
        endMs: spec.endMs ?? null,
      },
      select: { id: true },
    });
    segmentIds.push(row.id);
  }
  await db.revision.create({
    data: {
      transcriptId: transcript.id,
      number: 1,
      actorId: owner.id,
      action: "transcript.created",
      summary: "Created from an upload",
    },
  });
  return {
    id: transcript.id,
    slug: transcript.slug,
    segmentIds,
    speakerIds: speakers.map((name) => speakerIds.get(name)!),
  };
}

/**
 * A transcript of `count` paragraphs written in bulk, as makeTranscript writes a short one: paragraph `index`
 * (0-based) reads `text(index)` and has the speaker named `speaker(index)` (one of `speakers`), or none.
 */
export async function makeLongTranscript(
  owner: { id: string },
  count: number,
  {
    text,
    speaker = () => undefined,
    speakers = [],
  }: { text: (index: number) => string; speaker?: (index: number) => string | undefined; speakers?: string[] },
) {
  const transcript = await makeTranscript(owner, [], { speakers, title: "Hearing" });
  const speakerIds = new Map(speakers.map((name, index) => [name, transcript.speakerIds[index]!]));
  const rows = Array.from({ length: count }, (_, position) => {
    const name = speaker(position);
    return {
      transcriptId: transcript.id,
      position,
      text: text(position),
      speakerId: name ? speakerIds.get(name) : null,
    };
  });
  for (let from = 0; from < rows.length; from += 500) {
    await db.segment.createMany({ data: rows.slice(from, from + 500) });
  }
  const segments = await db.segment.findMany({
    where: { transcriptId: transcript.id },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  return { ...transcript, segmentIds: segments.map((segment) => segment.id) };
}

/** The NATO press conference, stored by the real ingestion worker (speakers, paragraphs, entity suggestions). */
export async function uploadNato(owner: { id: string }) {
  const bytes = new Uint8Array(fs.readFileSync(NATO_PATH));
  const draft = await createDraftFromUpload({ userId: owner.id, input: { bytes, filename: "nato.txt" } });
  return draft.id;
}

/** The live paragraphs in reading order. */
export async function liveSegments(transcriptId: string) {
  return db.segment.findMany({
    where: { transcriptId, deletedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, text: true, speakerId: true, startMs: true, endMs: true, version: true, position: true },
  });
}

export async function textsOf(transcriptId: string): Promise<string[]> {
  return (await liveSegments(transcriptId)).map((segment) => segment.text);
}

export async function segmentText(segmentId: string): Promise<string> {
  return (await db.segment.findUniqueOrThrow({ where: { id: segmentId }, select: { text: true } })).text;
}

export async function versionOf(segmentId: string): Promise<number> {
  return (await db.segment.findUniqueOrThrow({ where: { id: segmentId }, select: { version: true } })).version;
}

export async function revisionNumbers(transcriptId: string): Promise<number[]> {
  const rows = await db.revision.findMany({
    where: { transcriptId },
    orderBy: { number: "asc" },
    select: { number: true },
  });
  return rows.map((row) => row.number);
}

/** The offsets of the `occurrence`-th (0-based) appearance of `words` in `text`; fails the test when absent. */
export function rangeOf(text: string, words: string, occurrence = 0): { start: number; end: number } {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    start = text.indexOf(words, start + 1);
    if (start === -1) throw new Error(`“${words}” does not occur ${occurrence + 1}× in “${text}”`);
  }
  return { start, end: start + words.length };
}

/** Awaits `promise` and checks it failed with an AppError of `code`; returns the error for further checks. */
export async function expectAppError(promise: Promise<unknown>, code: AppErrorCode): Promise<AppError> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, `expected an AppError ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/**
 * The stored mentions are right: each one's words are its entity's name, there is at most one row per entity and
 * place, and every mentionCount is its number of rows.
 */
export async function expectMentionsConsistent(transcriptId: string) {
  const links = await db.transcriptEntity.findMany({
    where: { transcriptId },
    select: {
      id: true,
      mentionCount: true,
      entity: { select: { name: true } },
      // Mentions waiting for review are not counted and hold their old offsets.
      mentions: {
        where: { status: "ANCHORED" },
        select: { start: true, end: true, segment: { select: { id: true, text: true } } },
      },
    },
  });
  for (const link of links) {
    expect(link.mentionCount, `mentionCount of ${link.entity.name}`).toBe(link.mentions.length);
    const places = new Set<string>();
    for (const mention of link.mentions) {
      expect(mention.segment.text.slice(mention.start, mention.end), `a mention of ${link.entity.name}`).toBe(
        link.entity.name,
      );
      const place = `${mention.segment.id}:${mention.start}`;
      expect(places.has(place), `two mentions of ${link.entity.name} at ${place}`).toBe(false);
      places.add(place);
    }
  }
  return links;
}
