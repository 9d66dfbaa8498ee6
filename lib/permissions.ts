// Who may do what. Plain functions of the acting user (reloaded from the database) and the target;
// every server action and route handler calls one of these before it writes.

export const ROLES = ["ADMIN", "EDITOR", "REPORTER"] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: string;
  role: Role;
  active: boolean;
}

export interface ManagedUser {
  id: string;
  role: Role;
  active: boolean;
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

const allow: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Staff roles in order of reach: an admin may do everything an editor may, an editor everything a reporter may. */
const RANK: Record<Role, number> = { REPORTER: 1, EDITOR: 2, ADMIN: 3 };

export function hasRole(actor: Actor, minimum: Role): boolean {
  return actor.active && RANK[actor.role] >= RANK[minimum];
}

export function canManageUsers(actor: Actor): boolean {
  return hasRole(actor, "ADMIN");
}

export function canViewAuditLog(actor: Actor): boolean {
  return hasRole(actor, "ADMIN");
}

export function canChangeRole(actor: Actor, target: ManagedUser, newRole: Role, activeAdminCount: number): Decision {
  if (!canManageUsers(actor)) return deny("Only admins can change roles.");
  if (target.id === actor.id) return deny("You cannot change your own role. Ask another admin.");
  if (target.role === "ADMIN" && newRole !== "ADMIN" && target.active && activeAdminCount <= 1) {
    return deny("This is the last active admin. Make someone else an admin first.");
  }
  return allow;
}

export function canSetActive(actor: Actor, target: ManagedUser, active: boolean, activeAdminCount: number): Decision {
  if (!canManageUsers(actor)) return deny("Only admins can deactivate or reactivate accounts.");
  if (target.id === actor.id) {
    return deny(active ? "Your account is already active." : "You cannot deactivate your own account.");
  }
  if (!active && target.role === "ADMIN" && target.active && activeAdminCount <= 1) {
    return deny("This is the last active admin and cannot be deactivated.");
  }
  return allow;
}

export function canIssuePasswordReset(actor: Actor, target: ManagedUser): Decision {
  if (!canManageUsers(actor)) return deny("Only admins can issue password-reset links.");
  if (!target.active) return deny("Reactivate this account before issuing a password-reset link.");
  return allow;
}

/** What the transcript rules need to know about a transcript. */
export interface TranscriptAccess {
  createdById: string;
  /** Ids of the colleagues it is shared with. */
  sharedWith: readonly string[];
}

/**
 * Reporters see and edit their own transcripts and those shared with them; editors and admins see and edit all.
 * Deactivated accounts see nothing.
 */
export function canViewTranscript(actor: Actor, transcript: TranscriptAccess): boolean {
  if (!actor.active) return false;
  if (hasRole(actor, "EDITOR")) return true;
  return transcript.createdById === actor.id || transcript.sharedWith.includes(actor.id);
}

/** Editing follows viewing for now: anyone who may read a draft on the desk may correct it. */
export function canEditTranscript(actor: Actor, transcript: TranscriptAccess): boolean {
  return canViewTranscript(actor, transcript);
}

/** Sharing is for the owner, editors and admins: a colleague it was shared with cannot pass it on. */
export function canShareTranscript(actor: Actor, transcript: TranscriptAccess): Decision {
  if (!actor.active) return deny("This account is deactivated.");
  if (hasRole(actor, "EDITOR") || transcript.createdById === actor.id) return allow;
  return deny("Only the transcript's owner, editors and admins can share it.");
}

/** Anyone who may edit a transcript may send it to an editor (or take it back while it waits). */
export function canSubmitTranscript(actor: Actor, transcript: TranscriptAccess): Decision {
  if (!canEditTranscript(actor, transcript)) return deny("You cannot submit a transcript you cannot edit.");
  return allow;
}

/** Publishing, scheduling, unpublishing and returning a transcript are an editor's call: reporters never publish. */
export function canPublishTranscript(actor: Actor): Decision {
  if (!actor.active) return deny("This account is deactivated.");
  if (!hasRole(actor, "EDITOR")) return deny("Only editors and admins can publish, schedule or unpublish.");
  return allow;
}

/** Public corrections are an editor's, as publishing is. */
export function canCorrectTranscript(actor: Actor): Decision {
  if (!actor.active) return deny("This account is deactivated.");
  if (!hasRole(actor, "EDITOR")) return deny("Only editors and admins can record a public correction.");
  return allow;
}
