// Streaming recognition logs: a list (or JSON Lines) of result messages, partial guesses followed by the final text.
// Deepgram live ({"type": "Results", "is_final", "start", "duration", "channel": {"alternatives": [{"transcript"}]}}),
// Amazon Transcribe streaming ({"Transcript": {"Results": [{"IsPartial", "StartTime", "EndTime", "Alternatives"}]}}),
// and Google Speech-to-Text ({"results": [{"isFinal", "resultEndTime", "alternatives": [{"transcript"}]}]}).
// Partials become removed lines ("stream-repeat"), so the reporter sees them and can put one back; finals that
// re-send text already kept are marked the same way.
import type { Removal } from "../../source";
import { judgeEmissions } from "../stream-repeats";
import { isObject, objectsIn, secondsToMs, speakerName, stringField, type JsonObject } from "./document";
import type { JsonUtterance, TranscriptJsonReader } from "./reader";

export interface StreamResult {
  isFinal: boolean;
  text: string;
  startMs: number | null;
  endMs: number | null;
  speaker: string | null;
}

const PARTIAL: Removal = {
  code: "stream-repeat",
  reason: "Streaming recognition: a partial result, replaced by the final one.",
};

export const streamingReader: TranscriptJsonReader = {
  id: "streaming",
  shape: "a streaming log of partial and final results (Deepgram live, Amazon Transcribe or Google streaming)",
  read(document) {
    const messages = Array.isArray(document) ? objectsIn(document) : [];
    const results = messages.flatMap(readMessage);
    if (results.length === 0 || results.length < messages.length / 2) return null;
    const finals = results.filter((result) => result.isFinal);
    const verdicts = judgeEmissions(finals);
    let finalIndex = 0;
    return results.map((result): JsonUtterance => {
      const utterance = { speaker: result.speaker, text: result.text, startMs: result.startMs, endMs: result.endMs };
      if (!result.isFinal) return { ...utterance, removal: PARTIAL };
      const verdict = verdicts[finalIndex++];
      if (!verdict || verdict.kind === "kept") return utterance;
      return {
        ...utterance,
        removal: { code: "stream-repeat", reason: "Streaming recognition: a final result sent again." },
      };
    });
  },
};

/**
 * The results in one message of a streaming recogniser (Deepgram live, Amazon Transcribe, Google, or a generic
 * `{text, is_final}` line). Also read by the live caption feed (lib/live/inputs.ts).
 */
export function readMessage(message: JsonObject): StreamResult[] {
  // Deepgram live.
  if (isObject(message.channel) && ("is_final" in message || message.type === "Results")) {
    const alternative = objectsIn(message.channel.alternatives)[0] ?? {};
    const startMs = secondsToMs(message.start);
    const durationMs = secondsToMs(message.duration);
    const words = objectsIn(alternative.words);
    return [
      {
        isFinal: message.is_final === true,
        text: stringField(alternative, "transcript") ?? "",
        startMs,
        endMs: startMs !== null && durationMs !== null ? startMs + durationMs : null,
        speaker: speakerName(words[0]?.speaker),
      },
    ];
  }
  // Amazon Transcribe streaming.
  if (isObject(message.Transcript)) {
    return objectsIn(message.Transcript.Results).map((result) => {
      const alternative = objectsIn(result.Alternatives)[0] ?? {};
      const items = objectsIn(alternative.Items);
      return {
        isFinal: result.IsPartial === false,
        text: stringField(alternative, "Transcript") ?? "",
        startMs: secondsToMs(result.StartTime),
        endMs: secondsToMs(result.EndTime),
        speaker: speakerName(items[0]?.Speaker),
      };
    });
  }
  // Google streaming recognition.
  if (Array.isArray(message.results)) {
    return objectsIn(message.results).flatMap((result) => {
      const alternative = objectsIn(result.alternatives)[0];
      if (!alternative || !("isFinal" in result || "stability" in result)) return [];
      return [
        {
          isFinal: result.isFinal === true,
          text: stringField(alternative, "transcript") ?? "",
          startMs: null,
          endMs: secondsToMs(result.resultEndTime),
          speaker: null,
        },
      ];
    });
  }
  // A generic log: {"text" or "transcript", "is_final" / "isFinal" / "final"}.
  const text = stringField(message, "text", "transcript");
  const flag = message.is_final ?? message.isFinal ?? message.final;
  if (text === null || typeof flag !== "boolean") return [];
  return [
    {
      isFinal: flag,
      text,
      startMs: secondsToMs(message.start),
      endMs: secondsToMs(message.end),
      speaker: speakerName(message.speaker),
    },
  ];
}
