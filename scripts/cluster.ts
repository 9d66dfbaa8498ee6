// `npm run cluster [-- --servers N]`: Verbatim as a newsroom runs it at scale, on one machine. A PostgreSQL server of
// its own (data kept between runs), N Verbatim servers (default 2) on that database, nginx in front of them and
// Varnish in front of nginx, configured from deploy/. Prints the address; Ctrl-C stops all of it.
//
//   readers → Varnish :6081 → nginx :6080 → Verbatim :3001, :3002, …  → PostgreSQL :54329
//
// Ports: CLUSTER_EDGE_PORT, CLUSTER_PROXY_PORT, CLUSTER_SERVER_PORT (the first server's), CLUSTER_POSTGRES_PORT.
// ADMIN_EMAIL / ADMIN_PASSWORD create the first admin on the first run, as with `npm start`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { findPostgresBinaries, isRoot, startLocalPostgres, type LocalPostgres } from "@/lib/db/postgresql/local-server";
import { nginxMainConfig, nginxSiteConfig, varnishConfig, type ClusterPorts } from "@/lib/ops/cluster-config";
import { buildIngestWorker } from "./build-ingest-worker";
import { prepareDatabase } from "./prepare-database";
import { buildIfStale, serverEnvironment } from "./start";

const root = process.cwd();

class SetupError extends Error {}

const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 && value < 65_536 ? value : fallback;
};

/** Everything the cluster needs that this machine may lack, as one apt-get line. */
function checkTools(): { nginx: string; varnishd: string } {
  const missing: string[] = [];
  try {
    findPostgresBinaries();
  } catch {
    missing.push("postgresql");
  }
  const which = (program: string, folders = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"]) =>
    [...folders, ...(process.env.PATH ?? "").split(path.delimiter)]
      .map((folder) => path.join(folder, program))
      .find((file) => fs.existsSync(file));
  const nginx = which("nginx");
  if (!nginx) missing.push("nginx");
  const varnishd = which("varnishd");
  if (!varnishd) missing.push("varnish");
  const xkey = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib", "/usr/local/lib"].some(
    (folder) => fs.existsSync(path.join(folder, "varnish", "vmods", "libvmod_xkey.so")),
  );
  if (!xkey) missing.push("varnish-modules");
  if (missing.length > 0) {
    throw new SetupError(
      `npm run cluster needs ${missing.join(", ")}: install with\n  sudo apt-get install -y ${missing.join(" ")}\nthen run it again.`,
    );
  }
  return { nginx: nginx!, varnishd: varnishd! };
}

