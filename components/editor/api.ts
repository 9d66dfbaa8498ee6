// Typed wrappers for the editor's routes under /api/transcripts/:id. Every call resolves, never rejects: a fetch
// that throws is "offline" (the edit is kept and retried), anything else the server answered is "ok" or "failed".

import type {
  AnnotationKindName,
  EditorAnnotation,
  EditorEntity,
  EditorReply,
  EditorSegment,
  EditorSpeaker,
  EditorTranscriptMeta,
  EntityTypeName,
  PersonRef,
  PresenceResponse,
  ReviewCandidate,
  SourceLink,
  SpeakerRoleName,
  VerdictName,
} from "@/lib/editor/types";
// Request and answer shapes shared with the server (type-only: nothing of the server reaches the browser).
import type { MetadataInput } from "@/lib/editor/metadata";
import type { Match } from "@/lib/editor/replace";
import type { SegmentEditResult } from "@/lib/editor/segments";
import type { ShareEntry } from "@/lib/editor/shares";

export type ApiResult<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; offline: true; message: string }
  | {
      ok: false;
      offline: false;
      status: number;
      code: string;
      message: string;
      fieldErrors: Record<string, string>;
      /** The whole error object, for extras such as a conflict's `current`. */
      error: Record<string, unknown>;
    };

export type ApiFailure = Exclude<ApiResult<unknown>, { ok: true }>;

const OFFLINE_MESSAGE = "Verbatim cannot reach the server. Your edits are kept on this device.";
const SESSION_ENDED_MESSAGE = "Your session has ended. Sign in again in another tab; your edits are kept here.";

type Fetcher = typeof fetch;

/** One request; exported for tests and for the few calls outside a transcript. */
export async function apiRequest<T>(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  body?: unknown,
  options: { fetcher?: Fetcher; keepalive?: boolean } = {},
): Promise<ApiResult<T>> {
  const fetcher = options.fetcher ?? fetch;
  let response: Response;
  try {
    response = await fetcher(url, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? { accept: "application/json" } : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      keepalive: options.keepalive,
    });
  } catch {
    return { ok: false, offline: true, message: OFFLINE_MESSAGE };
  }
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch {
    parsed = null;
  }
  if (response.ok) return { ok: true, status: response.status, body: parsed as T };
  const error = readErrorObject(parsed);
  // 503: the server holds writes off for a moment (a restore). Like being offline: the edits stay here and the
  // save queue sends them again.
  if (response.status === 503) {
    return {
      ok: false,
      offline: true,
      message: typeof error.message === "string" && error.message ? error.message : OFFLINE_MESSAGE,
    };
  }
  const message =
    response.status === 401
      ? sessionEndedMessage(error)
      : typeof error.message === "string" && error.message
        ? error.message
        : `The server answered ${response.status}. Try again in a moment.`;
  return {
    ok: false,
    offline: false,
    status: response.status,
    code: typeof error.code === "string" ? error.code : "UNKNOWN",
    message,
    fieldErrors: readFieldErrors(error.fieldErrors),
    error,
  };
}

/** A deactivation or a role change is named as the server words it (lib/auth/session.ts); the edits stay here. */
function sessionEndedMessage(error: Record<string, unknown>): string {
  const isExplained = error.sessionEnded === "deactivated" || error.sessionEnded === "role-changed";
  if (isExplained && typeof error.message === "string" && error.message) {
    return `${error.message} Your edits are kept here.`;
  }
  return SESSION_ENDED_MESSAGE;
}

function readErrorObject(parsed: unknown): Record<string, unknown> {
  if (parsed && typeof parsed === "object" && "error" in parsed) {
    const error = (parsed as { error: unknown }).error;
    if (error && typeof error === "object") return error as Record<string, unknown>;
  }
  return {};
}

function readFieldErrors(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object") return {};
  const result: Record<string, string> = {};
  for (const [key, message] of Object.entries(value)) {
    if (typeof message === "string") result[key] = message;
    else if (Array.isArray(message) && typeof message[0] === "string") result[key] = message[0];
  }
  return result;
}

/** A 409 from a paragraph save: the server's paragraph, and who saved it when. */
export interface SegmentConflictCurrent {
  segment: EditorSegment;
  by: PersonRef | null;
  at: string | null;
}

export function readSegmentConflict(failure: ApiFailure): SegmentConflictCurrent | null {
  if (failure.offline || failure.status !== 409) return null;
  const current = failure.error.current as Partial<SegmentConflictCurrent> | undefined;
  if (!current?.segment) return null;
  return { segment: current.segment, by: current.by ?? null, at: current.at ?? null };
}

