import type { TranscriptStatus } from "@/lib/generated/prisma/enums";
import { canPublishTranscript, type Actor } from "@/lib/permissions";

/**
 * Where the desk's lists send this person for this transcript: one waiting for review goes to Review & publish for
 * someone who can publish it (their next step), and to the editor for everyone else, reporters included.
 */
export function deskTranscriptPath(actor: Actor, transcript: { id: string; status: TranscriptStatus }): string {
  if (transcript.status === "IN_REVIEW" && canPublishTranscript(actor).allowed) {
    return `/desk/transcripts/${transcript.id}/publish`;
  }
  return `/desk/transcripts/${transcript.id}`;
}
