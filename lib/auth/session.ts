import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { db } from "@/lib/db";
import { findUserByApiToken } from "@/lib/auth/api-tokens";
import { getAuthOptions } from "@/lib/auth/options";
import { resolveRedirectPath } from "@/lib/auth/redirect";
import { getAuthSecret } from "@/lib/auth/secret";
import { isSessionCookie } from "@/lib/auth/session-cookie";
import { sessionEndOf, sessionEndParams, type SessionEnd } from "@/lib/auth/session-end";
import { AppError } from "@/lib/errors";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { hasRole, type Role } from "@/lib/permissions";
import { ROLE_LABELS } from "@/lib/format/labels";

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

type SessionCheck = { user: StaffUser } | { user: null; end: SessionEnd };

/** The header proxy.ts sets so a layout can send someone back where they were after signing in. */
export const PATH_HEADER = "x-verbatim-path";

type CookieSnapshot = Record<string, string>;

/**
 * Reads the session cookie and reloads its user from the database, once per request. getServerSession runs the
 * jwt callback (lib/auth/options.ts), which refuses a session that was signed out, ended everywhere, has expired,
 * or is older than the account's last role change, deactivation or password change: on the very next request,
 * whatever the cookie's own expiry says.
 */
export const checkSession = cache(async (): Promise<SessionCheck> => {
  // The cookies as this request sent them: a refused one is read again below to tell the person why it ended.
  const jar = await cookies();
  const snapshot: CookieSnapshot = Object.fromEntries(jar.getAll().map((cookie) => [cookie.name, cookie.value]));
  const session = await getServerSession(getAuthOptions());
  if (!session?.user) {
    const hadCookie = Object.keys(snapshot).some(isSessionCookie);
    if (!hadCookie) return { user: null, end: { reason: "signed-out" } };
    return { user: null, end: await whySessionEnded(snapshot) };
  }
  const user = await db.user.findUnique({
    where: { id: session.user.id },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true },
  });
  if (!user) return { user: null, end: { reason: "session-ended" } };
  if (!user.active) return { user: null, end: { reason: "deactivated" } };
  if (user.sessionVersion !== session.user.sessionVersion) return { user: null, end: { reason: "session-ended" } };
  const { sessionVersion: _version, ...staffUser } = user;
  return { user: staffUser };
});

/**
 * The refused cookie may still decode (it was signed out or outdated rather than forged): then its own session
 * record says why it ended, so a deactivated person or one whose role changed is told so, not just "sign in
 * again". A cookie that does not decode (expired, tampered, another secret) has simply ended.
 */
async function whySessionEnded(snapshot: CookieSnapshot): Promise<SessionEnd> {
  const token = await getToken({
    req: {
      headers: Object.fromEntries(await headers()),
      cookies: snapshot,
    } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: getAuthSecret(),
  }).catch(() => null);
  if (!token?.uid) return { reason: "session-ended" };
  const [user, session] = await Promise.all([
    db.user.findUnique({ where: { id: token.uid }, select: { active: true, role: true } }),
    typeof token.sid === "string"
      ? db.session.findFirst({ where: { id: token.sid, userId: token.uid }, select: { endReason: true } })
      : null,
  ]);
  if (!user) return { reason: "session-ended" };
  return sessionEndOf({ active: user.active, role: user.role, endReason: session?.endReason ?? null });
}

export function signInPath(end: SessionEnd, callbackUrl?: string | null): string {
  const params = sessionEndParams(end);
  const target = resolveRedirectPath(callbackUrl);
  if (target) params.set("callbackUrl", target);
  const query = params.toString();
  return query ? `/signin?${query}` : "/signin";
}

/** What an API caller with an ended session is told (the desk's open tabs show it). */
function apiSessionEndMessage(end: SessionEnd): string {
  if (end.reason === "deactivated") return "Your account has been deactivated by an administrator.";
  if (end.reason === "role-changed") {
    return `Your role was changed to ${ROLE_LABELS[end.role]} by an administrator. Sign in again to continue.`;
  }
  return "Send an API token (Authorization: Bearer …) or sign in.";
}

/**
 * The one gate for staff pages, layouts and server actions: signed in, active, current session, and at least
 * `role` when given. Sends anyone else to sign in, or answers 403 for a signed-in user without the role.
 */
export async function requireUser({ role }: { role?: Role } = {}): Promise<StaffUser> {
  const check = await checkSession();
  if (!check.user) {
    const path = (await headers()).get(PATH_HEADER);
    redirect(signInPath(check.end, path));
  }
  if (role && !hasRole(check.user, role)) forbidden();
  return check.user;
}

/**
 * The same gate for route handlers, which answer JSON instead of redirecting. Automation sends a personal API
 * token as `Authorization: Bearer vbt_…`; the desk's own pages send the session cookie, accepted only from the
 * same origin.
 */
export async function requireApiUser(request: Request, { role }: { role?: Role } = {}): Promise<StaffUser> {
  const user = await findApiCaller(request);
  if (role && !hasRole(user, role)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
  return user;
}

async function findApiCaller(request: Request): Promise<StaffUser> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const secret = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const user = secret ? await findUserByApiToken(secret) : null;
    if (!user) throw new AppError("UNAUTHORIZED", "This API token is not valid or has been revoked.");
    return user;
  }
  assertSameOrigin(request);
  const check = await checkSession();
  if (!check.user) {
    // `sessionEnded` lets the desk's own pages tell a deactivated person, or one whose role changed, why.
    const extra = check.end.reason === "signed-out" ? {} : { sessionEnded: check.end.reason };
    throw new AppError("UNAUTHORIZED", apiSessionEndMessage(check.end), {}, extra);
  }
  return check.user;
}

/** A browser request that carries the session cookie must come from the desk's own pages (lib/http/same-origin). */
function assertSameOrigin(request: Request): void {
  if (!isSameOriginRequest(request.headers)) {
    throw new AppError("FORBIDDEN", "Cross-site requests must use an API token (Authorization: Bearer …).");
  }
}