async function waitFor(url: string, what: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new SetupError(`${what} stopped (exit ${child.exitCode}):\n${log()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status < 500) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new SetupError(`${what} did not answer at ${url} within 2 minutes:\n${log()}`);
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv, name: string) {
  let output = "";
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", (chunk: Buffer) => {
    keep(chunk);
    process.stderr.write(`[${name}] ${chunk}`);
  });
  return { child, log: () => output };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { servers: { type: "string" } } });
  const count = Number(values.servers ?? 2);
  if (!Number.isInteger(count) || count < 1 || count > 16)
    throw new SetupError("--servers takes a number from 1 to 16.");
  const tools = checkTools();

  const firstServer = numberFrom("CLUSTER_SERVER_PORT", 3001);
  const ports: ClusterPorts = {
    edge: numberFrom("CLUSTER_EDGE_PORT", 6081),
    proxy: numberFrom("CLUSTER_PROXY_PORT", 6080),
    servers: Array.from({ length: count }, (_, index) => firstServer + index),
  };
  // PostgreSQL refuses to run as root, and its user cannot enter data/ (0700, Verbatim's private files): as root,
  // the cluster keeps its files in /var/tmp instead.
  const folder = isRoot() ? "/var/tmp/verbatim-cluster" : path.join(root, "data", "cluster");
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (isRoot()) fs.chmodSync(folder, 0o711);

  const children: { name: string; child: ChildProcess }[] = [];
  let postgres: LocalPostgres | null = null;
  let stopping = false;
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping the cluster…");
    for (const { child } of [...children].reverse()) child.kill("SIGTERM");
    setTimeout(() => {
      for (const { child } of children) if (child.exitCode === null) child.kill("SIGKILL");
      try {
        postgres?.stop();
      } catch (error) {
        console.error(`PostgreSQL did not stop cleanly: ${(error as Error).message}`);
      }
      process.exit(code);
    }, 2_000);
  };
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));

  try {
    const postgresPort = numberFrom("CLUSTER_POSTGRES_PORT", 54329);
    console.log(`Starting PostgreSQL on 127.0.0.1:${postgresPort} (data in ${path.join(folder, "postgres")})…`);
    postgres = await startLocalPostgres({ folder: path.join(folder, "postgres"), port: postgresPort });
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'verbatim'");
    if (exists.rowCount === 0) await admin.query("CREATE DATABASE verbatim");
    await admin.end();
    const databaseUrl = postgres.url.replace(/\/postgres$/, "/verbatim");

    const secretFile = path.join(folder, "auth-secret");
    if (!fs.existsSync(secretFile))
      fs.writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
    const site = `http://localhost:${ports.edge}`;
    const environment: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: fs.readFileSync(secretFile, "utf8").trim(),
      SITE_URL: site,
      NEXTAUTH_URL: site,
      TRUSTED_PROXIES: "loopback",
      HOSTNAME: "127.0.0.1",
      EDGE_PURGE_URL: `http://127.0.0.1:${ports.edge}/`,
    };
    Object.assign(process.env, environment);
    await prepareDatabase();
    buildIfStale();
    await buildIngestWorker({ onlyIfStale: true });

    for (const port of ports.servers) {
      const name = `server :${port}`;
      const server = start(
        process.execPath,
        ["--import", "tsx", path.join(root, "scripts", "serve.ts")],
        serverEnvironment(String(port), environment),
        name,
      );
      children.push({ name, child: server.child });
      await waitFor(
        `http://127.0.0.1:${port}/api/health`,
        `The Verbatim server on port ${port}`,
        server.child,
        server.log,
      );
    }

    const nginxFolder = path.join(folder, "nginx");
    fs.mkdirSync(nginxFolder, { recursive: true });
    const shippedSite = fs.readFileSync(path.join(root, "deploy", "nginx", "verbatim.conf"), "utf8");
    const nginxConf = path.join(nginxFolder, "nginx.conf");
    fs.writeFileSync(nginxConf, nginxMainConfig(nginxSiteConfig(shippedSite, ports), nginxFolder));
    const nginx = start(tools.nginx, ["-c", nginxConf, "-p", nginxFolder], process.env, "nginx");
    children.push({ name: "nginx", child: nginx.child });
    await waitFor(`http://127.0.0.1:${ports.proxy}/api/health`, "nginx", nginx.child, nginx.log);

    const varnishFolder = path.join(folder, "varnish");
    fs.mkdirSync(varnishFolder, { recursive: true });
    const vcl = path.join(folder, "default.vcl");
    const shippedVcl = fs.readFileSync(path.join(root, "deploy", "varnish", "default.vcl"), "utf8");
    fs.writeFileSync(vcl, varnishConfig(shippedVcl, ports), { mode: 0o644 });
    const check = spawnSync(tools.varnishd, ["-C", "-f", vcl, "-n", varnishFolder], { encoding: "utf8" });
    if (check.status !== 0) throw new SetupError(`Varnish refused ${vcl}:\n${check.stderr}`);
    const varnish = start(
      tools.varnishd,
      ["-F", "-a", `127.0.0.1:${ports.edge}`, "-f", vcl, "-s", "malloc,256m", "-n", varnishFolder],
      process.env,
      "varnish",
    );
    children.push({ name: "varnish", child: varnish.child });
    await waitFor(`http://127.0.0.1:${ports.edge}/api/health`, "Varnish", varnish.child, varnish.log);

    for (const { name, child } of children) {
      child.on("exit", (code) => {
        if (!stopping) {
          console.error(`${name} stopped (exit ${code}); stopping the cluster.`);
          stopAll(1);
        }
      });
    }
    console.log(
      [
        "",
        `Verbatim is running at ${site}`,
        `  readers → Varnish :${ports.edge} → nginx :${ports.proxy} → ${ports.servers.map((port) => `Verbatim :${port}`).join(", ")} → PostgreSQL :${postgresPort}`,
        `  DATABASE_URL=${databaseUrl} (for npm run token, db:migrate, backup)`,
        "Press Ctrl-C to stop all of it.",
      ].join("\n"),
    );
  } catch (error) {
    console.error(error instanceof SetupError ? error.message : `The cluster could not start: ${String(error)}`);
    stopAll(error instanceof SetupError ? 2 : 1);
  }
}

void main();
