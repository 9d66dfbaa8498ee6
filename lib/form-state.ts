import type { z } from "zod";
import { zodFieldErrors } from "@/lib/errors";

/** What a server action returns to the form that called it. */
export type FormState<Extra = object> =
  | ({ ok: true; message?: string; values?: Record<string, string> } & Partial<Extra>)
  | {
      ok: false;
      message: string;
      fieldErrors: Record<string, string>;
      values?: Record<string, string>;
    };

/** A form whose action issues a sign-in link (invitations, password resets): the link is shown once. */
export type LinkFormState = FormState & { link?: { url: string; expiresAt: string; emailed: boolean } };

/** The account page's new API token form: the secret is shown once. */
export type TokenFormState = FormState & { token?: { name: string; secret: string } };

export const initialFormState = { ok: false, message: "", fieldErrors: {} } as const satisfies FormState;

/** First message per field, keyed by the dotted path the form uses as input name (the one zod helper). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  return zodFieldErrors(error, "form");
}

export function invalid(error: z.ZodError, values?: Record<string, string>): FormState {
  return {
    ok: false,
    message: "Check the highlighted fields.",
    fieldErrors: fieldErrorsOf(error),
    values,
  };
}

export function failure(message: string, fieldErrors: Record<string, string> = {}): FormState {
  return { ok: false, message, fieldErrors };
}

/** Text fields of a submitted form, for validation and for refilling the form after an error (never passwords). */
export function formValues(formData: FormData, keys: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of keys) {
    const value = formData.get(key);
    if (typeof value === "string") values[key] = value;
  }
  return values;
}
