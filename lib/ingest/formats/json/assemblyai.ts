// AssemblyAI: `utterances` (with speaker_labels on) of {speaker: "A", text, start, end, words}, times in
// milliseconds; without speaker labels, only `text` and `words`.
import { isObject, millisecondsToMs, objectsIn, speakerName, stringField } from "./document";
import type { TranscriptJsonReader } from "./reader";
import { wordsToSentences } from "./words";

export const assemblyAiReader: TranscriptJsonReader = {
  id: "assemblyai",
  shape: 'AssemblyAI ({"utterances": [{"speaker", "start", "end", "text"}]} or its "words")',
  read(document) {
    if (!isObject(document)) return null;
    const utterances = objectsIn(document.utterances);
    if (utterances.length > 0 && utterances.every((utterance) => typeof utterance.text === "string")) {
      return utterances.map((utterance) => ({
        speaker: speakerName(utterance.speaker),
        text: stringField(utterance, "text") ?? "",
        startMs: millisecondsToMs(utterance.start),
        endMs: millisecondsToMs(utterance.end),
      }));
    }
    // A transcript without diarisation: AssemblyAI's own fields tell it from other word lists.
    const words = objectsIn(document.words);
    const isAssemblyAi = typeof document.text === "string" && ("audio_url" in document || "acoustic_model" in document);
    if (!isAssemblyAi || words.length === 0) return null;
    return wordsToSentences(
      words.map((word) => ({
        text: stringField(word, "text") ?? "",
        startMs: millisecondsToMs(word.start),
        endMs: millisecondsToMs(word.end),
        speaker: speakerName(word.speaker),
      })),
    );
  },
};
