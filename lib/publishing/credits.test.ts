import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadAuthor, loadAuthorTranscripts } from "@/lib/discovery/authors";
import { recordRevision } from "@/lib/editor/revisions";
import { loadFeedSource, loadSitemapPages } from "@/lib/feeds/queries";
import { recordCorrection } from "@/lib/publishing/corrections";
import { loadPublicTranscript } from "@/lib/publishing/public-queries";
import {
  bylineParts,
  bylineText,
  chooseCredits,
  loadPublicByline,
  resolveByline,
  uniqueAuthorSlug,
  type CreditedUser,
  type PublicByline,
} from "@/lib/publishing/credits";
import { hoursIn, publicationsOf, publishAt, readyTranscript, staff } from "@/lib/publishing/test-support";
import { transitionTranscript } from "@/lib/publishing/workflow";
import { findPublicProfile, updateOwnProfile } from "@/lib/users/profile";
import { publicProfileSchema } from "@/lib/validations/profile";

const SITE = { siteName: "Daily Record", hasAnnotations: true };

function user(id: string, fields: Partial<CreditedUser> = {}): CreditedUser {
  return { id, name: id.toUpperCase(), authorSlug: id, active: true, creditOptOut: false, ...fields };
}

/** A name no other test in this file's database uses, so slugs are predictable. */
function uniqueName(first: string): string {
  return `${first} ${randomUUID().slice(0, 6)}`;
}

describe("who is credited", () => {
  it("credits the creator, revisers and annotators in the order they worked, and the publishing editor as editor", () => {
    expect(
      chooseCredits({
        creatorId: "rita",
        revisionActorIds: ["rita", "sam", null, "eddie", "sam"],
        annotationAuthorIds: ["fran", "rita"],
        editorId: "eddie",
      }),
    ).toEqual({ authors: ["rita", "sam", "fran"], editor: "eddie" });
  });

  it("credits the editor as author too when nobody else worked on it", () => {
    expect(
      chooseCredits({ creatorId: "eddie", revisionActorIds: ["eddie"], annotationAuthorIds: [], editorId: "eddie" }),
    ).toEqual({ authors: ["eddie"], editor: "eddie" });
  });

  it("makes author page addresses unique with a number", () => {
    expect(uniqueAuthorSlug("Rita Reporter", new Set())).toBe("rita-reporter");
    expect(uniqueAuthorSlug("Rita Reporter", new Set(["rita-reporter"]))).toBe("rita-reporter-2");
    expect(uniqueAuthorSlug("Rita Reporter", new Set(["rita-reporter", "rita-reporter-2"]))).toBe("rita-reporter-3");
    expect(uniqueAuthorSlug("Владимир Путин", new Set())).toBe("vladimir-putin");
    expect(uniqueAuthorSlug("!!!", new Set())).toBe("author");
  });
});

describe("the byline readers see", () => {
  const credits = { authors: ["ana", "ben"], editor: "cat" };

  it("names the authors and the editor, linked to their author pages", () => {
    const byline = resolveByline(credits, [user("ana"), user("ben"), user("cat")]);
    expect(byline.authors).toEqual([
      { name: "ANA", path: "/authors/ana" },
      { name: "BEN", path: "/authors/ben" },
    ]);
    expect(bylineText(bylineParts(byline, SITE))).toBe("Transcribed and annotated by ANA and BEN · Published by CAT");
    expect(bylineText(bylineParts(byline, { ...SITE, hasAnnotations: false }))).toBe(
      "Transcribed by ANA and BEN · Published by CAT",
    );
  });

  it("names the newsroom for someone who opted out or was deactivated, and never names them", () => {
    const byline = resolveByline(credits, [user("ana", { creditOptOut: true }), user("ben"), user("cat")]);
    expect(bylineText(bylineParts(byline, SITE))).toBe(
      "Transcribed and annotated by BEN and the Daily Record newsroom · Published by CAT",
    );
    const nobody = resolveByline(credits, [
      user("ana", { creditOptOut: true }),
      user("ben", { active: false }),
      user("cat", { creditOptOut: true }),
    ]);
    expect(nobody).toEqual({ authors: [], newsroomAuthors: true, editor: null, newsroomEditor: true });
    expect(bylineText(bylineParts(nobody, SITE))).toBe("Transcribed and annotated by the Daily Record newsroom");
    const hiddenEditor = resolveByline(credits, [user("ana"), user("ben"), user("cat", { active: false })]);
    expect(bylineText(bylineParts(hiddenEditor, SITE))).toBe(
      "Transcribed and annotated by ANA and BEN · Published by the Daily Record newsroom",
    );
  });

  it("names the newsroom when nobody is credited (a publication from before bylines)", () => {
    const byline: PublicByline = resolveByline({ authors: [], editor: null }, []);
    expect(bylineText(bylineParts(byline, SITE))).toBe("Transcribed and annotated by the Daily Record newsroom");
  });
});

