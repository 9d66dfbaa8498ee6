// Password rules with no server dependencies, so forms can show them too. The check against common passwords needs
// a large dictionary and lives on the server (lib/auth/password-strength.ts).
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Shorter local parts ("al@…") would refuse too many honest passwords. */
const MIN_CONTAINED_LENGTH = 3;

export interface PasswordContext {
  /** The account's email: neither it nor the part before the @ may appear in the password. */
  email?: string;
  /** The newsroom's name (SITE_NAME), which may not appear either. */
  siteName?: string;
}

/** Returns a sentence for the person choosing the password, or null when it is acceptable. */
export function checkPasswordPolicy(password: string, context: PasswordContext = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  }
  if (password.trim().length === 0) {
    return "A password cannot be only spaces.";
  }
  if (/^(.)\1+$/su.test(password)) {
    return "A password cannot be one character repeated.";
  }
  const lowered = password.toLowerCase();
  const email = context.email?.trim().toLowerCase();
  if (email && lowered.includes(email)) {
    return "A password cannot contain your email address.";
  }
  const localPart = email?.split("@")[0];
  if (localPart && localPart.length >= MIN_CONTAINED_LENGTH && lowered.includes(localPart)) {
    return `A password cannot contain the first part of your email address (“${localPart}”).`;
  }
  const siteName = context.siteName?.trim().toLowerCase();
  if (siteName && siteName.length >= MIN_CONTAINED_LENGTH && lowered.includes(siteName)) {
    return `A password cannot contain the newsroom's name (“${context.siteName?.trim()}”).`;
  }
  return null;
}
