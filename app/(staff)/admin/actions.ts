"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { failure, formValues, invalid, type FormState, type LinkFormState } from "@/lib/form-state";
import { asFormState } from "@/lib/server-action";
import { changeUserRole, inviteUser, issuePasswordReset, setUserActive } from "@/lib/users/manage-users";
import { createUserSchema, deactivationReasonSchema, roleSchema } from "@/lib/validations/user";

const userIdSchema = z.string().min(1).max(64);

function describeLink(link: { url: string; expiresAt: Date; emailed: boolean }) {
  return { url: link.url, expiresAt: link.expiresAt.toISOString(), emailed: link.emailed };
}

export async function inviteUserAction(_state: LinkFormState, formData: FormData): Promise<LinkFormState> {
  const actor = await requireUser({ role: "ADMIN" });
  const values = formValues(formData, ["email", "name", "role"]);
  const parsed = createUserSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return asFormState(async () => {
    const link = describeLink(await inviteUser({ actor, ...parsed.data }));
    revalidatePath("/admin");
    return { ok: true, message: `${parsed.data.name} is invited. Pass on the link below.`, link };
  }, values);
}

export async function changeRoleAction(_state: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser({ role: "ADMIN" });
  const userId = userIdSchema.safeParse(formData.get("userId"));
  const role = roleSchema.safeParse(formData.get("role"));
  if (!userId.success) return failure("That user no longer exists.");
  if (!role.success) return failure(role.error.issues[0]?.message ?? "Choose a role.", { role: "Choose a role." });
  return asFormState(async () => {
    await changeUserRole({ actor, userId: userId.data, role: role.data });
    revalidatePath("/admin");
    return { ok: true, message: "Role saved." };
  });
}

export async function setActiveAction(_state: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser({ role: "ADMIN" });
  const userId = userIdSchema.safeParse(formData.get("userId"));
  const active = z.enum(["true", "false"]).safeParse(formData.get("active"));
  if (!userId.success || !active.success) return failure("That request was incomplete. Reload the page and try again.");
  const values = formValues(formData, ["reason"]);
  if (active.data === "false") {
    const reason = deactivationReasonSchema.safeParse(values.reason ?? "");
    if (!reason.success) {
      const message = reason.error.issues[0]?.message ?? "Say why you are deactivating this account.";
      return { ...failure("Check the highlighted fields.", { reason: message }), values };
    }
  }
  return asFormState(async () => {
    await setUserActive({ actor, userId: userId.data, active: active.data === "true", reason: values.reason });
    revalidatePath("/admin");
    return { ok: true, message: active.data === "true" ? "Account reactivated." : "Account deactivated." };
  }, values);
}

export async function issueResetAction(_state: LinkFormState, formData: FormData): Promise<LinkFormState> {
  const actor = await requireUser({ role: "ADMIN" });
  const userId = userIdSchema.safeParse(formData.get("userId"));
  if (!userId.success) return failure("That user no longer exists.");
  return asFormState(async () => {
    const link = describeLink(await issuePasswordReset({ actor, userId: userId.data }));
    revalidatePath("/admin");
    return { ok: true, message: "New link issued. Earlier links for this person no longer work.", link };
  });
}
