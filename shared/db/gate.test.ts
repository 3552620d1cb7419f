import { describe, expect, it } from "vitest";
import { Gate } from "./gate.js";

const tick = () => new Promise((r) => setTimeout(r, 1));

describe("Gate", () => {
  it("never runs more than its capacity at once, and runs everything", async () => {
    const gate = new Gate(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gate.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await tick();
          running--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("starts waiters in arrival order", async () => {
    const gate = new Gate(1);
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4].map((i) =>
        gate.run(async () => {
          order.push(i);
          await tick();
        }),
      ),
    );
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it("frees the place when an operation fails", async () => {
    const gate = new Gate(1);
    await expect(
      gate.run(async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await gate.run(async () => "next")).toBe("next");
    expect(gate.pending).toBe(0);
  });

  it("rejects a capacity below one", () => {
    expect(() => new Gate(0)).toThrow(RangeError);
  });
});