describe("the public profile form", () => {
  it("trims the name and bio, reads the checkbox, and refuses what is too long or not plain text", () => {
    expect(publicProfileSchema.parse({ name: "  Rita  ", bio: "  Covers courts.\r\n ", creditOptOut: "on" })).toEqual({
      name: "Rita",
      bio: "Covers courts.",
      creditOptOut: true,
    });
    expect(publicProfileSchema.parse({ name: "Rita", bio: "" })).toEqual({
      name: "Rita",
      bio: null,
      creditOptOut: false,
    });
    expect(publicProfileSchema.safeParse({ name: "", bio: "" }).success).toBe(false);
    expect(publicProfileSchema.safeParse({ name: "x".repeat(81) }).success).toBe(false);
    expect(publicProfileSchema.safeParse({ name: "Rita", bio: "x".repeat(281) }).success).toBe(false);
    expect(publicProfileSchema.safeParse({ name: "Rita", bio: "bell\u0007" }).success).toBe(false);
  });
});

/** A transcript a reporter uploaded, a colleague revised and a third annotated, published by an editor. */
async function workedOnTranscript() {
  const reporter = await staff(uniqueName("Rita"), "REPORTER");
  const reviser = await staff(uniqueName("Sam"), "REPORTER");
  const annotator = await staff(uniqueName("Fran"), "REPORTER");
  const editor = await staff(uniqueName("Eddie"), "EDITOR");
  const transcript = await readyTranscript(reporter, editor, undefined, { title: `Briefing ${randomUUID()}` });
  await db.$transaction(async (tx) => {
    await recordRevision(tx, {
      transcriptId: transcript.id,
      actorId: reviser.id,
      action: "segment.edited",
      summary: "Fixed a word",
      changes: [],
    });
    // The editor's own tidying during review does not make them an author.
    await recordRevision(tx, {
      transcriptId: transcript.id,
      actorId: editor.id,
      action: "segment.edited",
      summary: "Tidied",
      changes: [],
    });
  });
  const segment = await db.segment.findFirstOrThrow({
    where: { transcriptId: transcript.id },
    orderBy: { position: "asc" },
    select: { id: true, text: true },
  });
  await db.annotation.create({
    data: {
      transcriptId: transcript.id,
      segmentId: segment.id,
      start: 0,
      end: 13,
      exact: segment.text.slice(0, 13),
      prefix: "",
      suffix: segment.text.slice(13, 30),
      kind: "CONTEXT",
      body: "Said at the start of the briefing.",
      authorId: annotator.id,
    },
  });
  // An internal note never reaches readers, so its author is not credited for it.
  const noteAuthor = await staff(uniqueName("Nora"), "REPORTER");
  await db.annotation.create({
    data: {
      transcriptId: transcript.id,
      segmentId: segment.id,
      start: 0,
      end: 4,
      exact: segment.text.slice(0, 4),
      prefix: "",
      suffix: "",
      kind: "NOTE",
      body: "Check this.",
      authorId: noteAuthor.id,
      resolvedAt: new Date(),
    },
  });
  await publishAt(editor, transcript.id, hoursIn(1));
  return { reporter, reviser, annotator, editor, noteAuthor, transcript };
}

