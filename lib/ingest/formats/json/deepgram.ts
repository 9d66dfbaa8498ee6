// Deepgram pre-recorded: results.channels[].alternatives[0] with `paragraphs.paragraphs[].sentences` (smart_format
// or paragraphs on), else `words` (with `speaker` and `punctuated_word` when diarize is on), else `transcript`.
// Times in seconds. Several channels (one per telephone line) are read as speakers "Channel 1", "Channel 2".
import { isObject, objectsIn, secondsToMs, speakerName, stringField, type JsonObject } from "./document";
import type { JsonUtterance, TranscriptJsonReader } from "./reader";
import { wordsToSentences } from "./words";

export const deepgramReader: TranscriptJsonReader = {
  id: "deepgram",
  shape: 'Deepgram ({"results": {"channels": [{"alternatives": [{"paragraphs" or "words"}]}]}})',
  read(document) {
    if (!isObject(document) || !isObject(document.results)) return null;
    const channels = objectsIn(document.results.channels);
    const alternatives = channels.map((channel) => objectsIn(channel.alternatives)[0]);
    if (channels.length === 0 || !alternatives.every(isObject)) return null;
    const utterances = alternatives.flatMap((alternative, index) =>
      readAlternative(alternative as JsonObject, channels.length > 1 ? `Channel ${index + 1}` : null),
    );
    // Channels are transcribed separately; put their sentences back in spoken order.
    if (channels.length > 1) utterances.sort((a, b) => (a.startMs ?? 0) - (b.startMs ?? 0));
    return utterances;
  },
};

function readAlternative(alternative: JsonObject, channelSpeaker: string | null): JsonUtterance[] {
  const paragraphs = isObject(alternative.paragraphs) ? objectsIn(alternative.paragraphs.paragraphs) : [];
  if (paragraphs.length > 0) {
    return paragraphs.flatMap((paragraph) =>
      objectsIn(paragraph.sentences).map((sentence) => ({
        speaker: speakerName(paragraph.speaker) ?? channelSpeaker,
        text: stringField(sentence, "text") ?? "",
        startMs: secondsToMs(sentence.start),
        endMs: secondsToMs(sentence.end),
      })),
    );
  }
  const words = objectsIn(alternative.words);
  if (words.length > 0) {
    return wordsToSentences(
      words.map((word) => ({
        text: stringField(word, "punctuated_word", "word") ?? "",
        startMs: secondsToMs(word.start),
        endMs: secondsToMs(word.end),
        speaker: speakerName(word.speaker) ?? channelSpeaker,
      })),
    );
  }
  const transcript = stringField(alternative, "transcript");
  return transcript ? [{ speaker: channelSpeaker, text: transcript, startMs: null, endMs: null }] : [];
}
