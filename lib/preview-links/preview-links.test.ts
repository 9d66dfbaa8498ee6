import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pageCacheKey } from "@/lib/http/page-cache";
import { surrogateKeysFor } from "@/lib/publishing/surrogate-keys";
import { expectAppError, makeTranscript, person } from "@/lib/editor/test-support";
import { DEFAULT_EXPIRY_HOURS } from "@/lib/preview-links/choices";
import {
  createPreviewLink,
  hashPreviewToken,
  listPreviewLinks,
  loadSharedPreview,
  parseCreatePreviewLinkBody,
  resolvePreviewToken,
  revokePreviewLink,
} from "@/lib/preview-links/preview-links";

const HOUR = 3_600_000;

function tokenOf(url: string): string {
  const match = /\/preview\/([A-Za-z0-9_-]+)$/.exec(url);
  if (!match?.[1]) throw new Error(`not a preview url: ${url}`);
  return match[1];
}

async function auditActions(transcriptId: string) {
  const events = await db.auditEvent.findMany({
    where: { targetType: "transcript", targetId: transcriptId },
    orderBy: { at: "asc" },
    select: { action: true, actorId: true, details: true },
  });
  return events.map((event) => ({ ...event, details: JSON.parse(event.details) as Record<string, unknown> }));
}

describe("creating a preview link", () => {
  it("answers an absolute /preview/<token> url, stores only the token's SHA-256 and audits it", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, ["Good afternoon."]);
    const now = new Date("2026-03-02T10:00:00Z");
    const link = await createPreviewLink(reporter, t.id, {}, now);

    expect(link.url).toMatch(/^https?:\/\/[^/]+\/preview\/[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt).toBe(new Date(now.getTime() + DEFAULT_EXPIRY_HOURS * HOUR).toISOString());
    const token = tokenOf(link.url);
    const row = await db.previewLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row).toMatchObject({ transcriptId: t.id, createdById: reporter.id, revokedAt: null });
    expect(row.tokenHash).toBe(hashPreviewToken(token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);

    const events = await auditActions(t.id);
    expect(events).toEqual([
      {
        action: "transcript.preview_link_created",
        actorId: reporter.id,
        details: { linkId: link.id, expiresAt: link.expiresAt },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it("gives every link its own token", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, ["Good afternoon."]);
    const first = await createPreviewLink(reporter, t.id);
    const second = await createPreviewLink(reporter, t.id);
    expect(tokenOf(first.url)).not.toBe(tokenOf(second.url));
  });

  it("takes an expiry from 1 to 720 whole hours and refuses anything else", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, ["Good afternoon."]);
    const now = new Date("2026-03-02T10:00:00Z");
    expect((await createPreviewLink(reporter, t.id, { expiresInHours: 1 }, now)).expiresAt).toBe(
      "2026-03-02T11:00:00.000Z",
    );
    expect((await createPreviewLink(reporter, t.id, { expiresInHours: 720 }, now)).expiresAt).toBe(
      "2026-04-01T10:00:00.000Z",
    );
    for (const expiresInHours of [0, -3, 721, 1.5]) {
      await expectAppError(createPreviewLink(reporter, t.id, { expiresInHours }), "BAD_REQUEST");
    }
    expect(await db.previewLink.count({ where: { transcriptId: t.id } })).toBe(2);
  });

  it("is for staff who may edit the transcript: a stranger gets the 404 of a missing transcript", async () => {
    const owner = await person("Rita Reporter");
    const stranger = await person("Sam Stranger");
    const colleague = await person("Cleo Colleague");
    const editor = await person("Eddie Editor", "EDITOR");
    const t = await makeTranscript(owner, ["Good afternoon."]);
    await db.transcriptShare.create({ data: { transcriptId: t.id, userId: colleague.id, createdById: owner.id } });

    await expectAppError(createPreviewLink(stranger, t.id), "NOT_FOUND");
    await expectAppError(createPreviewLink({ ...editor, active: false }, t.id), "NOT_FOUND");
    await expect(createPreviewLink(colleague, t.id)).resolves.toMatchObject({ id: expect.any(String) });
    await expect(createPreviewLink(editor, t.id)).resolves.toMatchObject({ id: expect.any(String) });
    await expectAppError(createPreviewLink(owner, "no-such-transcript"), "NOT_FOUND");
  });

  it("refuses a deleted transcript", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, ["Good afternoon."]);
    await db.transcript.update({ where: { id: t.id }, data: { deletedAt: new Date() } });
    await expectAppError(createPreviewLink(reporter, t.id), "NOT_FOUND");
  });
});

