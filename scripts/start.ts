// `npm start`: migrate the database, handle first run, build when the code changed, then serve.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { buildIngestWorker } from "./build-ingest-worker";
import { assertSharedSecret } from "@/lib/auth/secret";
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

export function buildIfStale(): void {
  const fingerprint = sourceFingerprint();
  const built =
    fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(fingerprintFile)
      ? fs.readFileSync(fingerprintFile, "utf8")
      : null;
  if (built === fingerprint) return;
  console.log("Building Verbatim (first start, or the code changed)…");
  // `npm run build` builds the ingestion worker as well as the Next app.
  const build = spawnSync("npm", ["run", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (build.status !== 0) throw new Error("The build failed (output above).");
  fs.writeFileSync(fingerprintFile, fingerprint);
}

/**
 * The server's environment: without the first admin's password, which is needed only to create that account and
 * would otherwise sit in the serving process (readable from /proc by anything running as the same user).
 */
export function serverEnvironment(port: string, environment: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { ADMIN_PASSWORD: _password, ...rest } = environment;
  return { ...rest, PORT: port };
}

async function main(): Promise<void> {
  const port = process.env.PORT || "3000";
  process.env.NEXTAUTH_URL ||= process.env.SITE_URL || `http://localhost:${port}`;
  process.umask(0o077);
  assertSharedSecret();
  await prepareDatabase();
  buildIfStale();
  // Normally built by `npm run build` above; this covers a dist/ folder deleted since (milliseconds when current).
  await buildIngestWorker({ onlyIfStale: true });
  // scripts/serve.ts wraps Next's request handler to stamp a trustworthy client address on every request.
  const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "serve.ts")], {
    stdio: "inherit",
    env: serverEnvironment(port),
  });
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
