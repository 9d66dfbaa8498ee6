// The convention most typed transcripts use: a label at the start of a line, "JENS STOLTENBERG:", "Q:", "A:",
// ">> NAME:", "[NAME]", "Name (Outlet):", "SPEAKER 1:". It is also the fallback when no other convention fits.
import type { SourceLine } from "../source";
import type { ParsedSpeaker } from "../types";
import { labelledSpeaker } from "./names";
import type { SpeakerConvention, TurnLabel } from "./types";
import { isStageDirection } from "../wrappers/stage-directions";

export type SpeakerLabel =
  | { kind: "named"; speaker: ParsedSpeaker; rest: string }
  /** "A:" in a Q&A: the person answering, usually the official the transcript is about. */
  | { kind: "answer"; rest: string }
  /** ">>" alone, the broadcast-caption mark for "someone else speaks now". */
  | { kind: "unnamed"; rest: string };

export const QUESTION: ParsedSpeaker = { name: "Question", title: null, role: "questioner", outlet: null };

export function parseSpeakerLabel(line: string): SpeakerLabel | null {
  let text = line.trim();
  const chevrons = /^>>+\s*/.exec(text);
  if (chevrons) text = text.slice(chevrons[0].length);

  const questionOrAnswer = /^([QA])[.:](?:\s+(.*))?$/s.exec(text);
  if (questionOrAnswer) {
    const rest = questionOrAnswer[2] ?? "";
    if (questionOrAnswer[1] === "A") return { kind: "answer", rest };
    return { kind: "named", speaker: { ...QUESTION }, rest };
  }

  const bracketed = /^\[([^\]]{1,60})\]\s*:?\s*(.*)$/s.exec(text);
  // "[Música]", "[Beifall]" are stage directions, not speakers (lib/ingest/wrappers/stage-directions.ts).
  if (bracketed && isStageDirection(`[${bracketed[1] ?? ""}]`))
    return chevrons ? { kind: "unnamed", rest: text } : null;
  const colon = bracketed ? null : /^([^:]{1,60}?)\s*:(?:\s+(.*))?$/s.exec(text);
  const candidate = bracketed?.[1] ?? colon?.[1];
  const rest = bracketed?.[2] ?? colon?.[2] ?? "";
  if (candidate !== undefined) {
    if (/^answer$/i.test(candidate.trim())) return { kind: "answer", rest };
    const speaker = labelledSpeaker(candidate, true);
    if (speaker) return { kind: "named", speaker, rest };
  }
  return chevrons ? { kind: "unnamed", rest: text } : null;
}

/** A parsed label as a turn of the line model. */
export function turnFromLabel(label: SpeakerLabel, startMs: number | null = null): TurnLabel {
  const speaker = label.kind === "named" ? label.speaker : label.kind === "answer" ? "answer" : null;
  return { speaker, startMs, rest: label.rest };
}

export const plainLabels: SpeakerConvention = {
  id: "labels",
  name: "Speaker labels (Name:)",
  readLabel(line: SourceLine) {
    const label = parseSpeakerLabel(line.text);
    return label ? turnFromLabel(label) : null;
  },
};
