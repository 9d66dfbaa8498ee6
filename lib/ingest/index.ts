// Verbatim's transcript ingestion: bytes in, a cleaned, structured transcript out (or an IngestError saying why
// not). Framework-free; called by the upload route, the API and the CLI alike.
// Parsing on the request path goes through the worker pool instead: ingestInWorker in lib/transcripts/ingest-pool.ts.
export { ingestFile, ingestFileWithTimings, INGEST_STAGES, type IngestStage, type StageTimings } from "./pipeline";
export { assertIngestSize, maxIngestBytes, maxUnpackedBytes } from "./limits";
export { capFilename, MAX_FILENAME_LENGTH } from "./filename";
export { toDryRunJson, type DryRunDocument } from "./dry-run";
export * from "./types";
