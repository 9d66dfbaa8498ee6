// The words people see for the desk's enums, in one place.
import { isRole, type Role } from "@/lib/permissions";

export const STATUS_LABELS = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SCHEDULED: "Scheduled",
  LIVE: "Live",
  PUBLISHED: "Published",
  UNPUBLISHED: "Unpublished",
} as const;

export const SPEAKER_ROLE_LABELS = {
  MODERATOR: "Moderator",
  QUESTIONER: "Questioner",
  OFFICIAL: "Official",
  SPEAKER: "Speaker",
} as const;

export const ENTITY_TYPE_LABELS = { PERSON: "People", ORG: "Organisations", PLACE: "Places" } as const;

export const FIDELITY_LABELS = {
  VERBATIM: "Verbatim",
  CLEAN_READ: "Clean read",
  MACHINE: "Machine transcript",
  HUMAN_VERIFIED: "Human-verified",
} as const;

export const FIDELITY_HINTS = {
  VERBATIM: "Every word as spoken, including false starts and fillers.",
  CLEAN_READ: "Lightly edited for reading: fillers and false starts removed, meaning unchanged.",
  MACHINE: "Produced by speech recognition and not yet checked by a person.",
  HUMAN_VERIFIED: "Checked against the recording by a person.",
} as const;

/** What each step of the review workflow is called on a transcript's timeline. */
export const WORKFLOW_ACTION_LABELS = {
  submitted: "submitted it for review",
  returned: "returned it to the reporter",
  withdrawn: "took it back from review",
  scheduled: "scheduled it for publication",
  schedule_cancelled: "cancelled the scheduled publication",
  published: "published it",
  republished: "republished it",
  unpublished: "unpublished it",
  reopened: "reopened it as a draft",
  corrected: "recorded a public correction",
  went_live: "took it live to readers",
} as const;

/** Roles as people read them: "Editor", never the stored "EDITOR". */
export const ROLE_LABELS: Record<Role, string> = { ADMIN: "Admin", EDITOR: "Editor", REPORTER: "Reporter" };

/** The readable name of a stored role; anything that is not a role is returned as it is. */
export function roleLabel(value: string): string {
  return isRole(value) ? ROLE_LABELS[value] : value;
}
