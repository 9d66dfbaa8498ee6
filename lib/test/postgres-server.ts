// A throwaway PostgreSQL server for the tests and `npm run cluster`: Debian's binaries (package `postgresql`),
// a data folder of its own, loopback only, trust authentication, no fsync. Started in about two seconds; stopped
// (and its folder removed) by `stop()`. As root, the server runs as the `postgres` user, as PostgreSQL requires.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface ThrowawayPostgres {
  /** postgresql://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
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

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** Runs a PostgreSQL program as the user it must run as (`postgres` when we are root). */
function runAsServerUser(program: string, args: string[]): void {
  const [command, fullArgs] = isRoot() ? ["runuser", ["-u", "postgres", "--", program, ...args]] : [program, args];
  const result = spawnSync(command, fullArgs, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${path.basename(program)} failed: ${(result.stderr || result.stdout || "").trim()}`);
  }
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = findPostgresBinaries();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-postgres-"));
  const data = path.join(folder, "data");
  if (isRoot()) execFileSync("chown", ["postgres", folder]);
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
  const port = await freePort();
  runAsServerUser(path.join(bin, "pg_ctl"), [
    "-D",
    data,
    "-l",
    path.join(folder, "server.log"),
    "-w",
    "start",
    "-o",
    `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`,
  ]);
  let isStopped = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      if (isStopped) return;
      isStopped = true;
      try {
        runAsServerUser(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
