// Verbatim's transcript ingestion: bytes in, a cleaned, structured transcript out (or an IngestError saying why
// not). Framework-free; called by the upload route, the API and the CLI alike.
export {
  ingestFile,
  ingestFileWithTimings,
  maxIngestBytes,
  assertIngestSize,
  INGEST_STAGES,
  type IngestStage,
  type StageTimings,
} from "./pipeline";
export { toDryRunJson, type DryRunDocument } from "./dry-run";
export * from "./types";
