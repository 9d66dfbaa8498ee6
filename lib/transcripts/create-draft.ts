import type { Fidelity } from "@/lib/generated/prisma/enums";
import { DEFAULT_DATABASE_URL } from "@/lib/db/database-url";
import type { IngestInput } from "@/lib/ingest";
import type { DraftOverrides } from "@/lib/transcripts/draft-overrides";
import {
  createDraftInWorker,
  type IngestInWorkerOptions,
  type StoredDraftSummary,
} from "@/lib/transcripts/ingest-pool";

export { suggestFidelity } from "@/lib/transcripts/store-draft";

export interface CreateDraftInput {
  userId: string;
  input: IngestInput;
  /** Overrides what the parser found. */
  title?: string;
  fidelity?: Fidelity;
  /** The reporter's date, place and speaker names (lib/transcripts/draft-overrides.ts). */
  overrides?: DraftOverrides;
}

export type CreatedDraft = StoredDraftSummary;

/**
 * Parses an upload and stores it as a draft, both in the ingestion worker pool (lib/transcripts/ingest-worker.ts,
 * lib/transcripts/store-draft.ts), in one transaction: the original bytes, the transcript, its speakers,
 * paragraphs, entity suggestions and the audit entry. A refused file writes nothing. The calling thread (the
 * server's, which also serves pages) only waits.
 */
export async function createDraftFromUpload(
  { userId, input, title, fidelity, overrides }: CreateDraftInput,
  options?: IngestInWorkerOptions,
): Promise<CreatedDraft> {
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  return createDraftInWorker(input, { databaseUrl, userId, title, fidelity, overrides }, options);
}
