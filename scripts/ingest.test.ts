import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestUser } from "@/lib/test/factories";

const NATO = path.join(process.cwd(), "lib", "ingest", "fixtures", "nato-press-conference-2019-02-14.txt");

/** Runs the CLI the way docs/ingestion.md says, against this test file's database. */
function ingest(...args: string[]) {
  const result = spawnSync("npm", ["run", "ingest", "--", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function temporaryFile(name: string, content: string | Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-cli-")), name);
  fs.writeFileSync(file, content);
  return file;
}

describe("npm run ingest", () => {
  it("writes exactly one JSON document for --dry-run --json and one file", () => {
    const { code, stdout, stderr } = ingest(NATO, "--dry-run", "--json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(Object.keys(document)).toEqual([
      "source",
      "title",
      "occurredAt",
      "place",
      "sourceUrl",
      "language",
      "convention",
      "speakers",
      "speakerMerges",
      "segments",
      "removed",
      "entities",
      "warnings",
    ]);
    expect(Object.keys(document.source)).toEqual(["filename", "bytes", "sha256", "encoding", "format"]);
    expect(document.source).toMatchObject({
      filename: "nato-press-conference-2019-02-14.txt",
      format: "txt",
      encoding: "utf-8",
    });
    expect(document.occurredAt).toBe("2019-02-14");
    expect(document.speakers).toEqual([{ name: "Jens Stoltenberg" }]);
    expect(Object.keys(document.segments[0])).toEqual(["speaker", "text", "startMs", "endMs"]);
    expect(Object.keys(document.removed[0])).toEqual(["text", "reason"]);
    expect(document.entities).toEqual(
      expect.arrayContaining([{ type: "person", name: "Federica Mogherini", mentions: 1 }]),
    );
  }, 60_000);

  it("refuses bad input with exit code 2 and one line on stderr, no stack trace", () => {
    const empty = temporaryFile("empty.txt", "");
    const { code, stdout, stderr } = ingest(empty, "--dry-run", "--json");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain("empty.txt: The file is empty.");
    expect(stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);

    const missing = ingest("/no/such/file.txt", "--dry-run");
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe("/no/such/file.txt: no such file.");

    const noOwner = ingest(NATO);
    expect(noOwner.code).toBe(2);
    expect(noOwner.stderr.trim()).toBe("Say whose drafts these are with --as EMAIL, or use --dry-run.");
  }, 60_000);

  it("creates drafts owned by --as, one transaction per file, and writes nothing for a refused file", async () => {
    const reporter = await createTestUser();
    const binary = temporaryFile("scan.txt", Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1"));
    const { code, stdout, stderr } = ingest(NATO, binary, "--as", reporter.email);
    expect(code).toBe(2);
    expect(stdout).toContain('draft "Press conference by NATO Secretary General Jens Stoltenberg');
    expect(stderr).toMatch(/scan\.txt: .*PDF/);
    const drafts = await db.transcript.findMany({
      where: { createdById: reporter.id },
      include: { sourceFiles: true },
    });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.sourceFiles[0]?.filename).toBe("nato-press-conference-2019-02-14.txt");

    const unknown = ingest(NATO, "--as", "nobody@newsroom.test");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe("--as nobody@newsroom.test: no active staff account has this email.");
  }, 60_000);
});
