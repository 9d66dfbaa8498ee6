import { z } from "zod";
import { checkPasswordPolicy, MAX_PASSWORD_LENGTH } from "@/lib/validations/password-rules";
import { ROLES } from "@/lib/permissions";

export const MAX_NAME_LENGTH = 200;

export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address.")
  .max(254, "Email addresses are at most 254 characters.")
  .pipe(z.email({ error: "Enter a valid email address, like name@newsroom.org." }));

export const nameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(MAX_NAME_LENGTH, `Names are at most ${MAX_NAME_LENGTH} characters.`);

export const roleSchema = z.enum(ROLES, { error: "Choose a role: admin, editor or reporter." });

export const MAX_DEACTIVATION_REASON_LENGTH = 500;

/** Why an admin deactivates someone: required, kept in the audit log beside the event. */
export const deactivationReasonSchema = z
  .string({ error: "Say why you are deactivating this account." })
  .trim()
  .min(3, "Say why you are deactivating this account (at least 3 characters).")
  .max(
    MAX_DEACTIVATION_REASON_LENGTH,
    `Keep the reason to ${MAX_DEACTIVATION_REASON_LENGTH} characters; the audit log keeps it beside the event.`,
  );

export const passwordSchema = z.string({ error: "Enter a password." }).superRefine((password, context) => {
  const problem = checkPasswordPolicy(password);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

/** A new password typed twice. */
export const newPasswordSchema = z
  .object({ password: passwordSchema, confirmPassword: z.string({ error: "Type the password again." }) })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match.",
  });

export const updateNameSchema = z.object({ name: nameSchema });

export const createUserSchema = z.object({ email: emailSchema, name: nameSchema, role: roleSchema });

export const setupAdminSchema = z.object({ email: emailSchema, name: nameSchema }).and(newPasswordSchema);

export const acceptInvitationSchema = z.object({ name: nameSchema }).and(newPasswordSchema);

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password.") })
  .and(newPasswordSchema);

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(MAX_PASSWORD_LENGTH),
});

export const apiTokenNameSchema = z.object({
  name: z
    .string({ error: "Name the token after what will use it." })
    .trim()
    .min(1, "Name the token after what will use it, e.g. “newsroom importer”.")
    .max(100, "Token names are at most 100 characters."),
});