export interface TranscriptConflictCurrent {
  transcript: EditorTranscriptMeta;
  by: PersonRef | null;
  at: string | null;
}

export function readTranscriptConflict(failure: ApiFailure): TranscriptConflictCurrent | null {
  if (failure.offline || failure.status !== 409) return null;
  const current = failure.error.current as Partial<TranscriptConflictCurrent> | undefined;
  if (!current?.transcript) return null;
  return { transcript: current.transcript, by: current.by ?? null, at: current.at ?? null };
}

export interface SegmentPage {
  id: string;
  slug: string;
  title: string;
  status: string;
  version: number;
  revision: number;
  segmentCount: number;
  from: number;
  take: number;
  speakers: EditorSpeaker[];
  segments: EditorSegment[];
}

export interface SegmentPatch {
  text?: string;
  speakerId?: string | null;
  startMs?: number | null;
  endMs?: number | null;
  baseVersion: number;
}

export type SegmentSaved = SegmentEditResult;

export type ReplaceMatch = Match;

/** A preview stops at REPLACE_PREVIEW_LIMIT matches; `total` and `truncated`, when the server sends them, say more. */
export interface ReplacePreview {
  matches: ReplaceMatch[];
  total?: number;
  truncated?: boolean;
}

export interface ReplaceRequest {
  find: string;
  replace: string;
  matchCase?: boolean;
  wholeWord?: boolean;
  only?: { segmentId: string; start: number }[];
}

export interface SpeakerFields {
  name: string;
  title?: string | null;
  role?: SpeakerRoleName | null;
  outlet?: string | null;
}

export type SpeakerAssignment = { segmentId: string; speaker: { id: string } | { name: string; outlet?: string } };

export interface AnnotationFields {
  kind: AnnotationKindName;
  body: string;
  verdict?: VerdictName | null;
  claim?: string | null;
  sources?: SourceLink[];
  checker?: string | null;
}

export type MetadataPatch = MetadataInput;

export type Share = ShareEntry;

