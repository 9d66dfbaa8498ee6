import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

function runWriter(label: string, rounds: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      path.join(process.cwd(), "node_modules", ".bin", "tsx"),
      [path.join(process.cwd(), "lib", "test", "concurrent-writer.ts"), label, String(rounds)],
      { env: process.env },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("the database client", () => {
  it("lets several processes write through read-then-write transactions without 'database is locked'", async () => {
    await db.auditEvent.deleteMany({ where: { action: "setup.completed" } });
    const rounds = 25;
    const results = await Promise.all(["a", "b", "c"].map((label) => runWriter(label, rounds)));
    for (const result of results) expect(result).toEqual({ code: 0, stderr: "" });
    expect(await db.auditEvent.count({ where: { action: "setup.completed" } })).toBe(3 * rounds);
  }, 60_000);
});
