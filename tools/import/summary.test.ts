import { describe, expect, it } from "vitest";
import { exitCode, type ImportReport, summaryTable } from "./run-import.js";

const report = (over: Partial<ImportReport> = {}): ImportReport => ({
  files: 3,
  uploaded: 3,
  duplicates: 0,
  skipped: 0,
  refused: new Map(),
  failed: new Map(),
  bytes: 3 * 1024 * 1024,
  seconds: 2,
  interrupted: false,
  ...over,
});

describe("the import's end", () => {
  it.each([
    ["everything in", report(), 0],
    ["a refusal", report({ refused: new Map([["415 unsupported_media_type", ["a.exe"]]]) }), 1],
    ["a failure", report({ failed: new Map([["network: fetch failed", ["b.pdf"]]]) }), 1],
    ["an indexing failure", report({ indexed: 2, indexFailed: new Map([["bad PDF", ["c.pdf"]]]) }), 1],
    ["an interrupt", report({ interrupted: true, failed: new Map([["x", ["d"]]]) }), 130],
  ])("exits for %s with %i", (_, r, code) => {
    expect(exitCode(r)).toBe(code);
  });

  it("groups refusals by reason and lists a few files of each", () => {
    const keys = Array.from({ length: 12 }, (_, i) => `bin/tool-${i}.pdf`);
    const text = summaryTable(
      report({ refused: new Map([["415 unsupported_media_type: a program", keys]]) }),
    );
    expect(text).toContain("  refused                    12");
    expect(text).toContain("  refused (12): 415 unsupported_media_type: a program");
    expect(text).toContain("      bin/tool-9.pdf");
    expect(text).not.toContain("bin/tool-10.pdf");
    expect(text).toContain("… and 2 more");
    expect(text).toContain("3.0 MB uploaded in 2.0 s (1.5 files/s, 1.50 MB/s)");
  });
});
