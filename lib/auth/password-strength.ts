import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { checkPasswordPolicy } from "@/lib/validations/password-rules";
import { AppError } from "@/lib/errors";
import { getSiteName } from "@/lib/site";

/**
 * zxcvbn's score runs from 0 (guessed at once) to 4. Below 3, the password is a common one, or one built from a
 * common password and a pattern ("password1234", "Football2024!"), which exact list membership alone would miss.
 */
const MIN_SCORE = 3;

/** For a password that is itself on the list of common passwords. */
export const COMMON_LIST_MESSAGE =
  "This password is on a list of the most common passwords, the first ones anyone breaking in would try. " +
  "Choose another: a phrase of three or four unrelated words is easy to remember and hard to guess.";

/** For a password built from a common one or an obvious pattern, which exact list membership alone would miss. */
export const COMMON_PASSWORD_MESSAGE =
  "This password is too easy to guess: it is built from a common password or pattern (like “password1234!”). " +
  "Use a phrase of three or four unrelated words.";

/** How a password is compared with the list: the list is lower-case, and case or stray spaces do not make it safer. */
export function normalizeForCommonList(password: string): string {
  return password.normalize("NFKC").trim().toLowerCase();
}

interface Checker {
  zxcvbn: ZxcvbnFactory;
  commonPasswords: Set<string>;
}

let checker: Promise<Checker> | undefined;

/**
 * The dictionaries are large: @zxcvbn-ts/language-common's "passwords-common" is 49,233 passwords from real leaks,
 * most common first, maintained with zxcvbn-ts. Loaded on the first password chosen, then kept.
 */
function loadChecker(): Promise<Checker> {
  checker ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(
    ([{ ZxcvbnFactory }, common]) => ({
      zxcvbn: new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs }),
      commonPasswords: new Set(common.dictionary["passwords-common"]),
    }),
  );
  return checker;
}

/**
 * Every rule for a newly chosen password: length and the like (lib/auth/password-rules.ts), not containing the
 * account's email or the site's name, and not on (or built from) @zxcvbn-ts/language-common's list of common
 * passwords. Returns the sentence to show, or null.
 */
export async function checkPasswordStrength(
  password: string,
  { email, siteName = getSiteName() }: { email?: string; siteName?: string } = {},
): Promise<string | null> {
  const problem = checkPasswordPolicy(password, { email, siteName });
  if (problem) return problem;
  const { zxcvbn, commonPasswords } = await loadChecker();
  if (commonPasswords.has(normalizeForCommonList(password))) return COMMON_LIST_MESSAGE;
  const userInputs = [email, email?.split("@")[0], siteName].filter((input): input is string => Boolean(input));
  if (zxcvbn.check(password, userInputs).score < MIN_SCORE) return COMMON_PASSWORD_MESSAGE;
  return null;
}

/** The same check for lib/users: throws the sentence as the password field's error. */
export async function assertStrongPassword(password: string, context: { email?: string } = {}): Promise<void> {
  const problem = await checkPasswordStrength(password, context);
  if (problem) throw new AppError("BAD_REQUEST", "Check the highlighted fields.", { password: problem });
}
