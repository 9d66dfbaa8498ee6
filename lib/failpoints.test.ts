import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { failpoint } from "./failpoints";

describe("failpoint", () => {
  const saved = process.env.VERBATIM_FAILPOINTS;
  afterEach(() => {
    process.env.VERBATIM_FAILPOINTS = saved;
  });

  it("does nothing unless its name is listed", () => {
    process.env.VERBATIM_FAILPOINTS = "some.other-point";
    expect(() => failpoint("store-draft.after-segments")).not.toThrow();
  });

  it("announces itself and blocks the thread when enabled", () => {
    const script = `
      require(${JSON.stringify(new URL("./failpoints.ts", import.meta.url).pathname)}).failpoint("store-draft.after-segments");
      console.log("passed the failpoint");`;
    const run = spawnSync(process.execPath, ["--import", "tsx", "-e", script], {
      encoding: "utf8",
      timeout: 3_000,
      env: { ...process.env, VERBATIM_FAILPOINTS: "x, store-draft.after-segments" },
    });
    expect(run.stderr).toContain("[failpoint] store-draft.after-segments reached");
    expect(run.stdout).not.toContain("passed the failpoint");
    expect(run.signal).toBe("SIGTERM");
  });
});
