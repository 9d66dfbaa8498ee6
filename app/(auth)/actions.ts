"use server";

import { redirect } from "next/navigation";
import { invalid, formValues, type FormState } from "@/lib/form-state";
import { asFormState } from "@/lib/server-action";
import { completeSetup } from "@/lib/users/first-admin";
import { acceptInvitation, resetPasswordWithLink } from "@/lib/users/passwords";
import { acceptInvitationSchema, newPasswordSchema, setupAdminSchema } from "@/lib/validations/user";

// These actions are reached through one-time links, before anyone is signed in: the link's secret is the
// permission, and lib/users checks it inside the same transaction as the write.

function tokenOf(formData: FormData): string {
  const token = formData.get("token");
  return typeof token === "string" ? token : "";
}

export async function completeSetupAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["email", "name"]);
  const parsed = setupAdminSchema.safeParse({ ...values, ...formValues(formData, ["password", "confirmPassword"]) });
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await asFormState(async () => {
    await completeSetup({ secret: tokenOf(formData), ...parsed.data });
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  redirect("/signin?reason=password-set");
}

export async function acceptInvitationAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["name"]);
  const parsed = acceptInvitationSchema.safeParse({
    ...values,
    ...formValues(formData, ["password", "confirmPassword"]),
  });
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await asFormState(async () => {
    await acceptInvitation({ secret: tokenOf(formData), name: parsed.data.name, password: parsed.data.password });
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  redirect("/signin?reason=password-set");
}

export async function resetPasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  const parsed = newPasswordSchema.safeParse(formValues(formData, ["password", "confirmPassword"]));
  if (!parsed.success) return invalid(parsed.error);
  const result = await asFormState(async () => {
    await resetPasswordWithLink({ secret: tokenOf(formData), password: parsed.data.password });
    return { ok: true };
  });
  if (!result.ok) return result;
  redirect("/signin?reason=password-changed");
}