describe("reading the POST body", () => {
  it("takes no body, an empty object or an expiry, and refuses anything else as a 400", () => {
    expect(parseCreatePreviewLinkBody("")).toEqual({});
    expect(parseCreatePreviewLinkBody("  ")).toEqual({});
    expect(parseCreatePreviewLinkBody("{}")).toEqual({});
    expect(parseCreatePreviewLinkBody('{"expiresInHours":168}')).toEqual({ expiresInHours: 168 });
    for (const body of ["{", '{"expiresInHours":"72"}', '{"expiresInHours":0}', '{"expiresInHours":721}', "[]"]) {
      expect(() => parseCreatePreviewLinkBody(body), body).toThrow(expect.objectContaining({ code: "BAD_REQUEST" }));
    }
  });
});

describe("listing a transcript's preview links", () => {
  it("lists its links newest first, with who made them and whether they are active, expired or revoked", async () => {
    const reporter = await person("Rita Reporter");
    const editor = await person("Eddie Editor", "EDITOR");
    const t = await makeTranscript(reporter, ["Good afternoon."]);
    const other = await makeTranscript(reporter, ["Another briefing."]);
    const start = new Date("2026-03-02T10:00:00Z");
    const expiring = await createPreviewLink(reporter, t.id, { expiresInHours: 1 }, start);
    const revoked = await createPreviewLink(editor, t.id, { expiresInHours: 24 }, new Date(start.getTime() + HOUR));
    const active = await createPreviewLink(
      reporter,
      t.id,
      { expiresInHours: 24 },
      new Date(start.getTime() + 2 * HOUR),
    );
    await createPreviewLink(reporter, other.id);
    await revokePreviewLink(reporter, t.id, revoked.id, new Date(start.getTime() + 3 * HOUR));

    const links = await listPreviewLinks(editor, t.id, new Date(start.getTime() + 4 * HOUR));
    expect(links.map((link) => [link.id, link.status])).toEqual([
      [active.id, "active"],
      [revoked.id, "revoked"],
      [expiring.id, "expired"],
    ]);
    expect(links[0]).toEqual({
      id: active.id,
      createdBy: { id: reporter.id, name: "Rita Reporter" },
      createdAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
      expiresAt: active.expiresAt,
      revokedAt: null,
      status: "active",
    });
    expect(links[1]?.createdBy).toEqual({ id: editor.id, name: "Eddie Editor" });
    expect(links[1]?.revokedAt).toBe(new Date(start.getTime() + 3 * HOUR).toISOString());
    // The token is never kept, so it cannot be listed.
    expect(JSON.stringify(links)).not.toContain(tokenOf(active.url));
  });

  it("answers a stranger as a missing transcript does", async () => {
    const owner = await person("Rita Reporter");
    const stranger = await person("Sam Stranger");
    const t = await makeTranscript(owner, ["Good afternoon."]);
    await expectAppError(listPreviewLinks(stranger, t.id), "NOT_FOUND");
  });
});

describe("revoking a preview link", () => {
  it("stops the link working and audits it once, however often it is revoked", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, ["Good afternoon."]);
    const link = await createPreviewLink(reporter, t.id);
    const token = tokenOf(link.url);
    expect(await resolvePreviewToken(token)).toMatchObject({ transcriptId: t.id });

    await revokePreviewLink(reporter, t.id, link.id);
    await revokePreviewLink(reporter, t.id, link.id);
    expect(await resolvePreviewToken(token)).toBeNull();
    expect((await auditActions(t.id)).map((event) => [event.action, event.details.linkId])).toEqual([
      ["transcript.preview_link_created", link.id],
      ["transcript.preview_link_revoked", link.id],
    ]);
  });

  it("answers 404 for an unknown link and for a link of another transcript, and changes nothing", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, ["Good afternoon."]);
    const other = await makeTranscript(reporter, ["Another briefing."]);
    const link = await createPreviewLink(reporter, other.id);

    await expectAppError(revokePreviewLink(reporter, t.id, "no-such-link"), "NOT_FOUND");
    await expectAppError(revokePreviewLink(reporter, t.id, link.id), "NOT_FOUND");
    expect(await resolvePreviewToken(tokenOf(link.url))).toMatchObject({ transcriptId: other.id });
  });

  it("is for staff who may edit the transcript", async () => {
    const owner = await person("Rita Reporter");
    const stranger = await person("Sam Stranger");
    const t = await makeTranscript(owner, ["Good afternoon."]);
    const link = await createPreviewLink(owner, t.id);
    await expectAppError(revokePreviewLink(stranger, t.id, link.id), "NOT_FOUND");
    expect(await resolvePreviewToken(tokenOf(link.url))).not.toBeNull();
  });
});

