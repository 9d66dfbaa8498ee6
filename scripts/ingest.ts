// `npm run ingest -- FILE... [--dry-run] [--json] [--as EMAIL]`
//
// Parses transcript files with the same pipeline as the upload page and POST /api/transcripts. With --dry-run
// nothing is written (and the database is never opened); otherwise each file becomes a draft owned by --as, in its own
// transaction. Files are parsed in the same worker pool as uploads (built first when stale), with the same limits.
// Exit codes: 0 all files done, 2 bad input or usage (one line on stderr each), 1 unexpected failure.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { capFilename, IngestError, toDryRunJson, type IngestResult } from "@/lib/ingest";
import { closeIngestPool, ingestInWorker } from "@/lib/transcripts/ingest-pool";
import { buildIngestWorker } from "./build-ingest-worker";

const USAGE = "Usage: npm run ingest -- FILE... [--dry-run] [--json] [--as EMAIL]";

class UsageError extends Error {}

function readArguments() {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        "dry-run": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        as: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    return { ...values, files: positionals };
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}. ${USAGE}`);
  }
}

function readFileBytes(file: string): Uint8Array {
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new UsageError(`${file}: is a folder, not a file.`);
    return new Uint8Array(fs.readFileSync(file));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT" ? `${file}: no such file.` : `${file}: cannot be read (${code ?? "error"}).`,
    );
  }
}

async function main(): Promise<number> {
  const args = readArguments();
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.files.length === 0) throw new UsageError(`Name at least one file. ${USAGE}`);
  if (!args["dry-run"] && !args.as)
    throw new UsageError(`Say whose drafts these are with --as EMAIL, or use --dry-run.`);

  const owner = args["dry-run"] ? null : await findOwner(args.as ?? "");
  await buildIngestWorker({ onlyIfStale: true });
  const documents: unknown[] = [];
  let failures = 0;

  for (const file of args.files) {
    try {
      const input = { bytes: readFileBytes(file), filename: capFilename(path.basename(file)) };
      if (owner) {
        const { createDraftFromUpload } = await import("@/lib/transcripts/create-draft");
        const draft = await createDraftFromUpload({ userId: owner.id, input });
        if (args.json) documents.push({ file, id: draft.id, slug: draft.slug, title: draft.title });
        else console.log(`${file}: draft "${draft.title}" created (${draft.segments} paragraphs).`);
      } else {
        const result = await ingestInWorker(input);
        if (args.json) documents.push(toDryRunJson(result));
        else printSummary(file, result);
      }
    } catch (error) {
      // One refused file does not stop the others; each was its own transaction.
      if (error instanceof UsageError) console.error(error.message);
      else if (error instanceof IngestError) console.error(`${file}: ${error.message}`);
      else throw error;
      failures++;
    }
  }
  await closeIngestPool();
  if (args.json && documents.length > 0) {
    process.stdout.write(`${JSON.stringify(args.files.length === 1 ? documents[0] : documents, null, 2)}\n`);
  }
  return failures > 0 ? 2 : 0;
}

async function findOwner(email: string) {
  const { db } = await import("@/lib/db");
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, active: true },
  });
  if (!user || !user.active) throw new UsageError(`--as ${email}: no active staff account has this email.`);
  return user;
}

function printSummary(file: string, result: IngestResult) {
  const lines = [
    `${file}: ${result.source.format}, ${result.source.encoding}, ${result.source.bytes} bytes`,
    `  title:    ${result.title ?? "(none)"}`,
    `  date:     ${result.occurredAt ?? "(none)"}    place: ${result.place ?? "(none)"}    language: ${result.language ?? "(unknown)"}`,
    `  speakers: ${result.speakers.map((speaker) => speaker.name).join(", ") || "(none)"}`,
    `  text:     ${result.segments.length} paragraphs, ${result.wordCount} words`,
    `  removed:  ${result.removed.length} lines${result.removed.map((line) => `\n    - ${line.text}  (${line.reason})`).join("")}`,
    ...result.warnings.map((warning) => `  warning:  ${warning}`),
  ];
  console.log(lines.join("\n"));
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(`ingest failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
