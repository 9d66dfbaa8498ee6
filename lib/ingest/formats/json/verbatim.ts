// Verbatim's own JSON: its export ({"format": "verbatim-transcript", "speakers", "segments"}, lib/export/json.ts) and
// the ingest dry run's JSON (`npm run ingest -- FILE --dry-run --json`), whose segments carry {speaker, text,
// startMs, endMs} with times in milliseconds. Its segments are finished paragraphs, so each comes back as one
// paragraph with its own times and speaker, never joined to its neighbour nor split.
import type { ParsedSpeaker, SpeakerRole } from "../../types";
import { isObject, millisecondsToMs, objectsIn, stringField, type JsonObject } from "./document";
import type { TranscriptJsonReader } from "./reader";

const ROLES: readonly SpeakerRole[] = ["moderator", "questioner", "official", "speaker"];

export const verbatimReader: TranscriptJsonReader = {
  id: "verbatim",
  shape: null,
  read(document) {
    if (!isVerbatimDocument(document)) return null;
    const speakers = new Map(
      objectsIn(document.speakers)
        .flatMap((speaker) => speakerOf(speaker) ?? [])
        .map((speaker) => [speaker.name, speaker]),
    );
    return objectsIn(document.segments).flatMap((segment) => {
      const text = stringField(segment, "text");
      if (text === null || text.trim() === "") return [];
      const name = stringField(segment, "speaker")?.trim() || null;
      return [
        {
          speaker: name,
          speakerDetails:
            name === null ? null : (speakers.get(name) ?? { name, title: null, role: null, outlet: null }),
          isParagraph: true,
          text,
          startMs: millisecondsToMs(segment.startMs),
          endMs: millisecondsToMs(segment.endMs),
        },
      ];
    });
  },
  title(document) {
    return isVerbatimDocument(document) ? (stringField(document, "title")?.trim() ?? null) || null : null;
  },
};

/** The export names itself; the dry run's segments are the only ones whose times are named in milliseconds. */
function isVerbatimDocument(document: unknown): document is JsonObject {
  if (!isObject(document) || !Array.isArray(document.segments)) return false;
  if (document.format === "verbatim-transcript") return true;
  const segments = objectsIn(document.segments);
  return segments.length > 0 && segments.every((segment) => "startMs" in segment && typeof segment.text === "string");
}

function speakerOf(speaker: JsonObject): ParsedSpeaker | null {
  const name = stringField(speaker, "name")?.trim();
  if (!name) return null;
  const role = ROLES.find((known) => known === speaker.role) ?? null;
  return { name, title: stringField(speaker, "title"), role, outlet: stringField(speaker, "outlet") };
}
