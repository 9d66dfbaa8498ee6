// The words people see for the desk's enums, in one place.

export const STATUS_LABELS = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SCHEDULED: "Scheduled",
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