describe("credits on a publication", () => {
  it("records the authors and the editor in the snapshot and the public index, and gives them author pages", async () => {
    const { reporter, reviser, annotator, editor, transcript } = await workedOnTranscript();
    const [publication] = await publicationsOf(transcript.id);
    expect(publication!.snapshot.credits).toEqual({
      authors: [reporter.id, reviser.id, annotator.id],
      editor: editor.id,
      checker: editor.id,
    });
    const rows = await db.publicCredit.findMany({
      where: { transcriptId: transcript.id },
      orderBy: [{ role: "asc" }, { position: "asc" }],
      select: { userId: true, role: true, position: true },
    });
    expect(rows).toEqual([
      { userId: reporter.id, role: "AUTHOR", position: 0 },
      { userId: reviser.id, role: "AUTHOR", position: 1 },
      { userId: annotator.id, role: "AUTHOR", position: 2 },
      { userId: editor.id, role: "EDITOR", position: 0 },
    ]);
    const slugs = await db.user.findMany({
      where: { id: { in: [reporter.id, editor.id] } },
      select: { name: true, authorSlug: true },
    });
    for (const { name, authorSlug } of slugs) expect(authorSlug).toBe(name.toLowerCase().replace(" ", "-"));

    const byline = await loadPublicByline(publication!.snapshot.credits);
    expect(byline.authors.map((person) => person.name)).toEqual([reporter.name, reviser.name, annotator.name]);
    expect(byline.editor).toEqual({
      name: editor.name,
      path: `/authors/${slugs.find((s) => s.name === editor.name)!.authorSlug}`,
    });
  });

  it("keeps the credits through a correction, and takes them out of the index when unpublished", async () => {
    const { reporter, editor, transcript } = await workedOnTranscript();
    const segment = await db.segment.findFirstOrThrow({
      where: { transcriptId: transcript.id },
      orderBy: { position: "asc" },
      select: { id: true, text: true },
    });
    await recordCorrection(
      editor,
      transcript.id,
      { segmentId: segment.id, text: `${segment.text} Indeed.`, reason: "A word was missed." },
      hoursIn(2),
    );
    const publications = await publicationsOf(transcript.id);
    expect(publications).toHaveLength(2);
    expect(publications[1]!.snapshot.credits).toEqual(publications[0]!.snapshot.credits);
    expect(await db.publicCredit.count({ where: { transcriptId: transcript.id } })).toBe(4);

    const { authorSlug } = await db.user.findUniqueOrThrow({
      where: { id: reporter.id },
      select: { authorSlug: true },
    });
    expect((await loadAuthorTranscripts(reporter.id, 1)).items.map((item) => item.id)).toEqual([transcript.id]);
    await transitionTranscript(editor, transcript.id, { to: "UNPUBLISHED", note: "Withdrawn." });
    expect(await db.publicCredit.count({ where: { transcriptId: transcript.id } })).toBe(0);
    expect(await loadAuthor(authorSlug!)).toBeNull();
    expect(await loadFeedSource({ kind: "author", slug: authorSlug! })).toBeNull();
  });

  it("gives two people of the same name different author pages, kept when they are renamed", async () => {
    const name = uniqueName("Alex");
    const first = await staff(name, "REPORTER");
    const second = await staff(name, "REPORTER");
    const editor = await staff(uniqueName("Eddie"), "EDITOR");
    const one = await readyTranscript(first, editor, undefined, { title: `One ${randomUUID()}` });
    const two = await readyTranscript(second, editor, undefined, { title: `Two ${randomUUID()}` });
    await publishAt(editor, one.id, hoursIn(1));
    await publishAt(editor, two.id, hoursIn(1));
    const base = name.toLowerCase().replace(" ", "-");
    const slugOf = async (id: string) =>
      (await db.user.findUniqueOrThrow({ where: { id }, select: { authorSlug: true } })).authorSlug;
    expect(await slugOf(first.id)).toBe(base);
    expect(await slugOf(second.id)).toBe(`${base}-2`);

    await updateOwnProfile({ userId: first.id, profile: { name: "Alexandra Q", bio: null, creditOptOut: false } });
    expect(await slugOf(first.id)).toBe(base);
    expect((await loadAuthor(base))?.name).toBe("Alexandra Q");
  });
});

