import { describe, expect, it } from "vitest";
import type { Machine } from "./machine.js";
import { formatNumber, formatRatio, isoDate, type Report, renderReport, renderTable } from "./report.js";

describe("number formatting", () => {
  it.each([
    [12345.6, "12,346"],
    [123.4, "123"],
    [12.34, "12.3"],
    [1.234, "1.23"],
    [0.01234, "0.012"],
    [0, "0"],
    [Number.NaN, "–"],
  ])("%s -> %s", (n, want) => {
    expect(formatNumber(n)).toBe(want);
  });
  it("ratios", () => {
    expect(formatRatio(1.234)).toBe("×1.23");
    expect(formatRatio(12.34)).toBe("×12.3");
    expect(formatRatio(Number.POSITIVE_INFINITY)).toBe("–");
  });
  it("dates are UTC days", () => {
    expect(isoDate(new Date("2026-03-04T23:59:59Z"))).toBe("2026-03-04");
  });
});

describe("renderTable", () => {
  it("shows median, range, baseline and the ratio per run", () => {
    const md = renderTable({
      title: "T",
      rows: [
        { metric: "p50", unit: "ms", values: [2, 4, 3], baseline: { name: "hello", values: [1, 2, 1] } },
        { metric: "a | b", unit: "", values: [5] },
      ],
    });
    const lines = md.split("\n");
    expect(lines[0]).toBe("### T");
    // ratios per run: 2, 2, 3 -> median 2, range 2–3
    expect(lines[4]).toBe("| p50 | 3.00 ms | 2.00–4.00 | hello | 1.00 ms | ×2.00 | ×2.00–×3.00 |");
    expect(lines[5]).toBe("| a \\| b | 5.00 |  |  |  |  |  |");
  });
});

describe("renderReport", () => {
  const machine: Machine = {
    hostname: "h",
    cpuModel: "CPU",
    cpuCount: 2,
    memoryGiB: 24,
    os: "Linux",
    node: "20",
    loadBefore: 3,
    loadAfter: 0.2,
    packages: { hono: "4" },
    servers: { redis: "7" },
  };
  const report: Report = {
    name: "pool",
    date: "2026-01-02",
    quick: true,
    machine,
    settings: { runs: 1 },
    durationS: 61,
    tables: [{ title: "T", rows: [] }],
    findings: ["slowest: x"],
  };
  it("names the machine, flags a shared CPU, and lists settings, tables and findings", () => {
    const md = renderReport(report);
    expect(md).toContain("# Benchmark `pool` (quick) — 2026-01-02");
    expect(md).toContain("2 × CPU, 24.0 GiB");
    expect(md).toContain("other work shared the CPU");
    expect(md).toContain("hono 4, redis 7");
    expect(md).toContain("| runs | 1 |");
    expect(md).toContain("### T");
    expect(md).toContain("- slowest: x");
  });
  it("does not flag a quiet machine", () => {
    const md = renderReport({ ...report, machine: { ...machine, loadBefore: 0.1, loadAfter: 0.3 } });
    expect(md).not.toContain("shared the CPU");
  });
});
