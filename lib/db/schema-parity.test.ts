// Two providers, one model: prisma/sqlite/schema.prisma and prisma/postgresql/schema.prisma must describe the same
// enums and models, field for field, so the app (typed against one generated client) runs on either. Only the
// header (generator output, datasource) and comments may differ, and columns PostgreSQL adds for its own full-text
// search (`Unsupported(...)`, which no query reads through Prisma).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function readSchema(provider: "sqlite" | "postgresql"): string {
  return fs.readFileSync(path.join(process.cwd(), "prisma", provider, "schema.prisma"), "utf8");
}

/** Each enum and model block, comments and spacing taken out, keyed by "model Name" / "enum Name". */
function modelBlocks(schema: string): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  const withoutComments = schema.replace(/\/\/.*$/gm, "");
  for (const match of withoutComments.matchAll(/^(model|enum)\s+(\w+)\s*\{([^}]*)\}/gm)) {
    const all = (match[3] as string).split("\n").map((line) => line.trim().replace(/\s+/g, " "));
    // A database's own columns (`Unsupported(...)`) and the indexes on them are not part of the shared model.
    const ownColumns = all.filter((line) => /\bUnsupported\(/.test(line)).map((line) => line.split(" ")[0] as string);
    const lines = all.filter(
      (line) =>
        line !== "" && !ownColumns.some((column) => line.startsWith(`${column} `) || line.includes(`[${column}]`)),
    );
    blocks.set(`${match[1]} ${match[2]}`, lines);
  }
  return blocks;
}

describe("the SQLite and PostgreSQL schemas", () => {
  it("describe the same enums and models, field for field", () => {
    const sqlite = modelBlocks(readSchema("sqlite"));
    const postgresql = modelBlocks(readSchema("postgresql"));
    expect(sqlite.size).toBeGreaterThan(25);
    expect([...postgresql.keys()].sort()).toEqual([...sqlite.keys()].sort());
    for (const [name, fields] of sqlite) expect(postgresql.get(name), name).toEqual(fields);
  });

  it("would notice a field that differs", () => {
    const schema = readSchema("sqlite");
    const changed = modelBlocks(schema.replace(/(model User \{[^}]*?)name(\s+)String/, "$1name$2String?"));
    expect(changed.get("model User")).not.toEqual(modelBlocks(schema).get("model User"));
  });

  it("differ in their headers: each generates its own client for its own database", () => {
    expect(readSchema("sqlite")).toMatch(/provider\s*=\s*"sqlite"/);
    expect(readSchema("postgresql")).toMatch(/provider\s*=\s*"postgresql"/);
    expect(readSchema("postgresql")).toMatch(/output\s*=\s*"\.\.\/\.\.\/lib\/generated\/postgresql"/);
  });
});