describe("the fidelity checker", () => {
  it("is named as they are now on a checked machine transcript, and not at all once they opt out", async () => {
    const reporter = await staff(uniqueName("Rita"), "REPORTER");
    const checker = await staff(uniqueName("Chris"), "REPORTER");
    const editor = await staff(uniqueName("Eddie"), "EDITOR");
    const transcript = await readyTranscript(reporter, checker, undefined, { title: `Checked ${randomUUID()}` });
    await db.transcript.update({ where: { id: transcript.id }, data: { fidelity: "HUMAN_VERIFIED" } });
    await publishAt(editor, transcript.id, hoursIn(1));
    const { publicSlug } = await db.transcript.findUniqueOrThrow({
      where: { id: transcript.id },
      select: { publicSlug: true },
    });
    expect((await loadPublicTranscript(publicSlug!))?.fidelityCheckedBy).toBe(checker.name);
    await updateOwnProfile({ userId: checker.id, profile: { name: "Chris Q", bio: null, creditOptOut: false } });
    expect((await loadPublicTranscript(publicSlug!))?.fidelityCheckedBy).toBe("Chris Q");
    await updateOwnProfile({ userId: checker.id, profile: { name: "Chris Q", bio: null, creditOptOut: true } });
    expect((await loadPublicTranscript(publicSlug!))?.fidelityCheckedBy).toBeNull();
  });
});

describe("author pages, feeds and the sitemap", () => {
  it("list a person's published transcripts with their role, and disappear when they opt out", async () => {
    const { reporter, editor, transcript } = await workedOnTranscript();
    const profile = await findPublicProfile(reporter.id);
    expect(profile.isCredited).toBe(true);
    const slug = profile.authorSlug!;

    const author = await loadAuthor(slug);
    expect(author).toMatchObject({ name: reporter.name, bio: null, transcriptCount: 1 });
    const list = await loadAuthorTranscripts(author!.userId, 1);
    expect(list.items).toEqual([expect.objectContaining({ id: transcript.id, roles: ["AUTHOR"] })]);
    const editorSlug = (await findPublicProfile(editor.id)).authorSlug!;
    expect((await loadAuthorTranscripts((await loadAuthor(editorSlug))!.userId, 1)).items[0]?.roles).toEqual([
      "EDITOR",
    ]);
    expect((await loadFeedSource({ kind: "author", slug }))?.entries.map((entry) => entry.transcriptId)).toEqual([
      transcript.id,
    ]);
    expect((await loadSitemapPages()).map((page) => page.path)).toContain(`/authors/${slug}`);

    await updateOwnProfile({
      userId: reporter.id,
      profile: { name: reporter.name, bio: "Covers the ministry.", creditOptOut: false },
    });
    expect((await loadAuthor(slug))?.bio).toBe("Covers the ministry.");

    await updateOwnProfile({
      userId: reporter.id,
      profile: { name: reporter.name, bio: "Covers the ministry.", creditOptOut: true },
    });
    expect(await loadAuthor(slug)).toBeNull();
    expect(await loadFeedSource({ kind: "author", slug })).toBeNull();
    expect((await loadSitemapPages()).map((page) => page.path)).not.toContain(`/authors/${slug}`);
    const [publication] = await publicationsOf(transcript.id);
    const byline = await loadPublicByline(publication!.snapshot.credits);
    expect(byline.authors.map((person) => person.name)).not.toContain(reporter.name);
    expect(byline.newsroomAuthors).toBe(true);

    // A deactivated account is not named either.
    await db.user.update({ where: { id: editor.id }, data: { active: false } });
    expect(await loadAuthor(editorSlug)).toBeNull();
    expect((await loadPublicByline(publication!.snapshot.credits)).newsroomEditor).toBe(true);
  });

  it("answers nothing for a slug nobody has", async () => {
    expect(await loadAuthor("nobody-at-all")).toBeNull();
    expect(await loadFeedSource({ kind: "author", slug: "nobody-at-all" })).toBeNull();
  });
});

describe("saving the public profile", () => {
  it("audits what changed, gives an address on the first save, and records nothing when nothing changed", async () => {
    const person = await staff(uniqueName("Pat"), "REPORTER");
    const saved = await updateOwnProfile({
      userId: person.id,
      profile: { name: person.name, bio: "Courts and crime.", creditOptOut: true },
    });
    expect(saved).toMatchObject({ bio: "Courts and crime.", creditOptOut: true, isCredited: false });
    expect(saved.authorSlug).toBe(person.name.toLowerCase().replace(" ", "-"));
    await updateOwnProfile({
      userId: person.id,
      profile: { name: person.name, bio: "Courts and crime.", creditOptOut: true },
    });
    const events = await db.auditEvent.findMany({
      where: { targetId: person.id, action: "account.profile_changed" },
      select: { actorId: true, details: true },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(person.id);
    expect(JSON.parse(events[0]!.details)).toEqual({
      bio: { from: null, to: "Courts and crime." },
      creditOptOut: { from: false, to: true },
    });
  });
});