describe("opening a preview link", () => {
  it("opens the transcript until the link expires", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, ["Good afternoon."]);
    const now = new Date("2026-03-02T10:00:00Z");
    const link = await createPreviewLink(reporter, t.id, { expiresInHours: 24 }, now);
    const token = tokenOf(link.url);
    expect(await resolvePreviewToken(token, new Date(now.getTime() + 23 * HOUR))).toEqual({
      transcriptId: t.id,
      expiresAt: new Date(link.expiresAt),
    });
    expect(await resolvePreviewToken(token, new Date(link.expiresAt))).toBeNull();
    expect(await resolvePreviewToken(token, new Date(now.getTime() + 25 * HOUR))).toBeNull();
  });

  it("opens nothing for an unknown, malformed or almost-right token", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, ["Good afternoon."]);
    const token = tokenOf((await createPreviewLink(reporter, t.id)).url);
    const wrongLast = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const guess of ["", "abc", wrongLast, `${token}x`, hashPreviewToken(token), "../../etc/passwd"]) {
      expect(await resolvePreviewToken(guess)).toBeNull();
    }
  });

  it("opens nothing once the transcript is deleted", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, ["Good afternoon."]);
    const token = tokenOf((await createPreviewLink(reporter, t.id)).url);
    await db.transcript.update({ where: { id: t.id }, data: { deletedAt: new Date() } });
    expect(await resolvePreviewToken(token)).toBeNull();
    expect(await loadSharedPreview(token)).toBeNull();
  });

  it("shows the working copy as readers would see it, never internal notes", async () => {
    const reporter = await person("Rita Reporter");
    const t = await makeTranscript(reporter, ["Good afternoon.", "We meet today in Brussels."], {
      title: "Working title",
    });
    const [first, second] = t.segmentIds;
    await db.annotation.create({
      data: {
        transcriptId: t.id,
        segmentId: first!,
        kind: "NOTE",
        body: "Internal: check this with legal before anyone sees it.",
        start: 0,
        end: 15,
        exact: "Good afternoon.",
        prefix: "",
        suffix: "",
        authorId: reporter.id,
      },
    });
    await db.annotation.create({
      data: {
        transcriptId: t.id,
        segmentId: second!,
        kind: "CONTEXT",
        body: "The meeting was at NATO headquarters.",
        start: 17,
        end: 25,
        exact: "Brussels",
        prefix: "We meet today in ",
        suffix: ".",
        authorId: reporter.id,
      },
    });
    const link = await createPreviewLink(reporter, t.id, { expiresInHours: 24 });
    const preview = await loadSharedPreview(tokenOf(link.url));
    expect(preview?.expiresAt.toISOString()).toBe(link.expiresAt);
    expect(preview?.transcript.title).toBe("Working title");
    expect(preview?.transcript.segments.map((segment) => segment.text)).toEqual([
      "Good afternoon.",
      "We meet today in Brussels.",
    ]);
    const text = JSON.stringify(preview);
    expect(text).toContain("The meeting was at NATO headquarters.");
    expect(text).not.toContain("check this with legal");
  });
});

describe("keeping preview pages out of every cache", () => {
  it("gives /preview/<token> no cache tags for the edge and no place in the server's page copy", () => {
    const path = `/preview/${"A".repeat(43)}`;
    expect(surrogateKeysFor("GET", path)).toBeNull();
    expect(pageCacheKey("GET", path, {})).toBeNull();
  });
});
