// Amazon Transcribe: results.items of {start_time: "0.04", end_time: "0.35", alternatives: [{content}], type:
// "pronunciation" | "punctuation"} (times are strings of seconds; punctuation has none), with speakers either on
// each item (`speaker_label`) or in results.speaker_labels.segments[].items. Without items, results.transcripts.
import { isObject, objectsIn, secondsToMs, speakerName, stringField, type JsonObject } from "./document";
import type { TranscriptJsonReader } from "./reader";
import { wordsToSentences, type TimedWord } from "./words";

export const awsTranscribeReader: TranscriptJsonReader = {
  id: "aws-transcribe",
  shape: 'Amazon Transcribe ({"results": {"transcripts", "items", "speaker_labels"}})',
  read(document) {
    if (!isObject(document) || !isObject(document.results)) return null;
    const { results } = document;
    const items = objectsIn(results.items);
    const transcripts = objectsIn(results.transcripts);
    if (items.length === 0 && transcripts.length === 0) return null;
    if (items.length === 0) {
      return transcripts.flatMap((transcript) => {
        const text = stringField(transcript, "transcript");
        return text ? [{ speaker: null, text, startMs: null, endMs: null }] : [];
      });
    }
    const speakers = speakersByStartTime(results);
    const words: TimedWord[] = [];
    for (const item of items) {
      const content = stringField(objectsIn(item.alternatives)[0] ?? {}, "content") ?? "";
      const previous = words.at(-1);
      if (item.type === "punctuation") {
        if (previous) previous.text += content;
        continue;
      }
      const startTime = stringField(item, "start_time");
      words.push({
        text: content,
        startMs: secondsToMs(startTime),
        endMs: secondsToMs(item.end_time),
        speaker: speakerName(item.speaker_label) ?? (startTime === null ? null : (speakers.get(startTime) ?? null)),
      });
    }
    return wordsToSentences(words);
  },
};

function speakersByStartTime(results: JsonObject): Map<string, string> {
  const speakers = new Map<string, string>();
  const segments = isObject(results.speaker_labels) ? objectsIn(results.speaker_labels.segments) : [];
  for (const segment of segments) {
    for (const item of objectsIn(segment.items)) {
      const start = stringField(item, "start_time");
      const speaker = speakerName(item.speaker_label ?? segment.speaker_label);
      if (start !== null && speaker !== null) speakers.set(start, speaker);
    }
  }
  return speakers;
}
