import type { SessionEndReason as StoredEndReason } from "@/lib/auth/sessions";
import { isRole, type Role } from "@/lib/permissions";
import { roleLabel } from "@/lib/format/labels";

// Why a browser's session no longer opens the desk, and what the sign-in page tells the person. Framework-free, so
// the mapping is tested on its own; lib/auth/session.ts reads the facts from the database.

export type SessionEnd =
  | { reason: "signed-out" | "session-ended" | "deactivated" | "password-changed" }
  | { reason: "role-changed"; role: Role };

/**
 * What ended a session, from the account (active, current role) and the session's own recorded end reason. A
 * deactivated account says so whatever else happened; a role change names the new role.
 */
export function sessionEndOf({
  active,
  role,
  endReason,
}: {
  active: boolean;
  role: Role;
  endReason: string | null;
}): SessionEnd {
  if (!active) return { reason: "deactivated" };
  switch (endReason as StoredEndReason | null) {
    case "role-changed":
      return { reason: "role-changed", role };
    case "password-changed":
    case "password-reset":
      return { reason: "password-changed" };
    default:
      return { reason: "session-ended" };
  }
}

/** The sign-in page's query for an ended session; `role` only travels with a role change. */
export function sessionEndParams(end: SessionEnd): URLSearchParams {
  const params = new URLSearchParams();
  if (end.reason === "signed-out") return params;
  params.set("reason", end.reason);
  if (end.reason === "role-changed") params.set("role", end.role);
  return params;
}

const SIGN_IN_MESSAGES: Record<string, string> = {
  "session-ended": "Your session has ended. Sign in again to continue.",
  deactivated:
    "Your account has been deactivated by an administrator, so you were signed out. " +
    "Ask an admin if you think this is a mistake.",
  "password-changed": "Your password was changed. Sign in with your new password.",
  "password-set": "Your password is set. Sign in to start.",
  "signed-out": "You have signed out.",
  "signed-out-everywhere": "You have signed out everywhere, and your API tokens are revoked.",
};

/**
 * The sentence above the sign-in form for the `reason` (and `role`) in its address, or undefined. Only known reasons
 * and the three role names are shown, so a crafted link cannot put words of its own on the page.
 */
export function signInMessage({ reason, role }: { reason?: unknown; role?: unknown }): string | undefined {
  if (typeof reason !== "string") return undefined;
  if (reason === "role-changed") {
    return isRole(role)
      ? `Your role was changed to ${roleLabel(role)} by an administrator, so you were signed out. Sign in again to continue as ${roleLabel(role).toLowerCase()}.`
      : "Your role was changed by an administrator, so you were signed out. Sign in again to continue.";
  }
  return Object.hasOwn(SIGN_IN_MESSAGES, reason) ? SIGN_IN_MESSAGES[reason] : undefined;
}
