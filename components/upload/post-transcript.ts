import type { IngestResult } from "@/lib/ingest/types";

export interface PreviewResponse {
  preview: IngestResult;
  suggestedFidelity: string;
}

export interface CreatedResponse {
  id: string;
  url: string;
  title: string;
}

export type ApiOutcome<T> = { ok: true; body: T } | { ok: false; message: string };

/**
 * POSTs to /api/transcripts with XMLHttpRequest rather than fetch, because only XHR reports upload progress.
 * Resolves with the parsed body or the API's one-line error message; never rejects.
 */
export function postTranscript<T>(form: FormData, onProgress?: (fraction: number) => void): Promise<ApiOutcome<T>> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/transcripts");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as (T & { error?: { message?: string } }) | null;
      if (request.status >= 200 && request.status < 300 && body) resolve({ ok: true, body });
      else if (request.status === 401)
        resolve({ ok: false, message: "Your session has ended. Sign in again in another tab, then retry." });
      else resolve({ ok: false, message: body?.error?.message ?? `The server answered ${request.status}. Try again.` });
    };
    request.onerror = () =>
      resolve({ ok: false, message: "The upload did not reach the server. Check your connection and try again." });
    request.send(form);
  });
}
