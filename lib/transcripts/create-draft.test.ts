import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { IngestError, ingestFile } from "@/lib/ingest";
import { createTestUser } from "@/lib/test/factories";
import { createDraftFromUpload } from "@/lib/transcripts/create-draft";

const NATO_PATH = path.join(process.cwd(), "lib", "ingest", "fixtures", "nato-press-conference-2019-02-14.txt");
const NATO = new Uint8Array(fs.readFileSync(NATO_PATH));

describe("creating a draft from an upload", () => {
  it("stores the original bytes, speakers, paragraphs and entity suggestions in one go", async () => {
    const reporter = await createTestUser();
    const draft = await createDraftFromUpload({ userId: reporter.id, input: { bytes: NATO, filename: "nato.txt" } });
    const transcript = await db.transcript.findUniqueOrThrow({
      where: { id: draft.id },
      include: {
        sourceFiles: true,
        speakers: true,
        segments: { orderBy: { position: "asc" } },
        entities: { include: { mentions: true, entity: true } },
      },
    });
    expect(transcript).toMatchObject({
      title:
        "Press conference by NATO Secretary General Jens Stoltenberg following the meetings of NATO Defence Ministers",
      slug: expect.stringMatching(/^press-conference-by-nato-secretary-general-jens-stoltenberg-following-the(-\d+)?$/),
      status: "DRAFT",
      language: "en",
      createdById: reporter.id,
      fidelity: "CLEAN_READ",
    });
    expect(transcript.occurredAt?.toISOString()).toBe("2019-02-14T00:00:00.000Z");
    const [source] = transcript.sourceFiles;
    expect(Buffer.from(source!.content).equals(Buffer.from(NATO))).toBe(true);
    expect(source).toMatchObject({
      size: NATO.byteLength,
      format: "txt",
      encoding: "utf-8",
      uploadedById: reporter.id,
    });
    expect(JSON.parse(source!.cleanupReport).removed).toHaveLength(15);

    expect(transcript.speakers.map((speaker) => speaker.name)).toEqual(["Jens Stoltenberg"]);
    expect(transcript.segments.every((segment) => segment.speakerId === transcript.speakers[0]!.id)).toBe(true);
    expect(transcript.segments.map((segment) => segment.position)).toEqual(
      transcript.segments.map((_, index) => index),
    );
    expect(transcript.segments.at(-1)?.text.endsWith("And with that, I’m ready to take your questions.")).toBe(true);

    const kosovo = transcript.entities.find((link) => link.entity.name === "Kosovo" && link.entity.type === "PLACE");
    expect(kosovo?.status).toBe("SUGGESTED");
    expect(kosovo?.mentions.length).toBeGreaterThanOrEqual(2);
    // The count is the stored mentions, for every entity.
    for (const link of transcript.entities) expect(link.mentionCount).toBe(link.mentions.length);
    // Every suggestion has a mention in the paragraphs; none is an everyday word or a piece of a longer name.
    for (const link of transcript.entities) expect(link.mentions.length, link.entity.name).toBeGreaterThan(0);
    const names = transcript.entities.map((link) => link.entity.name);
    expect(names).toContain("Sea of Azov");
    for (const word of ["Azov", "Sea", "Heads", "State", "Government"]) expect(names).not.toContain(word);
    expect(
      await db.revision.findMany({ where: { transcriptId: draft.id }, select: { number: true, action: true } }),
    ).toEqual([{ number: 1, action: "transcript.created" }]);
    for (const mention of kosovo!.mentions) {
      const segment = transcript.segments.find((candidate) => candidate.id === mention.segmentId)!;
      expect(segment.text.slice(mention.start, mention.end)).toBe("Kosovo");
    }
    expect(await db.auditEvent.count({ where: { targetId: draft.id, action: "transcript.created" } })).toBe(1);
  });

  it("keeps the lines the reporter restored, and gives a second upload of the same title its own slug", async () => {
    const reporter = await createTestUser();
    const first = await createDraftFromUpload({ userId: reporter.id, input: { bytes: NATO, filename: "nato.txt" } });
    const preview = await ingestFile({ bytes: NATO, filename: "nato.txt" });
    expect(first.removedLines).toBe(preview.removed.length);
    const hashtags = preview.removed.find((line) => line.text === "#NATO #DefMin #OTAN")!;
    const draft = await createDraftFromUpload({
      userId: reporter.id,
      input: { bytes: NATO, filename: "nato.txt", restore: [hashtags.id] },
      title: "NATO defence ministers, press conference",
      fidelity: "HUMAN_VERIFIED",
    });
    // The restored line is counted once: it is simply no longer among the removed ones.
    expect(draft.removedLines).toBe(preview.removed.length - 1);
    const segments = await db.segment.findMany({ where: { transcriptId: draft.id }, select: { text: true } });
    expect(segments.some((segment) => segment.text.includes("#NATO #DefMin #OTAN"))).toBe(true);
    const transcript = await db.transcript.findUniqueOrThrow({ where: { id: draft.id } });
    expect(transcript).toMatchObject({ title: "NATO defence ministers, press conference", fidelity: "HUMAN_VERIFIED" });

    const again = await createDraftFromUpload({ userId: reporter.id, input: { bytes: NATO, filename: "nato.txt" } });
    expect(again.slug).not.toBe(first.slug);
    expect(again.slug).toMatch(/^press-conference-by-nato-secretary-general-jens-stoltenberg-following-the-\d+$/);
  });

  it("takes the title, date, place and source address a file's front matter states", async () => {
    const reporter = await createTestUser();
    const bytes = new Uint8Array(
      fs.readFileSync(path.join(process.cwd(), "lib", "ingest", "fixtures", "wrappers", "hugo-conference-fr.md")),
    );
    const preview = await ingestFile({ bytes, filename: "hugo-conference-fr.md" });
    expect(preview.sourceUrl).toMatch(/^https:\/\//);
    const draft = await createDraftFromUpload({
      userId: reporter.id,
      input: { bytes, filename: "hugo-conference-fr.md" },
    });
    const transcript = await db.transcript.findUniqueOrThrow({ where: { id: draft.id } });
    expect(transcript).toMatchObject({ title: preview.title, place: preview.place, sourceUrl: preview.sourceUrl });
    expect(transcript.occurredAt?.toISOString().slice(0, 10)).toBe(preview.occurredAt);
  });

  it("stores a UTF-16 file holding a lone surrogate, with the character repaired and a warning", async () => {
    const reporter = await createTestUser();
    const text = "MODERATOR: Good morning \uD800 everyone.\nWelcome to the briefing on the budget.";
    const bytes = Buffer.alloc(2 + text.length * 2);
    bytes.writeUInt16LE(0xfeff, 0);
    for (let index = 0; index < text.length; index++) bytes.writeUInt16LE(text.charCodeAt(index), 2 + index * 2);
    const draft = await createDraftFromUpload({
      userId: reporter.id,
      input: { bytes: new Uint8Array(bytes), filename: "briefing\uDC00.txt" },
      title: "Budget \uD800 briefing",
    });
    const transcript = await db.transcript.findUniqueOrThrow({
      where: { id: draft.id },
      include: { segments: true, sourceFiles: true },
    });
    expect(transcript.title).toBe("Budget \uFFFD briefing");
    expect(transcript.segments[0]?.text).toBe("Good morning \uFFFD everyone. Welcome to the briefing on the budget.");
    expect(transcript.sourceFiles[0]?.filename).toBe("briefing\uFFFD.txt");
    expect(Buffer.from(transcript.sourceFiles[0]!.content).equals(bytes)).toBe(true);
    expect(JSON.parse(transcript.sourceFiles[0]!.warnings)).toContain(
      "1 character could not be decoded and show as �.",
    );
  });

  it("caps a very long filename, and the title made from it, at 255 characters", async () => {
    const reporter = await createTestUser();
    const draft = await createDraftFromUpload({
      userId: reporter.id,
      input: { bytes: new TextEncoder().encode("Good morning, everyone."), filename: `${"n".repeat(1_000_000)}.txt` },
    });
    const transcript = await db.transcript.findUniqueOrThrow({
      where: { id: draft.id },
      include: { sourceFiles: true },
    });
    expect(transcript.sourceFiles[0]?.filename).toHaveLength(255);
    expect(transcript.title.length).toBeLessThanOrEqual(255);
  });

  it("writes nothing when the file is refused", async () => {
    const reporter = await createTestUser();
    const before = await db.transcript.count();
    await expect(
      createDraftFromUpload({
        userId: reporter.id,
        input: { bytes: new TextEncoder().encode(" \n "), filename: "blank.txt" },
      }),
    ).rejects.toBeInstanceOf(IngestError);
    expect(await db.transcript.count()).toBe(before);
    expect(await db.sourceFile.count({ where: { uploadedById: reporter.id } })).toBe(0);
  });

  it("leaves the calling thread idle while a large draft is parsed and saved", async () => {
    const reporter = await createTestUser();
    const turns = Array.from(
      { length: 20_000 },
      (_, turn) =>
        `${turn % 2 ? "MS. HOLM" : "CHAIR"}: Item ${turn} on the herring quota for Norway, zone ${turn % 40}.`,
    );
    const before = performance.eventLoopUtilization();
    const draft = await createDraftFromUpload({
      userId: reporter.id,
      input: { bytes: new TextEncoder().encode(turns.join("\n\n")), filename: "hearing.txt" },
    });
    // The share of the call's wall time this thread spent busy: saving 20,000 paragraphs through Prisma on this
    // thread kept it busy about 30% of the call (the parse was already in a worker); now it only waits (about 3%).
    const { utilization } = performance.eventLoopUtilization(before);
    expect(draft.segments).toBe(20_000);
    expect(await db.segment.count({ where: { transcriptId: draft.id } })).toBe(20_000);
    expect(await db.mention.count({ where: { segment: { transcriptId: draft.id } } })).toBeGreaterThan(0);
    expect(utilization).toBeLessThan(0.15);
  });
});
