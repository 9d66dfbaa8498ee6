// `npm start`: migrate the database, handle first run, build when the code changed, then serve.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { buildIngestWorker } from "./build-ingest-worker";
import { assertSharedSecret } from "@/lib/auth/secret";
import type { FirstRunOutcome } from "@/lib/users/first-admin";
import { prepareDatabase } from "./prepare-database";

const root = process.cwd();
const fingerprintFile = path.join(root, ".next", "verbatim-build-fingerprint");
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "prisma",
  "proxy.ts",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
];

/** Sizes and modification times of everything the build reads, plus the settings baked into static pages. */
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const visit = (entry: string) => {
    const full = path.join(root, entry);
    if (!fs.existsSync(full) || entry.startsWith(path.join("lib", "generated"))) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(full).sort()) visit(path.join(entry, child));
    } else {
      hash.update(`${entry}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  SOURCES.forEach(visit);
  hash.update(`SITE_NAME=${process.env.SITE_NAME ?? ""}`);
  return hash.digest("hex");
}

/** Builds when the code changed since the last build; true when it built. */
export function buildIfStale(): boolean {
  const fingerprint = sourceFingerprint();
  const built =
    fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(fingerprintFile)
      ? fs.readFileSync(fingerprintFile, "utf8")
      : null;
  if (built === fingerprint) return false;
  console.log("Building Verbatim (first start, or the code changed)…");
  // `npm run build` builds the ingestion worker as well as the Next app.
  const build = spawnSync("npm", ["run", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (build.status !== 0) throw new Error("The build failed (output above).");
  fs.writeFileSync(fingerprintFile, fingerprint);
  return true;
}

/**
 * The setup link again, after the build's hundred lines of output buried the one printed before it: the last thing
 * a person starting Verbatim for the first time reads. Null when there is nothing to repeat.
 */
export function setupLinkReminder(firstRun: FirstRunOutcome, built: boolean): string | null {
  if (firstRun.kind !== "setup-link" || !built) return null;
  return `\nVerbatim is built. To create the first admin, open this one-time link: ${firstRun.link.url}`;
}

/**
 * The server's environment: without the first admin's password, which is needed only to create that account and
 * would otherwise sit in the serving process (readable from /proc by anything running as the same user).
 */
export function serverEnvironment(port: string, environment: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { ADMIN_PASSWORD: _password, ...rest } = environment;
  return { ...rest, PORT: port };
}

/** Whether `url` answers (any status) within a minute. */
async function whenAnswering(url: string): Promise<boolean> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000), redirect: "manual" });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return false;
}

async function main(): Promise<void> {
  const port = process.env.PORT || "3000";
  process.env.NEXTAUTH_URL ||= process.env.SITE_URL || `http://localhost:${port}`;
  process.umask(0o077);
  assertSharedSecret();
  const firstRun = await prepareDatabase();
  const built = buildIfStale();
  // Normally built by `npm run build` above; this covers a dist/ folder deleted since (milliseconds when current).
  await buildIngestWorker({ onlyIfStale: true });
  // scripts/serve.ts wraps Next's request handler to stamp a trustworthy client address on every request.
  const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "serve.ts")], {
    stdio: "inherit",
    env: serverEnvironment(port),
  });
  const reminder = setupLinkReminder(firstRun, built);
  // Once the server says it is listening, so the link comes after its lines too.
  if (reminder) void whenAnswering(`http://127.0.0.1:${port}/`).then((answering) => answering && console.log(reminder));
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`Verbatim could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
