// Markdown transcripts that set the speaker in bold: "**Dana Whitfield:** text", "**Dana Whitfield**: text",
// "**(Dana Whitfield)** text". The Markdown parser has taken the asterisks off `text`, so the label is found in
// `raw` and taken off the front of `text`. Labels without bold in the same file are read as plain labels.
import type { SourceLine } from "../source";
import { labelledSpeaker } from "./names";
import { parseSpeakerLabel, turnFromLabel } from "./plain-labels";
import type { SpeakerConvention, TurnLabel } from "./types";

const BOLD_LABEL =
  /^\s*(?:\*\*|__)(?:\(([^*()]{1,60})\)|([^*:]{1,60}?)\s*:)(?:\*\*|__)|^\s*(?:\*\*|__)([^*:]{1,60}?)(?:\*\*|__)\s*:/u;

function readBoldLabel(line: SourceLine): TurnLabel | null {
  const match = BOLD_LABEL.exec(line.raw);
  if (!match) return null;
  const name = (match[1] ?? match[2] ?? match[3] ?? "").trim();
  const speaker = labelledSpeaker(name, true);
  if (!speaker) return null;
  // `text` starts with the label without its asterisks: "Dana Whitfield: …" or "(Dana Whitfield) …".
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const rest = line.text.replace(new RegExp(`^\\(?\\s*${escaped}\\s*\\)?\\s*:?\\s*`, "u"), "");
  return { speaker, startMs: null, rest };
}

export const markdownBold: SpeakerConvention = {
  id: "markdown-bold",
  name: "Markdown bold names",
  readLabel(line) {
    const bold = readBoldLabel(line);
    if (bold) return bold;
    const label = parseSpeakerLabel(line.text);
    return label ? turnFromLabel(label) : null;
  },
  evidence(line) {
    if (readBoldLabel(line)) return "distinctive";
    return parseSpeakerLabel(line.text) ? "shared" : null;
  },
};
