import { describe, expect, it } from "vitest";
import { WriteQueue } from "./write-queue.js";

describe("writing in groups", () => {
  it("groups what arrives while a write is under way into the next write", async () => {
    const groups: number[][] = [];
    const queue = new WriteQueue<number, string>(
      async (items) => {
        groups.push(items);
        await new Promise((r) => setImmediate(r));
        return items.map((i) => `wrote ${i}`);
      },
      { maxItems: 3 },
    );
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => queue.write(n)));
    expect(results).toEqual(["wrote 1", "wrote 2", "wrote 3", "wrote 4", "wrote 5"]);
    expect(groups).toEqual([[1], [2, 3, 4], [5]]);
  });

  it("bounds a group by the items' weight, and writes an item heavier than the bound alone", async () => {
    const groups: number[][] = [];
    const queue = new WriteQueue<number, number>(
      async (items) => {
        groups.push(items);
        await new Promise((r) => setImmediate(r));
        return items;
      },
      { maxItems: 10, maxWeight: 10, weight: (n) => n },
    );
    await Promise.all([1, 4, 5, 3, 30, 2].map((n) => queue.write(n)));
    expect(groups).toEqual([[1], [4, 5], [3], [30], [2]]);
  });

  it("writes a failed group's items alone, so one bad item fails only itself", async () => {
    const queue = new WriteQueue<number, number>(
      async (items) => {
        if (items.includes(3)) throw new Error("item 3 cannot be written");
        return items;
      },
      { maxItems: 10 },
    );
    const first = queue.write(0);
    const rest = [1, 2, 3, 4].map((n) => queue.write(n));
    const outcomes = await Promise.allSettled([first, ...rest]);
    expect(outcomes.map((o) => o.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
  });

  it("fails the whole group at once for an error that is no single item's", async () => {
    let writes = 0;
    const queue = new WriteQueue<number, number>(
      async () => {
        writes++;
        throw new Error("store unavailable");
      },
      { maxItems: 10, isolate: () => false },
    );
    const outcomes = await Promise.allSettled([1, 2, 3].map((n) => queue.write(n)));
    expect(outcomes.every((o) => o.status === "rejected")).toBe(true);
    // The first item alone, then the other two together: no one-by-one retries.
    expect(writes).toBe(2);
  });
});
