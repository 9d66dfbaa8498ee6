import { z } from "zod";

export const MAX_DISPLAY_NAME_LENGTH = 80;
export const MAX_BIO_LENGTH = 280;

/** The account page's public profile: the name bylines show, a short bio for the author page, and the opt-out. */
export const publicProfileSchema = z.object({
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(1, "Enter a name.")
    .max(MAX_DISPLAY_NAME_LENGTH, `Keep your name to ${MAX_DISPLAY_NAME_LENGTH} characters.`),
  bio: z
    .string()
    .transform((bio) => bio.replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .max(MAX_BIO_LENGTH, `Keep your bio to ${MAX_BIO_LENGTH} characters.`)
        // Plain text: no control characters other than tabs and line breaks.
        .refine((bio) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(bio), "Use plain text in your bio."),
    )
    .optional()
    .transform((bio) => bio || null),
  creditOptOut: z
    .enum(["on"])
    .optional()
    .transform((value) => value === "on"),
});

export type PublicProfileInput = z.infer<typeof publicProfileSchema>;
