import { hash, verify, type Options } from "@node-rs/argon2";

export { checkPasswordPolicy, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/validations/password-rules";

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
// The package's default algorithm is Argon2id (a unit test checks the hash says so).
const ARGON2_OPTIONS: Options = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against its hash. With no hash (an unknown email, an invitation not yet accepted) it verifies
 * against a throwaway hash, so the answer takes as long as a real check and timing reveals nothing.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword("verbatim-timing-equaliser");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
