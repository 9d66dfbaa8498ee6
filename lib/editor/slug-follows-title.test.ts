import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateMetadata } from "@/lib/editor/metadata";
import { expectAppError, makeTranscript, person } from "@/lib/editor/test-support";

async function versionOf(id: string) {
  return (await db.transcript.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

async function retitle(actor: Awaited<ReturnType<typeof person>>, id: string, title: string, slug?: string) {
  const { slug: current } = await db.transcript.findUniqueOrThrow({ where: { id }, select: { slug: true } });
  // The details form always sends the slug field as it stands: unchanged unless someone typed in it.
  return updateMetadata(actor, id, { baseVersion: await versionOf(id), title, slug: slug ?? current });
}

describe("the address follows the title before the first publication", () => {
  it("takes the new title's slug, skipping addresses in use or kept for old links, until someone types one", async () => {
    const reporter = await person("Rita Reporter");
    const other = await makeTranscript(reporter, ["Elsewhere."], { title: "Kosovo briefing" });
    await db.transcript.update({ where: { id: other.id }, data: { slug: "kosovo-briefing" } });
    const kept = await makeTranscript(reporter, ["Moved on."], { title: "Something else" });
    await db.slugRedirect.create({ data: { slug: "kosovo-briefing-2", transcriptId: kept.id } });

    const t = await makeTranscript(reporter, ["Good afternoon."], { title: "Untitled upload" });
    const first = await retitle(reporter, t.id, "Kosovo briefing");
    expect(first.transcript).toMatchObject({ slug: "kosovo-briefing-3", slugFollowsTitle: true });

    const second = await retitle(reporter, t.id, "Kosovo: the NATO briefing, 14 February");
    expect(second.transcript.slug).toBe("kosovo-the-nato-briefing-14-february");

    const typed = await retitle(reporter, t.id, "Kosovo: the NATO briefing", "kfor-briefing");
    expect(typed.transcript).toMatchObject({ slug: "kfor-briefing", slugFollowsTitle: false });
    const after = await retitle(reporter, t.id, "A completely new title");
    expect(after.transcript.slug).toBe("kfor-briefing");
  });

  it("stops following once the transcript has been published", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, ["Good afternoon."], { title: "Press conference" });
    await db.transcript.update({ where: { id: t.id }, data: { firstPublishedAt: new Date(), publicSlug: t.slug } });
    const { transcript } = await retitle(reporter, t.id, "Press conference on Ukraine");
    expect(transcript).toMatchObject({ slug: t.slug, slugFollowsTitle: false });
  });

  it("refuses a typed slug that is another transcript's public or old address", async () => {
    const reporter = await person("Rita Reporter");
    const published = await makeTranscript(reporter, ["Published."], { title: "Published one" });
    await db.transcript.update({ where: { id: published.id }, data: { publicSlug: "the-public-address" } });
    await db.slugRedirect.create({ data: { slug: "an-old-address", transcriptId: published.id } });
    const t = await makeTranscript(reporter, ["Mine."], { title: "Mine" });
    for (const slug of ["the-public-address", "an-old-address"]) {
      const error = await expectAppError(retitle(reporter, t.id, "Mine", slug), "BAD_REQUEST");
      expect(error.fieldErrors).toMatchObject({ slug: expect.stringContaining("Already used") });
    }
    // Its own old address is its own to take back.
    await db.slugRedirect.create({ data: { slug: "my-old-address", transcriptId: t.id } });
    expect((await retitle(reporter, t.id, "Mine", "my-old-address")).transcript.slug).toBe("my-old-address");
  });
});
