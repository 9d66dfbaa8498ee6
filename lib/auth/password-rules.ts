// Password rules with no server dependencies, so forms can show them too.
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Returns a sentence for the person choosing the password, or null when it is acceptable. */
export function checkPasswordPolicy(password: string, context: { email?: string } = {}): string | null {
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
  if (context.email && password.toLowerCase() === context.email.toLowerCase()) {
    return "A password cannot be your email address.";
  }
  return null;
}
