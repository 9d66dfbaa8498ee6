// The frame every benchmark that starts a server of its own keeps around its measuring (bench:big, bench:live,
// bench:public): the build it measures, temporary folders that go on every way out (the end, an error, Ctrl-C,
// SIGTERM), and the server stopped on a signal, on an error, or when the run passes its bound.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RunningServer } from "../../e2e/support/spawn-server";

const root = process.cwd();

/** Builds first when .next has no build; otherwise says which build it measures. */
export function ensureBuild(): void {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) {
    console.log("No build in .next: building first (npm run build)…");
    const build = spawnSync("npm", ["run", "build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
    if (build.status !== 0) throw new Error("The build failed (output above).");
  } else {
    console.log(`Reusing the build in .next (built ${fs.statSync(buildId).mtime.toISOString()}); rebuild if stale.`);
  }
}

export const formatNumber = (value: number, digits = 0) =>
  value.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export class BenchRun {
  /** The server under measurement, once started: stopped on every way out. */
  server: RunningServer | null = null;
  private readonly leftovers: string[] = [];
  private readonly deadline: NodeJS.Timeout;

  constructor(
    private readonly name: string,
    timeoutMs: number,
  ) {
    process.on("exit", () => this.removeLeftovers());
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => {
        console.error(`\nStopped by ${signal}.`);
        void this.kill().finally(() => process.exit(130));
      });
    }
    this.deadline = setTimeout(() => {
      console.error(`The benchmark ran past its ${Math.round(timeoutMs / 60_000)}-minute bound; stopping.`);
      void this.kill().finally(() => process.exit(1));
    }, timeoutMs);
    this.deadline.unref();
  }

  /** A new folder in the system's temporary folder, removed when the run ends. */
  temporaryFolder(prefix: string): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    this.leftovers.push(folder);
    return folder;
  }

  /** A file or folder outside the temporary folders to remove when the run ends, however it ends. */
  removeAtEnd(file: string): void {
    this.leftovers.push(file);
  }

  /** The run finished within its bound: stops the server and removes what the run made. */
  async finish(): Promise<void> {
    clearTimeout(this.deadline);
    await this.server?.stop();
    this.server = null;
    this.removeLeftovers();
  }

  /** Runs `main`: exits 0 when it ends, 1 with what went wrong (and the server's last words) when it fails. */
  run(main: () => Promise<void>): void {
    main()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(
          `${this.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        if (this.server) console.error(`Server output:\n${this.server.output().slice(-4_000)}`);
        void this.kill().finally(() => process.exit(1));
      });
  }

  private kill(): Promise<unknown> {
    return this.server?.kill() ?? Promise.resolve();
  }

  private removeLeftovers(): void {
    for (const file of this.leftovers.splice(0)) fs.rmSync(file, { recursive: true, force: true });
  }
}
