import type {
  AnnotationKindName,
  EntityTypeName,
  FidelityName,
  SpeakerRoleName,
  VerdictName,
} from "@/lib/editor/types";
import { FIDELITY_HINTS, FIDELITY_LABELS } from "@/lib/format/labels";

export const ANNOTATION_KIND_LABELS: Record<AnnotationKindName, string> = {
  note: "Internal note — staff only",
  context: "Context — public",
  factcheck: "Fact-check — public",
  quote: "Key quote — public",
};

export const ANNOTATION_KIND_SHORT: Record<AnnotationKindName, string> = {
  note: "Note",
  context: "Context",
  factcheck: "Fact-check",
  quote: "Key quote",
};

/** Highlight colours behind the text, and the matching badge, per kind. Chosen for AA contrast with ink text. */
export const ANNOTATION_KIND_STYLES: Record<AnnotationKindName, { mark: string; badge: string }> = {
  note: { mark: "bg-amber-100 border-b-2 border-amber-500", badge: "bg-amber-100 text-amber-950" },
  context: { mark: "bg-sky-100 border-b-2 border-sky-600", badge: "bg-sky-100 text-sky-950" },
  factcheck: { mark: "bg-violet-100 border-b-2 border-violet-600", badge: "bg-violet-100 text-violet-950" },
  quote: { mark: "bg-emerald-100 border-b-2 border-emerald-600", badge: "bg-emerald-100 text-emerald-950" },
};

export const VERDICT_LABELS: Record<VerdictName, string> = {
  accurate: "Accurate",
  misleading: "Misleading",
  false: "False",
  unverifiable: "Unverifiable",
  needs_context: "Needs context",
};

export const SPEAKER_ROLE_NAME_LABELS: Record<SpeakerRoleName, string> = {
  moderator: "Moderator",
  questioner: "Questioner",
  official: "Official",
  speaker: "Speaker",
};

export const ENTITY_TYPE_NAME_LABELS: Record<EntityTypeName, { plural: string; singular: string }> = {
  person: { plural: "People", singular: "person" },
  org: { plural: "Organisations", singular: "organisation" },
  place: { plural: "Places", singular: "place" },
  topic: { plural: "Topics", singular: "topic" },
};

const FIDELITY_KEYS: Record<FidelityName, keyof typeof FIDELITY_LABELS> = {
  verbatim: "VERBATIM",
  clean_read: "CLEAN_READ",
  machine: "MACHINE",
  human_verified: "HUMAN_VERIFIED",
};

export function fidelityLabel(fidelity: FidelityName): string {
  return FIDELITY_LABELS[FIDELITY_KEYS[fidelity]];
}

export function fidelityHint(fidelity: FidelityName): string {
  return FIDELITY_HINTS[FIDELITY_KEYS[fidelity]];
}

export const STATUS_NAME_LABELS = {
  draft: "Draft",
  in_review: "In review",
  scheduled: "Scheduled",
  live: "Live",
  published: "Published",
  unpublished: "Unpublished",
} as const;

const REVIEW_REASONS: Record<string, string> = {
  deleted: "Its words were deleted or rewritten",
  partly_deleted: "Some of its words were deleted",
  moved: "Its words were moved or retyped elsewhere",
  ambiguous: "The edit can be read two ways: which words it belongs to is unclear",
  split: "Its paragraph was split through it",
  trimmed: "It held only spaces that a merge removed",
};

export function reviewReasonLabel(reason: string | null): string {
  return (reason && REVIEW_REASONS[reason]) ?? "Its words changed";
}

/** "14 Feb 2019, 14:02 UTC", as the desk writes times; UTC so the server's and the browser's renders agree. */
export function formatWhen(iso: string | null): string {
  if (!iso) return "an unknown time";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
}