/** Every call the editor makes for one transcript. */
export function createEditorApi(transcriptId: string, fetcher?: Fetcher) {
  const base = `/api/transcripts/${encodeURIComponent(transcriptId)}`;
  const segment = (id: string) => `${base}/segments/${encodeURIComponent(id)}`;
  const call = <T>(method: "GET" | "POST" | "PATCH" | "DELETE", url: string, body?: unknown) =>
    apiRequest<T>(method, url, body, { fetcher });

  return {
    loadSegments: (from: number, take: number) => call<SegmentPage>("GET", `${base}?from=${from}&take=${take}`),

    patchSegment: (id: string, patch: SegmentPatch) => call<SegmentSaved>("PATCH", segment(id), patch),
    insertSegment: (afterSegmentId: string | null, text: string, speakerId?: string | null) =>
      call<{ segment: EditorSegment; revision: number }>("POST", `${base}/segments`, {
        afterSegmentId,
        text,
        ...(speakerId ? { speakerId } : {}),
      }),
    deleteSegment: (id: string, baseVersion: number) =>
      call<{ segment: EditorSegment; revision: number }>("DELETE", `${segment(id)}?baseVersion=${baseVersion}`),
    restoreSegment: (id: string) =>
      call<{ segment: EditorSegment; revision: number }>("POST", `${segment(id)}/restore`, {}),
    splitSegment: (id: string, offset: number, baseVersion: number) =>
      call<{ segments: [EditorSegment, EditorSegment]; annotations: EditorAnnotation[]; revision: number }>(
        "POST",
        `${segment(id)}/split`,
        { offset, baseVersion },
      ),
    mergeSegment: (id: string, baseVersion: number, previousBaseVersion: number) =>
      call<{ segment: EditorSegment; removedSegmentId: string; annotations: EditorAnnotation[]; revision: number }>(
        "POST",
        `${segment(id)}/merge`,
        { baseVersion, previousBaseVersion },
      ),
    moveSegment: (id: string, afterSegmentId: string | null) =>
      call<{ segment: EditorSegment; revision: number }>("POST", `${segment(id)}/move`, { afterSegmentId }),
    setSpeakers: (segmentIds: string[], speakerId: string | null) =>
      call<{ segments: EditorSegment[]; revision: number }>("POST", `${base}/segments/speaker`, {
        segmentIds,
        speakerId,
      }),

    previewReplace: (request: ReplaceRequest) =>
      call<ReplacePreview>("POST", `${base}/replace`, { ...request, apply: false }),
    applyReplace: (request: ReplaceRequest) =>
      call<{ replaced: number; segments: EditorSegment[]; annotations: EditorAnnotation[]; revision: number }>(
        "POST",
        `${base}/replace`,
        { ...request, apply: true },
      ),

    createSpeaker: (fields: SpeakerFields) => call<{ speaker: EditorSpeaker }>("POST", `${base}/speakers`, fields),
    updateSpeaker: (id: string, fields: Partial<SpeakerFields> & { personId?: string | null }) =>
      call<{ speaker: EditorSpeaker; revision: number }>("PATCH", `${base}/speakers/${encodeURIComponent(id)}`, fields),
    mergeSpeaker: (id: string, intoSpeakerId: string) =>
      call<{ speaker: EditorSpeaker; moved: number; revision: number }>(
        "POST",
        `${base}/speakers/${encodeURIComponent(id)}/merge`,
        { intoSpeakerId },
      ),
    speakerParagraphs: (id: string, from: number, take: number) =>
      call<{ speaker: EditorSpeaker; total: number; from: number; segments: EditorSegment[] }>(
        "GET",
        `${base}/speakers/${encodeURIComponent(id)}/segments?from=${from}&take=${take}`,
      ),
    splitSpeaker: (id: string, assignments: SpeakerAssignment[]) =>
      call<{ speakers: EditorSpeaker[]; segments: EditorSegment[]; revision: number }>(
        "POST",
        `${base}/speakers/${encodeURIComponent(id)}/split`,
        { assignments },
      ),

    loadAnnotations: () => call<{ annotations: EditorAnnotation[] }>("GET", `${base}/annotations`),
    createAnnotation: (fields: AnnotationFields & { segmentId: string; start: number; end: number }) =>
      call<{ annotation: EditorAnnotation }>("POST", `${base}/annotations`, fields),
    updateAnnotation: (
      id: string,
      fields: Partial<Omit<AnnotationFields, "kind">> & {
        resolved?: boolean;
        segmentId?: string;
        start?: number;
        end?: number;
      },
    ) => call<{ annotation: EditorAnnotation }>("PATCH", `${base}/annotations/${encodeURIComponent(id)}`, fields),
    approveAnnotation: (id: string) =>
      call<{ annotation: EditorAnnotation }>("POST", `${base}/annotations/${encodeURIComponent(id)}/approval`),
    deleteAnnotation: (id: string) =>
      call<{ annotation: EditorAnnotation }>("DELETE", `${base}/annotations/${encodeURIComponent(id)}`),
    annotationCandidates: (id: string) =>
      call<{ candidates: ReviewCandidate[] }>("GET", `${base}/annotations/${encodeURIComponent(id)}/candidates`),
    mentionCandidates: (id: string) =>
      call<{ candidates: ReviewCandidate[] }>("GET", `${base}/mentions/${encodeURIComponent(id)}/candidates`),
    reattachMention: (id: string, range: { segmentId: string; start: number; end: number }) =>
      call<{ entity: EditorEntity }>("PATCH", `${base}/mentions/${encodeURIComponent(id)}`, range),
    deleteMention: (id: string) =>
      call<{ entity: EditorEntity }>("DELETE", `${base}/mentions/${encodeURIComponent(id)}`),
    replyToAnnotation: (id: string, body: string) =>
      call<{ reply: EditorReply }>("POST", `${base}/annotations/${encodeURIComponent(id)}/replies`, { body }),

    tagEntity: (fields: { type: EntityTypeName; name: string; segmentId?: string; start?: number; end?: number }) =>
      call<{ entity: EditorEntity }>("POST", `${base}/entities`, fields),
    setEntityStatus: (id: string, status: EditorEntity["status"]) =>
      call<{ entity: EditorEntity }>("PATCH", `${base}/entities/${encodeURIComponent(id)}`, { status }),
    mergeEntity: (id: string, intoId: string) =>
      call<{ entities: EditorEntity[] }>("POST", `${base}/entities/${encodeURIComponent(id)}/merge`, { intoId }),

    updateMetadata: (patch: MetadataPatch) => call<{ transcript: EditorTranscriptMeta }>("PATCH", base, patch),

    presence: (clientId: string, segmentId: string | null, sinceRevision: number) =>
      call<PresenceResponse>("POST", `${base}/presence`, { clientId, segmentId, sinceRevision }),

    loadShares: () => call<{ shares: Share[] }>("GET", `${base}/shares`),
    addShare: (email: string) => call<{ shares: Share[] }>("POST", `${base}/shares`, { email }),
    removeShare: (userId: string) =>
      call<{ shares: Share[] }>("DELETE", `${base}/shares/${encodeURIComponent(userId)}`),
  };
}

export type EditorApi = ReturnType<typeof createEditorApi>;
