import { afterEach, describe, expect, it, vi } from "vitest";
import { log } from "@/lib/ops/log";
import {
  auditDetailsSchema,
  cleanupReportSchema,
  readJson,
  revisionChangesSchema,
  tagsSchema,
  warningsSchema,
  writeJson,
} from "./json-columns";

describe("JSON columns", () => {
  afterEach(() => vi.restoreAllMocks());

  it("reads a cleanup report as the upload wrote it", () => {
    const text = JSON.stringify({
      removed: [{ id: 3, line: 120, text: "Subscribe", reasonCode: "footer", reason: "Channel footer" }],
      restored: [3],
    });
    expect(readJson(cleanupReportSchema, text, { removed: [], restored: [] })).toEqual(JSON.parse(text));
  });

  it("fills missing parts of an old report with empty lists", () => {
    expect(readJson(cleanupReportSchema, "{}", { removed: [], restored: [] })).toEqual({ removed: [], restored: [] });
  });

  it("falls back, with a log line, when a column does not parse or has the wrong shape", () => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
    expect(readJson(warningsSchema, "not json", ["fallback"])).toEqual(["fallback"]);
    expect(readJson(warningsSchema, '{"a":1}', [])).toEqual([]);
    expect(readJson(auditDetailsSchema, "[1,2]", {})).toEqual({});
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it("refuses to write a value of the wrong shape", () => {
    expect(writeJson(tagsSchema, ["nato", "defence"])).toBe('["nato","defence"]');
    expect(() => writeJson(tagsSchema, [1] as unknown as string[])).toThrow();
    expect(() =>
      writeJson(revisionChangesSchema, [{ type: "page", id: "x", before: null, after: null }] as never),
    ).toThrow();
  });
});
