import { describe, expect, it } from "vitest";
import { cpuDelta, parseStat } from "./cpu.js";

describe("parseStat", () => {
  it("reads pid, parent and CPU time past a command name with spaces and parentheses", () => {
    const text = "4242 (my (odd) name) S 17 4242 17 0 -1 4194304 127 0 0 0 250 50 0 0 20 0 1 0 1 1 1";
    expect(parseStat(text)).toEqual({ pid: 4242, ppid: 17, cpuS: 3 });
  });
});

describe("cpuDelta", () => {
  it("subtracts per service and sorts the busiest first", () => {
    expect(cpuDelta({ a: 5, b: 12, c: 1 }, { a: 1, b: 2 })).toEqual([
      ["b", 10],
      ["a", 4],
      ["c", 1],
    ]);
  });
});
