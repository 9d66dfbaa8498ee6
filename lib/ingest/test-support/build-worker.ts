// Vitest global setup: the ingestion worker pool runs dist/ingest-worker.mjs, so build it first when stale.
import { buildIngestWorker } from "../../../scripts/build-ingest-worker";

export default async function setup(): Promise<void> {
  await buildIngestWorker({ onlyIfStale: true });
}
