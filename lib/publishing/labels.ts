// The words readers see for published transcripts: fidelity, annotation kinds, verdicts, speakers and dates.
import type { Fidelity, SpeakerRole, Verdict } from "@/lib/generated/prisma/enums";
import { FIDELITY_HINTS, SPEAKER_ROLE_LABELS } from "@/lib/format/labels";
import type { PublicAnnotationKind, PublishedSpeaker } from "./types";

const PUBLIC_FIDELITY_LABELS: Record<Exclude<Fidelity, "HUMAN_VERIFIED">, string> = {
  VERBATIM: "Verbatim transcript",
  CLEAN_READ: "Clean read",
  MACHINE: "Machine transcript",
};

/** "Verbatim transcript", "Clean read", "Machine transcript", or "Machine transcript, checked by Ana Ribeiro". */
export function publicFidelityLabel(fidelity: Fidelity, checkedBy: string | null): string {
  if (fidelity !== "HUMAN_VERIFIED") return PUBLIC_FIDELITY_LABELS[fidelity];
  const checker = checkedBy?.trim();
  return `Machine transcript, checked by ${checker || "a person"}`;
}

/** One sentence on what the fidelity label promises. */
export function publicFidelityHint(fidelity: Fidelity): string {
  return FIDELITY_HINTS[fidelity];
}

export const PUBLIC_ANNOTATION_KIND_LABELS: Record<PublicAnnotationKind, string> = {
  CONTEXT: "Context",
  FACTCHECK: "Fact-check",
  QUOTE: "Key quote",
};

export const VERDICT_LABELS: Record<Verdict, string> = {
  ACCURATE: "Accurate",
  MISLEADING: "Misleading",
  FALSE: "False",
  UNVERIFIABLE: "Unverifiable",
  NEEDS_CONTEXT: "Needs context",
};

export function speakerRoleLabel(role: SpeakerRole | null): string | null {
  return role ? SPEAKER_ROLE_LABELS[role] : null;
}

/** "Secretary General, NATO" — what a speaker is, from their title and outlet; null when neither is known. */
export function speakerDescription(speaker: Pick<PublishedSpeaker, "title" | "outlet">): string | null {
  const parts = [speaker.title, speaker.outlet].map((part) => part?.trim()).filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : null;
}

/** "14 February 2019", in UTC: an event date is stored as midnight UTC, and server and browser must agree. */
export function formatPublicDate(iso: string | null): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}
