import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { assertStrongPassword, checkPasswordStrength } from "@/lib/auth/password-strength";
import { AppError } from "@/lib/errors";
import { emailSchema, nameSchema } from "@/lib/validations/user";
import { consumeOneTimeLink, issueOneTimeLink, type IssuedLink } from "@/lib/users/one-time-tokens";

export async function hasAnyUser(): Promise<boolean> {
  return (await db.user.count()) > 0;
}

/** A fresh setup link; earlier ones stop working. Refused once an account exists. */
export async function issueSetupLink(): Promise<IssuedLink> {
  return db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) {
      throw new AppError("CONFLICT", "Verbatim is already set up: sign in, or ask an admin for an invitation.");
    }
    return issueOneTimeLink(tx, { purpose: "SETUP", userId: null, createdById: null });
  });
}

/** The setup page's submit: creates the first admin and spends the setup link, all or nothing. */
export async function completeSetup({
  secret,
  email,
  name,
  password,
}: {
  secret: string;
  email: string;
  name: string;
  password: string;
}) {
  await assertStrongPassword(password, { email });
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    await consumeOneTimeLink(tx, secret, "SETUP");
    if ((await tx.user.count()) > 0) {
      throw new AppError("CONFLICT", "Verbatim is already set up: sign in instead.");
    }
    return createAdmin(tx, { email, name, passwordHash });
  });
}

async function createAdmin(
  tx: Prisma.TransactionClient,
  { email, name, passwordHash }: { email: string; name: string; passwordHash: string },
) {
  const user = await tx.user.create({
    data: { email, name, passwordHash, role: "ADMIN" },
    select: { id: true, email: true },
  });
  await recordAuditEvent(tx, { actorId: user.id, action: "setup.completed", targetType: "user", targetId: user.id });
  return user;
}

export type FirstRunOutcome =
  { kind: "ready" } | { kind: "created-admin"; email: string } | { kind: "setup-link"; link: IssuedLink };

/**
 * Runs before the server starts. With users present nothing happens. On an empty database the first admin comes
 * from ADMIN_EMAIL / ADMIN_PASSWORD when both are set; otherwise a one-time setup link is issued. Never a default
 * password.
 */
export async function prepareFirstRun(env: Record<string, string | undefined> = process.env): Promise<FirstRunOutcome> {
  if (await hasAnyUser()) return { kind: "ready" };
  const { ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_NAME } = env;
  if (ADMIN_EMAIL && ADMIN_PASSWORD) {
    const email = emailSchema.safeParse(ADMIN_EMAIL);
    if (!email.success) throw new AppError("BAD_REQUEST", `ADMIN_EMAIL: ${email.error.issues[0]?.message}`);
    const name = nameSchema.safeParse(ADMIN_NAME || "Administrator");
    if (!name.success) throw new AppError("BAD_REQUEST", `ADMIN_NAME: ${name.error.issues[0]?.message}`);
    const problem = await checkPasswordStrength(ADMIN_PASSWORD, { email: email.data });
    if (problem) throw new AppError("BAD_REQUEST", `ADMIN_PASSWORD: ${problem}`);
    const passwordHash = await hashPassword(ADMIN_PASSWORD);
    const user = await db.$transaction((tx) => createAdmin(tx, { email: email.data, name: name.data, passwordHash }));
    return { kind: "created-admin", email: user.email };
  }
  return { kind: "setup-link", link: await issueSetupLink() };
}
