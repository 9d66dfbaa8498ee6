// A PostgreSQL server of Verbatim's own on this machine, from Debian's binaries (package `postgresql`): for the tests
// (throwaway: a temporary folder, no fsync, removed on stop) and `npm run cluster` (kept: a data folder that
// survives restarts). Loopback only, trust authentication. As root, the server runs as the `postgres` user, as
// PostgreSQL requires. Started in about two seconds.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface LocalPostgres {
  /** postgresql://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** The server's data folder. */
  data: string;
  stop(): void;
}

/** The folder holding initdb and pg_ctl: PG_BIN, else the newest /usr/lib/postgresql/<version>/bin. */
export function findPostgresBinaries(): string {
  const candidates = [
    process.env.PG_BIN,
    ...(fs.existsSync("/usr/lib/postgresql")
      ? fs
          .readdirSync("/usr/lib/postgresql")
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => path.join("/usr/lib/postgresql", version, "bin"))
      : []),
  ].filter((folder): folder is string => Boolean(folder));
  const found = candidates.find((folder) => fs.existsSync(path.join(folder, "initdb")));
  if (!found) {
    throw new Error(
      "PostgreSQL's server programs are not installed: run `apt-get install -y postgresql` (or set PG_BIN to the folder holding initdb and pg_ctl).",
    );
  }
  return found;
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** Runs a PostgreSQL program as the user it must run as (`postgres` when we are root). */
function runAsServerUser(program: string, args: string[]): void {
  const [command, fullArgs] = isRoot() ? ["runuser", ["-u", "postgres", "--", program, ...args]] : [program, args];
  const result = spawnSync(command, fullArgs, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${path.basename(program)} failed: ${(result.stderr || result.stdout || "").trim()}`);
  }
}

export interface LocalPostgresOptions {
  /** The folder for the data and the log; a new temporary one when absent (and removed on stop). */
  folder?: string;
  port?: number;
  /** Skips fsync and friends: for tests, whose data nobody needs after a crash. */
  throwaway?: boolean;
}

export async function startLocalPostgres({
  folder,
  port,
  throwaway = !folder,
}: LocalPostgresOptions = {}): Promise<LocalPostgres> {
  const bin = findPostgresBinaries();
  const home = folder ?? fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-postgres-"));
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  const data = path.join(home, "data");
  if (isRoot()) execFileSync("chown", ["postgres", home]);
  if (!fs.existsSync(path.join(data, "PG_VERSION"))) {
    runAsServerUser(path.join(bin, "initdb"), [
      "-D",
      data,
      "-U",
      "postgres",
      "--auth=trust",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
    ]);
  }
  const listenPort = port ?? (await freePort());
  const settings = [`-p ${listenPort}`, `-k ${home}`, "-c listen_addresses=127.0.0.1", "-c max_connections=300"];
  if (throwaway) settings.push("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off");
  runAsServerUser(path.join(bin, "pg_ctl"), [
    "-D",
    data,
    "-l",
    path.join(home, "server.log"),
    "-w",
    "start",
    "-o",
    settings.join(" "),
  ]);
  let isStopped = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${listenPort}/postgres`,
    port: listenPort,
    data,
    stop() {
      if (isStopped) return;
      isStopped = true;
      try {
        runAsServerUser(path.join(bin, "pg_ctl"), ["-D", data, "-m", throwaway ? "immediate" : "fast", "-w", "stop"]);
      } finally {
        if (!folder) fs.rmSync(home, { recursive: true, force: true });
      }
    },
  };
}
