import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { updateMetadata } from "@/lib/editor/metadata";
import { expectAppError, type TestUser } from "@/lib/editor/test-support";
import { expirePublicCache } from "@/lib/publishing/cache";
import { slugTag } from "@/lib/publishing/cache-tags";
import { loadMovedSlug } from "@/lib/publishing/old-slugs";
import { loadPublicTranscript } from "@/lib/publishing/public-queries";
import { hoursIn, newsroom, publishAt, readyTranscript } from "@/lib/publishing/test-support";
import { transitionTranscript } from "@/lib/publishing/workflow";

vi.mock("@/lib/publishing/cache", () => ({ expirePublicCache: vi.fn() }));

async function rename(actor: TestUser, id: string, slug: string) {
  const { transcript } = await updateMetadata(actor, id, { baseVersion: await transcriptVersion(id), slug });
  return transcript;
}

async function transcriptVersion(id: string) {
  return (await db.transcript.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

function expiredTags(): string[] {
  return vi.mocked(expirePublicCache).mock.calls.at(-1)?.[0] as string[];
}

describe("a published transcript's old addresses", () => {
  it("keep answering with the current address after a republication under a new slug, until it is unpublished", async () => {
    const { reporter, editor } = await newsroom();
    const t = await readyTranscript(reporter, editor);
    const first = t.slug;
    await publishAt(editor, t.id, hoursIn(0));
    expect(await loadMovedSlug(first)).toBeNull();

    // Renaming the working copy changes nothing public until the next publication.
    await rename(editor, t.id, "nato-ministers-renamed");
    expect(await loadMovedSlug(first)).toBeNull();
    expect(await loadPublicTranscript(first)).not.toBeNull();

    await publishAt(editor, t.id, hoursIn(1));
    expect(await loadPublicTranscript(first)).toBeNull();
    expect(await loadMovedSlug(first)).toBe("nato-ministers-renamed");
    // The old address's cached redirect (here and at the edge) is expired with the page.
    expect(expiredTags()).toEqual(expect.arrayContaining([slugTag(first), slugTag("nato-ministers-renamed")]));

    // A third address: both older ones lead to it.
    await rename(editor, t.id, "nato-ministers-third");
    await publishAt(editor, t.id, hoursIn(2));
    expect(await loadMovedSlug(first)).toBe("nato-ministers-third");
    expect(await loadMovedSlug("nato-ministers-renamed")).toBe("nato-ministers-third");

    // Back to the first: it is the current address again, not an old one.
    await rename(editor, t.id, first);
    await publishAt(editor, t.id, hoursIn(3));
    expect(await loadMovedSlug(first)).toBeNull();
    expect(await loadPublicTranscript(first)).not.toBeNull();
    expect(await loadMovedSlug("nato-ministers-third")).toBe(first);

    await transitionTranscript(editor, t.id, { to: "UNPUBLISHED", note: "Legal asked us to take it down." });
    expect(await loadMovedSlug("nato-ministers-third")).toBeNull();
    expect(await loadMovedSlug("nato-ministers-renamed")).toBeNull();
    expect(expiredTags()).toEqual(
      expect.arrayContaining([slugTag(first), slugTag("nato-ministers-third"), slugTag("nato-ministers-renamed")]),
    );
  });

  it("stay with their transcript: another one cannot be published there", async () => {
    const { reporter, editor } = await newsroom();
    const moved = await readyTranscript(reporter, editor);
    await publishAt(editor, moved.id, hoursIn(0));
    await rename(editor, moved.id, "moved-elsewhere");
    await publishAt(editor, moved.id, hoursIn(1));

    const other = await readyTranscript(reporter, editor, undefined, { title: "Another press conference" });
    await expectAppError(rename(editor, other.id, moved.slug), "BAD_REQUEST");
    // Even set behind the form's back, publishing there is refused.
    await db.transcript.update({ where: { id: other.id }, data: { slug: moved.slug } });
    const error = await expectAppError(publishAt(editor, other.id, hoursIn(2)), "CONFLICT");
    expect(error.message).toContain(`/t/${moved.slug}`);
    expect(await loadMovedSlug(moved.slug)).toBe("moved-elsewhere");
  });
});
