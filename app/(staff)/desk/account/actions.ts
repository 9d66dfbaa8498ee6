"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { isSessionCookie } from "@/lib/auth/session-cookie";
import { formValues, invalid, type FormState, type TokenFormState } from "@/lib/form-state";
import { asFormState } from "@/lib/server-action";
import { z } from "zod";
import { changeOwnPassword, signOutEverywhere } from "@/lib/users/passwords";
import { updateOwnProfile } from "@/lib/users/profile";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { apiTokenNameSchema, changePasswordSchema } from "@/lib/validations/user";
import { publicProfileSchema } from "@/lib/validations/profile";

export async function updateProfileAction(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const values = formValues(formData, ["name", "bio", "creditOptOut"]);
  const parsed = publicProfileSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return asFormState(async () => {
    const saved = await updateOwnProfile({ userId: user.id, profile: parsed.data });
    revalidatePath("/desk", "layout");
    return {
      ok: true,
      message: saved.creditOptOut
        ? "Your profile is saved. Public pages name the newsroom instead of you."
        : "Your profile is saved.",
      values: { name: saved.name, bio: saved.bio ?? "", creditOptOut: saved.creditOptOut ? "on" : "" },
    };
  }, values);
}

export async function changePasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = changePasswordSchema.safeParse(
    formValues(formData, ["currentPassword", "password", "confirmPassword"]),
  );
  if (!parsed.success) return invalid(parsed.error);
  const result = await asFormState(async () => {
    await changeOwnPassword({
      userId: user.id,
      currentPassword: parsed.data.currentPassword,
      password: parsed.data.password,
    });
    return { ok: true };
  });
  if (!result.ok) return result;
  // Every session of the account, this one included, ended with the change: clear the cookie and sign in afresh.
  await clearSessionCookie();
  redirect("/signin?reason=password-changed");
}

async function clearSessionCookie(): Promise<void> {
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    if (isSessionCookie(cookie.name)) jar.delete(cookie.name);
  }
}

const confirmationSchema = z.object({ confirm: z.literal("yes") });

export async function signOutEverywhereAction(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!confirmationSchema.safeParse(formValues(formData, ["confirm"])).success) {
    return { ok: false, message: "Confirm that you want to sign out everywhere.", fieldErrors: {} };
  }
  await signOutEverywhere({ userId: user.id });
  await clearSessionCookie();
  redirect("/signin?reason=signed-out-everywhere");
}

export async function createApiTokenAction(_state: TokenFormState, formData: FormData): Promise<TokenFormState> {
  const user = await requireUser();
  const values = formValues(formData, ["name"]);
  const parsed = apiTokenNameSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return asFormState(async () => {
    const { name, secret } = await createApiToken({ userId: user.id, name: parsed.data.name });
    revalidatePath("/desk/account");
    return { ok: true, message: "Token created. Copy it now: it will not be shown again.", token: { name, secret } };
  }, values);
}

export async function revokeApiTokenAction(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const tokenId = formData.get("tokenId");
  if (typeof tokenId !== "string" || !tokenId)
    return { ok: false, message: "That token no longer exists.", fieldErrors: {} };
  return asFormState(async () => {
    await revokeApiToken({ userId: user.id, tokenId });
    revalidatePath("/desk/account");
    return { ok: true, message: "Token revoked. Programs using it are refused from now on." };
  });
}
