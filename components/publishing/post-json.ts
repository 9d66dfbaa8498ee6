// One JSON POST to the publishing API, answered as ok or a sentence to show (never a thrown error).

export interface CheckProblem {
  check: string;
  blocking: boolean;
  message: string;
}

export type PostResult =
  | { ok: true }
  | { ok: false; status: number; message: string; fieldErrors: Record<string, string>; checks: CheckProblem[] };

export async function postJson(url: string, body: unknown): Promise<PostResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return {
      ok: false,
      status: 0,
      message: "Verbatim cannot reach the server. Nothing was changed; try again.",
      fieldErrors: {},
      checks: [],
    };
  }
  if (response.ok) return { ok: true };
  const payload = (await response.json().catch(() => null)) as {
    error?: { message?: string; fieldErrors?: Record<string, string>; checks?: CheckProblem[] };
  } | null;
  return {
    ok: false,
    status: response.status,
    message: payload?.error?.message ?? `The server answered ${response.status}. Nothing was changed.`,
    fieldErrors: payload?.error?.fieldErrors ?? {},
    checks: payload?.error?.checks ?? [],
  };
}
