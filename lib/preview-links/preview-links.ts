// Preview links: a link to a transcript's working copy for someone outside the staff (a source checking their
// quotes, a lawyer), as Ghost has. The link carries a random token; only its SHA-256 is stored, so the database
// (or a back-up of it) cannot be turned back into working links. A link works until it expires or is revoked, and
// never for a deleted transcript. Creating and revoking follow the rule for editing the transcript, and are audited.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError, invalidInput } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { loadWorkingCopyPreview } from "@/lib/publishing/desk";
import type { PublicTranscript } from "@/lib/publishing/types";
import {
  DEFAULT_EXPIRY_HOURS,
  MAX_EXPIRY_HOURS,
  MIN_EXPIRY_HOURS,
  type CreatedPreviewLink,
  type PreviewLinkEntry,
  type PreviewLinkStatus,
} from "@/lib/preview-links/choices";
import { absoluteUrl } from "@/lib/site";
import { requireTranscriptFor, withTranscript } from "@/lib/transcripts/access";

const EXPIRY_MESSAGE = `Give a whole number of hours from ${MIN_EXPIRY_HOURS} to ${MAX_EXPIRY_HOURS}.`;

/** POST /api/transcripts/:id/preview-links `{expiresInHours?}`. */
export const createPreviewLinkSchema = z.object({
  expiresInHours: z
    .number({ error: EXPIRY_MESSAGE })
    .int(EXPIRY_MESSAGE)
    .min(MIN_EXPIRY_HOURS, EXPIRY_MESSAGE)
    .max(MAX_EXPIRY_HOURS, EXPIRY_MESSAGE)
    .optional(),
});
export type CreatePreviewLinkInput = z.infer<typeof createPreviewLinkSchema>;

/** The POST body: JSON, or nothing at all for the default expiry. */
export function parseCreatePreviewLinkBody(text: string): CreatePreviewLinkInput {
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "Send a JSON body (Content-Type: application/json), or none for the default.");
  }
  const parsed = createPreviewLinkSchema.safeParse(value);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

/** 32 random bytes as base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newPreviewToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashPreviewToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function previewPath(token: string): string {
  return `/preview/${token}`;
}

export function previewLinkStatus(
  link: { expiresAt: Date; revokedAt: Date | null },
  now = new Date(),
): PreviewLinkStatus {
  if (link.revokedAt) return "revoked";
  return link.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}

/** A new link to the transcript's working copy, its audit row in the same transaction. */
export async function createPreviewLink(
  actor: Actor,
  transcriptId: string,
  { expiresInHours = DEFAULT_EXPIRY_HOURS }: CreatePreviewLinkInput = {},
  now = new Date(),
): Promise<CreatedPreviewLink> {
  const parsed = createPreviewLinkSchema.safeParse({ expiresInHours });
  if (!parsed.success) throw invalidInput(parsed.error);
  const hours = parsed.data.expiresInHours ?? DEFAULT_EXPIRY_HOURS;
  const token = newPreviewToken();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  const link = await withTranscript(actor, transcriptId, "edit", async (tx) => {
    const created = await tx.previewLink.create({
      data: { transcriptId, tokenHash: hashPreviewToken(token), createdById: actor.id, createdAt: now, expiresAt },
      select: { id: true, expiresAt: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "transcript.preview_link_created",
      targetType: "transcript",
      targetId: transcriptId,
      details: { linkId: created.id, expiresAt: created.expiresAt.toISOString() },
    });
    return created;
  });
  return { id: link.id, url: absoluteUrl(previewPath(token)), expiresAt: link.expiresAt.toISOString() };
}

/** Every link made for the transcript, newest first, with its state now. */
export async function listPreviewLinks(
  actor: Actor,
  transcriptId: string,
  now = new Date(),
): Promise<PreviewLinkEntry[]> {
  await requireTranscriptFor(actor, transcriptId, { edit: true });
  const rows = await db.previewLink.findMany({
    where: { transcriptId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      createdBy: { select: { id: true, name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: previewLinkStatus(row, now),
  }));
}

/**
 * Stops a link working. A link of another transcript is as unknown as a missing one (404). Revoking a link that is
 * already revoked changes nothing and records nothing, so a repeated DELETE is harmless.
 */
export async function revokePreviewLink(
  actor: Actor,
  transcriptId: string,
  linkId: string,
  now = new Date(),
): Promise<void> {
  await withTranscript(actor, transcriptId, "edit", async (tx) => {
    const link = await tx.previewLink.findFirst({
      where: { id: linkId, transcriptId },
      select: { id: true, revokedAt: true },
    });
    if (!link) throw new AppError("NOT_FOUND", "No such preview link for this transcript.");
    if (link.revokedAt) return;
    await tx.previewLink.update({ where: { id: link.id }, data: { revokedAt: now } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "transcript.preview_link_revoked",
      targetType: "transcript",
      targetId: transcriptId,
      details: { linkId: link.id },
    });
  });
}

/** The link a token opens, while it works: not expired, not revoked, its transcript not deleted. Else null. */
export async function resolvePreviewToken(
  token: string,
  now = new Date(),
): Promise<{ transcriptId: string; expiresAt: Date } | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const link = await db.previewLink.findUnique({
    where: { tokenHash: hashPreviewToken(token) },
    select: { transcriptId: true, expiresAt: true, revokedAt: true, transcript: { select: { deletedAt: true } } },
  });
  if (!link || link.transcript.deletedAt) return null;
  if (previewLinkStatus(link, now) !== "active") return null;
  return { transcriptId: link.transcriptId, expiresAt: link.expiresAt };
}

/** What /preview/<token> shows: the working copy as readers would see it (no internal notes), and the link's end. */
export async function loadSharedPreview(
  token: string,
  now = new Date(),
): Promise<{ transcript: PublicTranscript; expiresAt: Date } | null> {
  const link = await resolvePreviewToken(token, now);
  if (!link) return null;
  return { transcript: await loadWorkingCopyPreview(link.transcriptId), expiresAt: link.expiresAt };
}
