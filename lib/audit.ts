import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditDetailsSchema, readJson, type AuditDetails } from "@/lib/json-columns";
import { auditRow, type AuditRowInput } from "@/lib/transcripts/rows";

/** Everything an admin can find in the audit log. Keep in step with AUDIT_ACTION_LABELS. */
export const AUDIT_ACTIONS = [
  "setup.completed",
  "auth.signed_in",
  "auth.sign_in_blocked",
  "user.invited",
  "user.invitation_accepted",
  "user.role_changed",
  "user.deactivated",
  "user.reactivated",
  "user.password_reset_issued",
  "user.password_reset",
  "account.name_changed",
  "account.profile_changed",
  "account.password_changed",
  "account.signed_out_everywhere",
  "api_token.created",
  "api_token.revoked",
  "transcript.created",
  "transcript.shared",
  "transcript.unshared",
  "transcript.revision_restored",
  "transcript.submitted",
  "transcript.returned",
  "transcript.withdrawn",
  "transcript.scheduled",
  "transcript.schedule_cancelled",
  "transcript.published",
  "transcript.republished",
  "transcript.unpublished",
  "transcript.reopened",
  "transcript.checks_overridden",
  "transcript.corrected",
  // The live desk (lib/live):
  "transcript.went_live",
  "annotation.approved",
  // Preview links (lib/preview-links):
  "transcript.preview_link_created",
  "transcript.preview_link_revoked",
  "system.restored",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "setup.completed": "First admin set up",
  "auth.signed_in": "Signed in",
  "auth.sign_in_blocked": "Sign-in blocked (too many attempts)",
  "user.invited": "Invited a user",
  "user.invitation_accepted": "Accepted an invitation",
  "user.role_changed": "Changed a role",
  "user.deactivated": "Deactivated a user",
  "user.reactivated": "Reactivated a user",
  "user.password_reset_issued": "Issued a password-reset link",
  "user.password_reset": "Reset their password",
  "account.name_changed": "Changed their name",
  "account.profile_changed": "Changed their public profile (name, bio or byline credit)",
  "account.password_changed": "Changed their password",
  "account.signed_out_everywhere": "Signed out everywhere and revoked all tokens",
  "api_token.created": "Created an API token",
  "api_token.revoked": "Revoked an API token",
  "transcript.created": "Created a draft transcript",
  "transcript.shared": "Shared a transcript with a colleague",
  "transcript.unshared": "Stopped sharing a transcript",
  "transcript.revision_restored": "Restored an earlier revision of a transcript",
  "transcript.submitted": "Submitted a transcript for review",
  "transcript.returned": "Returned a transcript to its reporter",
  "transcript.withdrawn": "Withdrew a transcript from review",
  "transcript.scheduled": "Scheduled a transcript for publication",
  "transcript.schedule_cancelled": "Cancelled a scheduled publication",
  "transcript.published": "Published a transcript",
  "transcript.republished": "Republished a transcript",
  "transcript.unpublished": "Unpublished a transcript",
  "transcript.reopened": "Reopened an unpublished transcript as a draft",
  "transcript.checks_overridden": "Published over pre-publish warnings",
  "transcript.corrected": "Recorded a public correction",
  "transcript.went_live": "Took a transcript live to readers",
  "annotation.approved": "Approved a reporter's note for live readers",
  "transcript.preview_link_created": "Created a preview link to a working copy",
  "transcript.preview_link_revoked": "Revoked a preview link",
  "system.restored": "Restored the database from a backup",
};

type Writer = Pick<Prisma.TransactionClient, "auditEvent">;

export interface AuditEventInput extends AuditRowInput {
  actorId: string | null;
  action: AuditAction;
  targetType: "user" | "account" | "system" | "transcript";
  targetId?: string | null;
  details?: Record<string, unknown>;
}

/** Pass the transaction client so the event commits or rolls back with the change it records. */
export async function recordAuditEvent(writer: Writer, event: AuditEventInput): Promise<void> {
  await writer.auditEvent.create({ data: auditRow(event) });
}

export const AUDIT_PAGE_SIZE = 50;

export interface ListAuditEventsOptions {
  actorId?: string;
  action?: string;
  page?: number;
}

export async function listAuditEvents({ actorId, action, page = 1 }: ListAuditEventsOptions) {
  const where: Prisma.AuditEventWhereInput = {
    ...(actorId ? { actorId } : {}),
    ...(action ? { action } : {}),
  };
  // Two plain reads, not a transaction: write transactions take SQLite's write lock, and reading the log must
  // not hold up anyone saving.
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        action: true,
        targetType: true,
        targetId: true,
        details: true,
        at: true,
        actor: { select: { id: true, name: true, email: true } },
      },
    }),
  ]);
  const transcripts = await findTranscriptTitles(
    rows.filter((row) => row.targetType === "transcript" && row.targetId).map((row) => row.targetId as string),
  );
  const events = rows.map((row) => ({
    ...row,
    details: parseDetails(row.details),
    // The transcript the event concerns, while it exists, so the log can link to it.
    transcript: row.targetType === "transcript" && row.targetId ? (transcripts.get(row.targetId) ?? null) : null,
  }));
  return { total, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), events };
}

async function findTranscriptTitles(ids: string[]): Promise<Map<string, { id: string; title: string }>> {
  if (ids.length === 0) return new Map();
  const transcripts = await db.transcript.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, title: true },
  });
  return new Map(transcripts.map((transcript) => [transcript.id, transcript]));
}

function parseDetails(text: string): AuditDetails {
  return readJson(auditDetailsSchema, text, {});
}
