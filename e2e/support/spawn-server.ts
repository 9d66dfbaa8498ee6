// Starts a production Verbatim server of a test's own, on a free port with its own SQLite file (or a database URL the
// test gives, e.g. several servers on one PostgreSQL database), for tests that must see or stop the server process
// itself (its memory, a kill -9). Needs a completed `next build`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { serverEnvironment } from "../../scripts/start";

export interface RunningServer {
  url: string;
  port: number;
  pid: number;
  databasePath: string;
  /** The DATABASE_URL it runs on. */
  databaseUrl: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  /** SIGTERM, then wait for the process to exit. */
  stop(): Promise<void>;
  /** Sends `signal` (SIGKILL by default) and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const root = path.resolve(__dirname, "..", "..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer within 90 s:\n${output()}`);
}

/**
 * Prepares a database (migrations, first admin when ADMIN_EMAIL/ADMIN_PASSWORD are in `env`) and starts
 * scripts/serve.ts on it. Pass `databasePath` to restart a server on a database an earlier one used, or `databaseUrl`
 * to run it on another database (PostgreSQL).
 */
export async function startServer({
  env = {},
  databasePath,
  databaseUrl,
}: { env?: Record<string, string>; databasePath?: string; databaseUrl?: string } = {}): Promise<RunningServer> {
  const port = await freePort();
  const database = databasePath ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-server-")), "server.db");
  const url = `http://localhost:${port}`;
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl ?? `file:${database}`,
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: `spawned-${port}-${path.basename(path.dirname(database))}`,
    SITE_NAME: "Verbatim",
    PORT: String(port),
    TRUSTED_PROXIES: "loopback",
    ...env,
  };

  const prepared = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/prepare-database.ts"], {
    cwd: root,
    env: serverEnv,
    encoding: "utf8",
  });
  if (prepared.status !== 0) throw new Error(`prepare-database failed:\n${prepared.stdout}${prepared.stderr}`);

  let printed = "";
  // As `npm start` does it: the serving process never sees ADMIN_PASSWORD.
  // VERBATIM_SERVER_NODE_ARGS adds Node flags to the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles" to
  // profile it under a benchmark (Node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = (process.env.VERBATIM_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "scripts/serve.ts"], {
    cwd: root,
    env: serverEnvironment(String(port), serverEnv),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  const output = () => printed;
  try {
    await waitUntilServing(`${url}/`, child, output);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }

  const kill = async (signal: NodeJS.Signals = "SIGKILL") => {
    child.kill(signal);
    await exited(child);
  };
  return {
    url,
    port,
    pid: child.pid ?? -1,
    databasePath: database,
    databaseUrl: serverEnv.DATABASE_URL!,
    output,
    stop: () => kill("SIGTERM"),
    kill,
  };
}
