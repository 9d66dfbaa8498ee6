import { isAppError } from "@/lib/errors";
import { failure, type FormState } from "@/lib/form-state";

/**
 * Runs a server action's work and turns an expected failure (AppError) into the form's error state, with the
 * submitted `values` so the form can be refilled; anything else reaches error.tsx.
 */
export async function asFormState<State extends FormState>(
  run: () => Promise<State>,
  values?: Record<string, string>,
): Promise<State | FormState> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error)) return { ...failure(error.message, error.fieldErrors), values };
    throw error;
  }
}
