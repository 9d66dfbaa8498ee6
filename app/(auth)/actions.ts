"use server";

import { redirect } from "next/navigation";
import { startSignedInSession } from "@/lib/auth/start-signed-in";
import { invalid, formValues, type FormState } from "@/lib/form-state";
import { asFormState } from "@/lib/server-action";
import { completeSetup } from "@/lib/users/first-admin";
import { acceptInvitation, resetPasswordWithLink } from "@/lib/users/passwords";
import { acceptInvitationSchema, newPasswordSchema, setupAdminSchema } from "@/lib/validations/user";

// These actions are reached through one-time links, before anyone is signed in: the link's secret is the
// permission, and lib/users checks it inside the same transaction as the write. Setup and an accepted invitation
// then sign the person in; a password reset does not (it may follow a stolen account: sign in knowingly).

function tokenOf(formData: FormData): string {
  const token = formData.get("token");
  return typeof token === "string" ? token : "";
}

export async function completeSetupAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["email", "name"]);
  const parsed = setupAdminSchema.safeParse({ ...values, ...formValues(formData, ["password", "confirmPassword"]) });
  if (!parsed.success) return invalid(parsed.error, values);
  let userId = "";
  const result = await asFormState(async () => {
    userId = (await completeSetup({ secret: tokenOf(formData), ...parsed.data })).id;
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  // The link and the password just chosen are proof enough: straight to the desk, no second password entry.
  await startSignedInSession({ userId });
  redirect("/desk");
}

export async function acceptInvitationAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["name"]);
  const parsed = acceptInvitationSchema.safeParse({
    ...values,
    ...formValues(formData, ["password", "confirmPassword"]),
  });
  if (!parsed.success) return invalid(parsed.error, values);
  let userId = "";
  const result = await asFormState(async () => {
    const accepted = await acceptInvitation({
      secret: tokenOf(formData),
      name: parsed.data.name,
      password: parsed.data.password,
    });
    userId = accepted.userId;
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  await startSignedInSession({ userId });
  redirect("/desk");
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
