import { describe, expect, it } from "vitest";
import { writeInSlices } from "./write-slices.js";

/** A write that keeps the thread busy for `msPerRow` per row, as PGlite's statements do. */
function busyWrite(msPerRow: number, slices: number[]) {
  return async (slice: readonly number[]) => {
    slices.push(slice.length);
    const until = performance.now() + slice.length * msPerRow;
    while (performance.now() < until) {
      // busy, like a synchronous statement
    }
  };
}

describe("writing rows in slices", () => {
  it("on PGlite, gives the event loop a turn between statements", async () => {
    const slices: number[] = [];
    let turns = 0;
    const rows = Array.from({ length: 200 }, (_, i) => i);
    const ticking = setInterval(() => turns++, 0);
    try {
      await writeInSlices("pglite", rows, async (slice) => {
        slices.push(turns);
        await busyWrite(0.5, [])(slice);
      });
    } finally {
      clearInterval(ticking);
    }
    expect(slices.length).toBeGreaterThan(2);
    // Timers ran between the statements: each statement saw more turns than the one before (the
    // second may follow the first in the same loop iteration, before the timers phase comes).
    for (let i = 2; i < slices.length; i++) expect(slices[i]).toBeGreaterThan(slices[i - 1] as number);
  });

  it("on PGlite, makes statements smaller when rows are expensive and larger when they are cheap", async () => {
    const rows = Array.from({ length: 400 }, (_, i) => i);
    const expensive: number[] = [];
    await writeInSlices("pglite", rows, busyWrite(5, expensive));
    const cheap: number[] = [];
    await writeInSlices("pglite", rows, busyWrite(0.01, cheap));
    expect(expensive.length).toBeGreaterThan(cheap.length);
    expect(expensive.reduce((a, b) => a + b)).toBe(400);
    expect(cheap.reduce((a, b) => a + b)).toBe(400);
  });

  it("on a server, writes large statements", async () => {
    const sizes: number[] = [];
    await writeInSlices(
      "postgres",
      Array.from({ length: 12_000 }, (_, i) => i),
      async (slice) => {
        sizes.push(slice.length);
      },
    );
    expect(sizes).toEqual([5000, 5000, 2000]);
  });
});
