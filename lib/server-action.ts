import { isAppError } from "@/lib/errors";
import { failure, type FormState } from "@/lib/form-state";

/** Turns an expected failure (AppError) into the form's error state; anything else reaches error.tsx. */
export async function asFormState(run: () => Promise<FormState>): Promise<FormState> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error)) return failure(error.message, error.fieldErrors);
    throw error;
  }
}
