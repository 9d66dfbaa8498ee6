// lib's folders depend on each other in one direction only: a cycle (publishing ↔ search, ingest ↔ transcripts)
// means neither can be understood, tested or replaced on its own. Read from the source, as a newcomer would.
// (That lib never imports components or app is ESLint's job: eslint.config.mjs.)
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LIB = path.join(process.cwd(), "lib");

/** lib/<folder>/… belongs to <folder>; lib/<file>.ts is a unit of its own. */
function unitOf(relative: string): string {
  const [first, ...rest] = relative.split("/");
  return rest.length > 0 ? (first as string) : (first as string).replace(/\.tsx?$/, "");
}

/** Test code is left out: tests and their helpers may reach across folders. */
function isProductionSource(relative: string): boolean {
  return (
    /\.tsx?$/.test(relative) &&
    !/\.test\.tsx?$/.test(relative) &&
    !/(^|\/)(test-support|test-fixture)(\/|\.tsx?$)/.test(relative) &&
    !relative.startsWith("test/") &&
    !relative.startsWith("generated/")
  );
}

function dependencies(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const relative of fs.readdirSync(LIB, { recursive: true }) as string[]) {
    const file = relative.split(path.sep).join("/");
    if (!isProductionSource(file)) continue;
    const from = unitOf(file);
    const source = fs.readFileSync(path.join(LIB, file), "utf8");
    for (const match of source.matchAll(/^\s*(?:import|export)[^;]*?from\s+"@\/lib\/([^"]+)"/gm)) {
      const to = unitOf(match[1] as string);
      if (to === from || to === "generated") continue;
      if (!graph.has(from)) graph.set(from, new Map());
      graph.get(from)!.set(to, file);
    }
  }
  return graph;
}

/** Every cycle's path, as "a → b (file) → a", found by depth-first search. */
function cycles(graph: Map<string, Map<string, string>>): string[] {
  const found: string[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (unit: string) => {
    state.set(unit, "open");
    stack.push(unit);
    for (const [next, file] of graph.get(unit) ?? []) {
      if (state.get(next) === "open") {
        const loop = stack.slice(stack.indexOf(next));
        found.push(`${[...loop, next].join(" → ")} (last step in lib/${file})`);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(unit, "done");
  };
  for (const unit of graph.keys()) if (!state.has(unit)) visit(unit);
  return found;
}

describe("lib's folders", () => {
  it("depend on each other without a cycle", () => {
    const graph = dependencies();
    // The walk saw the code: the folders that must stay apart do depend on what they use.
    expect(graph.get("search")?.has("publishing")).toBe(true);
    expect(graph.get("transcripts")?.has("ingest")).toBe(true);
    expect(cycles(graph)).toEqual([]);
  });

  it("would report a cycle", () => {
    const graph = new Map([
      ["a", new Map([["b", "a/x.ts"]])],
      ["b", new Map([["a", "b/y.ts"]])],
    ]);
    expect(cycles(graph)).toEqual(["a → b → a (last step in lib/b/y.ts)"]);
  });
});
