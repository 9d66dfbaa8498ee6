// `tsx scripts/build-ingest-worker.ts`: bundles lib/transcripts/ingest-worker.ts (and the pipeline it imports) into
// dist/ingest-worker.mjs, the file lib/transcripts/ingest-pool.ts runs in worker threads, and
// lib/export/export-worker.ts into dist/export-worker.mjs (lib/export/off-thread.ts). The Next server bundles lib code into
// its own chunks, so worker threads need a standalone file; npm packages stay external and load from node_modules.
// `npm run build`, `npm run test:e2e`, vitest (global setup) and `npm run ingest` build it; only when stale.
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = process.cwd();
export const INGEST_WORKER_ENTRY = path.join(root, "lib", "transcripts", "ingest-worker.ts");
export const INGEST_WORKER_BUNDLE = path.join(root, "dist", "ingest-worker.mjs");
/** The export worker (lib/export/export-worker.ts, run by lib/export/off-thread.ts), built beside it. */
export const EXPORT_WORKER_ENTRY = path.join(root, "lib", "export", "export-worker.ts");
export const EXPORT_WORKER_BUNDLE = path.join(root, "dist", "export-worker.mjs");
const BUNDLES = [INGEST_WORKER_BUNDLE, EXPORT_WORKER_BUNDLE];
/** The inputs esbuild read last time, with their sizes and times: the bundle is stale when any changed. */
const INPUTS_FILE = path.join(root, "dist", "ingest-worker.inputs.json");

type InputStamps = Record<string, string>;

function stamp(file: string): string | null {
  try {
    const stat = fs.statSync(path.join(root, file));
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return null;
  }
}

function isFresh(): boolean {
  if (BUNDLES.some((bundle) => !fs.existsSync(bundle)) || !fs.existsSync(INPUTS_FILE)) return false;
  try {
    const inputs = JSON.parse(fs.readFileSync(INPUTS_FILE, "utf8")) as InputStamps;
    const files = Object.keys(inputs);
    // A file added under lib/ingest may be imported by a changed one; the changed one's stamp catches that.
    return files.length > 0 && files.every((file) => stamp(file) === inputs[file]);
  } catch {
    return false;
  }
}

/** Builds the worker bundle; with `onlyIfStale`, returns at once when no input changed since the last build. */
export async function buildIngestWorker({ onlyIfStale = false }: { onlyIfStale?: boolean } = {}): Promise<{
  built: boolean;
  file: string;
}> {
  if (onlyIfStale && isFresh()) return { built: false, file: INGEST_WORKER_BUNDLE };
  const result = await build({
    entryPoints: { "ingest-worker": INGEST_WORKER_ENTRY, "export-worker": EXPORT_WORKER_ENTRY },
    outdir: path.dirname(INGEST_WORKER_BUNDLE),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Packages load from node_modules as they do everywhere else; only our own TypeScript is bundled.
    packages: "external",
    alias: { "@": root },
    tsconfig: path.join(root, "tsconfig.json"),
    metafile: true,
    logLevel: "warning",
    legalComments: "none",
    // Written beside and renamed into place, so a server or test run starting a worker never reads half a file.
    write: false,
  });
  fs.mkdirSync(path.dirname(INGEST_WORKER_BUNDLE), { recursive: true });
  for (const bundle of BUNDLES) {
    const output = result.outputFiles.find((file) => file.path === bundle);
    if (!output) throw new Error(`esbuild wrote no ${path.basename(bundle)}.`);
    const partial = `${bundle}.${process.pid}.partial`;
    fs.writeFileSync(partial, output.contents);
    fs.renameSync(partial, bundle);
  }
  const inputs: InputStamps = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const current = stamp(file);
    if (current) inputs[file] = current;
  }
  fs.writeFileSync(`${INPUTS_FILE}.${process.pid}.partial`, `${JSON.stringify(inputs, null, 2)}\n`);
  fs.renameSync(`${INPUTS_FILE}.${process.pid}.partial`, INPUTS_FILE);
  return { built: true, file: INGEST_WORKER_BUNDLE };
}

// Run directly (not imported by vitest's global setup or the CLI).
if (/build-ingest-worker\.ts$/.test(process.argv[1] ?? "")) {
  buildIngestWorker({ onlyIfStale: process.argv.includes("--if-stale") })
    .then(({ built, file }) => {
      if (built) console.log(`Built ${path.relative(root, file)}.`);
    })
    .catch((error: unknown) => {
      console.error(
        `The ingestion worker could not be built: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    });
}
