// What POST /api/transcripts/:id/live/cues reads: Verbatim's own `{cues: [...]}`, or the streaming formats intake
// already reads, as they come off the recogniser (Deepgram live, Amazon Transcribe streaming, Google streaming, or
// generic `{"text", "is_final"}` messages), as one JSON document, a JSON array or JSON Lines.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { isObject, objectsIn } from "@/lib/ingest/formats/json/document";
import { readMessage } from "@/lib/ingest/formats/json/streaming";
import type { LiveCue } from "@/lib/live/cues";
import { MAX_CUE_CHARACTERS } from "@/lib/live/feed-limits";

const verbatimCues = z.object({
  cues: z.array(
    z.object({
      speaker: z.string().trim().max(200).nullish(),
      text: z.string().max(MAX_CUE_CHARACTERS),
      startMs: z.number().int().nonnegative().nullish(),
      endMs: z.number().int().nonnegative().nullish(),
      final: z.boolean().optional(),
    }),
  ),
});

function fromStreaming(messages: unknown[]): LiveCue[] {
  return objectsIn(messages)
    .flatMap(readMessage)
    .map((result) => ({
      speaker: result.speaker,
      text: result.text.slice(0, MAX_CUE_CHARACTERS),
      startMs: result.startMs,
      endMs: result.endMs,
      final: result.isFinal,
    }));
}

/** The cues in a request body; a body that is none of the accepted shapes gets a 400 that names them. */
export function parseCueBody(body: string): LiveCue[] {
  const text = body.trim();
  if (!text)
    throw new AppError("BAD_REQUEST", 'Send cues: {"cues": [{"text": "…"}]}, or a streaming recogniser\'s messages.');
  let documents: unknown[];
  try {
    documents = [JSON.parse(text)];
  } catch {
    // JSON Lines: one message a line.
    try {
      documents = text
        .split(/\r?\n/)
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as unknown);
    } catch {
      throw new AppError(
        "BAD_REQUEST",
        'That body is not JSON: send {"cues": […]}, or a recogniser\'s messages as JSON or JSON Lines.',
      );
    }
  }
  const [first] = documents;
  if (documents.length === 1 && isObject(first) && "cues" in first) {
    const parsed = verbatimCues.safeParse(first);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError(
        "BAD_REQUEST",
        `Each cue needs "text" (at most ${MAX_CUE_CHARACTERS} characters); "speaker", "startMs", "endMs" (whole milliseconds) and "final" are optional.${issue ? ` At ${issue.path.join(".")}: ${issue.message}` : ""}`,
      );
    }
    return parsed.data.cues.map((cue) => ({
      speaker: cue.speaker || null,
      text: cue.text,
      startMs: cue.startMs ?? null,
      endMs: cue.endMs ?? null,
      final: cue.final ?? true,
    }));
  }
  const messages = documents.length === 1 && Array.isArray(first) ? first : documents;
  const cues = fromStreaming(messages);
  if (cues.length === 0) {
    throw new AppError(
      "BAD_REQUEST",
      'No cues found: send {"cues": […]}, or Deepgram live, Amazon Transcribe or Google streaming results, or {"text", "is_final"} messages.',
    );
  }
  return cues;
}
