// Helpers for the publishing tests: a transcript that passes every pre-publish check, publishing it as an editor at
// a given time, and the workflow and audit rows read back.
import { db } from "@/lib/db";
import { makeTranscript, type ParagraphSpec, type TestUser } from "@/lib/editor/test-support";
import { readJson, auditDetailsSchema } from "@/lib/json-columns";
import type { Role } from "@/lib/permissions";
import { readSnapshot } from "@/lib/publishing/snapshot";
import { createTestUser } from "@/lib/test/factories";
import { transitionTranscript, type TransitionInput } from "@/lib/publishing/workflow";

export const HOUR = 3_600_000;

/**
 * A fixed point some hours in the past, so that publications dated from it are already due when the public reads
 * (which use the real clock) run, and far enough apart that a republication counts as an update.
 */
const BASE = Date.now() - 48 * HOUR;
export function hoursIn(hours: number): Date {
  return new Date(BASE + hours * HOUR);
}

export const READY_PARAGRAPHS: ParagraphSpec[] = [
  {
    text: "Good afternoon. Defence ministers agreed to spend 2 percent of GDP on defence.",
    speaker: "Jens Stoltenberg",
  },
  { text: "What does that mean for Germany?", speaker: "Questioner Ana" },
  { text: "Germany has committed to the pledge we all made in Wales.", speaker: "Jens Stoltenberg" },
];

/** A user without a password: these tests never sign in, and hashing one is slow. */
export async function staff(name: string, role: Role): Promise<TestUser> {
  return createTestUser({ name, role, password: null });
}

/** A newsroom: a reporter who owns the transcript, another reporter, and an editor. */
export async function newsroom() {
  const reporter = await staff("Rita Reporter", "REPORTER");
  const stranger = await staff("Sam Stranger", "REPORTER");
  const editor = await staff("Eddie Editor", "EDITOR");
  return { reporter, stranger, editor };
}

/** A transcript that passes every pre-publish check: titled, dated, fidelity confirmed, speakers named. */
export async function readyTranscript(
  owner: TestUser,
  confirmer: TestUser,
  paragraphs: (string | ParagraphSpec)[] = READY_PARAGRAPHS,
  { title = "NATO defence ministers press conference" }: { title?: string } = {},
) {
  const transcript = await makeTranscript(owner, paragraphs, {
    speakers: ["Jens Stoltenberg", "Questioner Ana"],
    title,
  });
  await db.transcript.update({
    where: { id: transcript.id },
    data: {
      occurredAt: new Date("2019-02-14T00:00:00Z"),
      place: "Brussels",
      fidelityConfirmedAt: new Date(),
      fidelityConfirmedById: confirmer.id,
    },
  });
  return transcript;
}

export async function publishAt(
  editor: TestUser,
  transcriptId: string,
  at: Date,
  input: Partial<TransitionInput> = {},
) {
  return transitionTranscript(editor, transcriptId, { to: "PUBLISHED", ...input }, at);
}

export async function statusOf(transcriptId: string) {
  return db.transcript.findUniqueOrThrow({
    where: { id: transcriptId },
    select: { status: true, publicSlug: true, firstPublishedAt: true, publishAt: true, slug: true },
  });
}

export async function workflowEvents(transcriptId: string) {
  return db.workflowEvent.findMany({
    where: { transcriptId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { action: true, from: true, to: true, note: true, overrides: true, actorId: true },
  });
}

export async function auditEvents(transcriptId: string) {
  const rows = await db.auditEvent.findMany({
    where: { targetType: "transcript", targetId: transcriptId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { action: true, actorId: true, details: true },
  });
  return rows.map((row) => ({ ...row, details: readJson(auditDetailsSchema, row.details, {}) }));
}

export async function publicationsOf(transcriptId: string) {
  const rows = await db.publication.findMany({
    where: { transcriptId },
    orderBy: { number: "asc" },
    select: { number: true, kind: true, content: true, publishedAt: true, withdrawnAt: true, actorId: true },
  });
  return rows.map(({ content, ...row }) => ({ ...row, snapshot: readSnapshot(content) }));
}
