// Whisper ({"text", "segments": [{"start", "end", "text"}]}; WhisperX adds a speaker per segment), and generic
// transcript JSON: a list of objects with a text field ("text", "speech", "content", "transcript") and perhaps a
// speaker ("speaker", "name", "speaker_name") and times, at the top or in named sections such as
// {"prepared_remarks": [...], "q_and_a": [...]}.
import { isObject, objectsIn, secondsToMs, speakerName, stringField, type JsonObject } from "./document";
import type { JsonUtterance, TranscriptJsonReader } from "./reader";

const TEXT_KEYS = ["text", "speech", "content", "transcript", "utterance", "body"];
const SPEAKER_KEYS = ["speaker", "speaker_name", "speakerName", "speaker_label", "name", "person"];

export const whisperReader: TranscriptJsonReader = {
  id: "whisper",
  shape: 'Whisper output ({"segments": [{"start", "end", "text"}]})',
  read(document, warnings) {
    if (!isObject(document) || !Array.isArray(document.segments)) return null;
    return readList(objectsIn(document.segments), warnings);
  },
};

export const speakerListReader: TranscriptJsonReader = {
  id: "speaker-list",
  shape:
    'a list of {"speaker" (or "name"), "start", "end", "text" (or "speech", "content", "transcript")} objects, ' +
    "alone or in sections",
  read(document, warnings) {
    if (Array.isArray(document)) return readList(objectsIn(document), warnings);
    const sections = findSections(document, 0);
    if (sections.length === 0) return null;
    return sections.flatMap((section) => readList(section, warnings) ?? []);
  },
};

/** The utterances of a list, or null when most of its objects carry no text (some other data). */
function readList(list: readonly JsonObject[], warnings: string[]): JsonUtterance[] | null {
  const withText = list.filter((item) => textOf(item) !== null).length;
  if (list.length > 0 && withText < list.length / 2) return null;
  return list.flatMap((item, index) => {
    const text = textOf(item);
    if (text === null) {
      warnings.push(`Skipped segment ${index + 1}: it has no "text".`);
      return [];
    }
    return [
      {
        speaker: speakerName(SPEAKER_KEYS.map((key) => item[key]).find((value) => value !== undefined)),
        text,
        startMs: secondsToMs(item.start ?? item.start_time ?? item.startTime ?? item.begin),
        endMs: secondsToMs(item.end ?? item.end_time ?? item.endTime),
      },
    ];
  });
}

function textOf(item: JsonObject): string | null {
  return stringField(item, ...TEXT_KEYS);
}

/** Lists of transcript objects among the values of an object (two levels deep at most), in document order. */
function findSections(value: unknown, depth: number): JsonObject[][] {
  if (!isObject(value) || depth > 2) return [];
  return Object.values(value).flatMap((child) => {
    if (Array.isArray(child)) {
      const items = objectsIn(child);
      const isTranscript = items.length > 0 && items.filter((item) => textOf(item) !== null).length >= items.length / 2;
      return isTranscript ? [items] : [];
    }
    return findSections(child, depth + 1);
  });
}
