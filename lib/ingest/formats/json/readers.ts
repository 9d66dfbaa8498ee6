// The transcript-JSON shapes Verbatim reads, most specific first: the first reader that recognises a document wins.
// A new tool is a new reader module added to this list.
import { assemblyAiReader } from "./assemblyai";
import { awsTranscribeReader } from "./aws-transcribe";
import { deepgramReader } from "./deepgram";
import type { TranscriptJsonReader } from "./reader";
import { speakerListReader, whisperReader } from "./segments";
import { streamingReader } from "./streaming";
import { verbatimReader } from "./verbatim";

export const TRANSCRIPT_JSON_READERS: readonly TranscriptJsonReader[] = [
  verbatimReader,
  streamingReader,
  assemblyAiReader,
  deepgramReader,
  awsTranscribeReader,
  whisperReader,
  speakerListReader,
];
