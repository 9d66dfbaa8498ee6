import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateMetadata } from "@/lib/editor/metadata";
import { expectAppError, makeTranscript, person, revisionNumbers } from "@/lib/editor/test-support";

describe("saving a transcript's details", () => {
  it("saves against the current version, raises it and records one revision", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, ["Good afternoon."]);
    const { transcript, revision } = await updateMetadata(reporter, t.id, {
      baseVersion: 1,
      title: "NATO defence ministers",
      slug: "nato-defence-ministers-2019",
      summary: "  Stoltenberg on Afghanistan, Kosovo and Ukraine.  ",
      occurredAt: "2019-02-14",
      place: " Brussels ",
      sourceUrl: "https://www.nato.int/cps/en/natohq/opinions_163410.htm",
      fidelity: "human_verified",
      tags: ["nato", "defence", "nato"],
    });
    expect(transcript).toMatchObject({
      title: "NATO defence ministers",
      slug: "nato-defence-ministers-2019",
      summary: "Stoltenberg on Afghanistan, Kosovo and Ukraine.",
      occurredAt: "2019-02-14",
      place: "Brussels",
      fidelity: "human_verified",
      tags: ["nato", "defence"],
      version: 2,
      revision: 2,
    });
    expect(revision).toBe(2);
    expect(await revisionNumbers(t.id)).toEqual([1, 2]);
  });

  it("refuses a save based on an older version with a conflict naming who saved in between", async () => {
    const reporter = await person("Rita Reporter");
    const editor = await person("Edward Editor", "EDITOR");
    const t = await makeTranscript(reporter, ["Good afternoon."]);
    await updateMetadata(editor, t.id, { baseVersion: 1, title: "The desk's title" });

    const error = await expectAppError(updateMetadata(reporter, t.id, { baseVersion: 1, title: "Mine" }), "CONFLICT");
    expect(error.message).toContain("Edward Editor");
    expect(error.extra.current).toMatchObject({ transcript: { title: "The desk's title", version: 2 } });
    const row = await db.transcript.findUniqueOrThrow({ where: { id: t.id } });
    expect(row).toMatchObject({ title: "The desk's title", version: 2, revision: 2 });
  });

  it("refuses a slug another transcript has, naming the field", async () => {
    const reporter = await person("Rita Reporter");
    const taken = await makeTranscript(reporter, ["First."]);
    const t = await makeTranscript(reporter, ["Second."]);
    const error = await expectAppError(
      updateMetadata(reporter, t.id, { baseVersion: 1, slug: taken.slug, title: "Changed" }),
      "BAD_REQUEST",
    );
    expect(error.fieldErrors.slug).toBeDefined();
    expect(await db.transcript.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({
      slug: t.slug,
      title: "Briefing",
      version: 1,
    });
  });

  it("accepts the transcript's own slug unchanged", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, ["Good afternoon."]);
    // The title unchanged too: a new one would move an address nobody typed (lib/editor/slug-follows-title.test.ts).
    const { transcript } = await updateMetadata(reporter, t.id, { baseVersion: 1, slug: t.slug, title: "Briefing" });
    expect(transcript).toMatchObject({ slug: t.slug, title: "Briefing" });
  });

  it("records who confirmed the fidelity label: ticking confirms, choosing a new label confirms, unticking withdraws", async () => {
    const owner = await person("Fay Fidelity");
    const t = await makeTranscript(owner, ["Good morning."]);
    const confirmation = async () =>
      db.transcript.findUniqueOrThrow({
        where: { id: t.id },
        select: { fidelityConfirmedAt: true, fidelityConfirmedById: true },
      });
    expect(await confirmation()).toEqual({ fidelityConfirmedAt: null, fidelityConfirmedById: null });

    // Saving other details with the label unchanged confirms nothing.
    let saved = await updateMetadata(owner, t.id, { baseVersion: 1, title: "Briefing", fidelity: "clean_read" });
    expect(saved.transcript.fidelityConfirmed).toBeNull();

    saved = await updateMetadata(owner, t.id, {
      baseVersion: saved.transcript.version,
      fidelityConfirmed: true,
    });
    expect(saved.transcript.fidelityConfirmed).toMatchObject({ by: "Fay Fidelity" });
    expect((await confirmation()).fidelityConfirmedById).toBe(owner.id);

    saved = await updateMetadata(owner, t.id, { baseVersion: saved.transcript.version, fidelityConfirmed: false });
    expect(saved.transcript.fidelityConfirmed).toBeNull();

    saved = await updateMetadata(owner, t.id, { baseVersion: saved.transcript.version, fidelity: "verbatim" });
    expect(saved.transcript.fidelityConfirmed).toMatchObject({ by: "Fay Fidelity" });
    expect((await confirmation()).fidelityConfirmedAt).toBeInstanceOf(Date);
  });
});
