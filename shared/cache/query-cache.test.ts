import { describe, expect, it } from "vitest";
import { MemoryQueryCache } from "./query-cache.js";

describe("MemoryQueryCache", () => {
  it("expires entries after their TTL and drops the oldest beyond its size", async () => {
    let now = 0;
    const cache = new MemoryQueryCache(2, () => now);
    await cache.set("a", "1", 10);
    expect(await cache.get("a")).toBe("1");
    now = 10_000;
    expect(await cache.get("a")).toBeUndefined();
    await cache.set("b", "2", 60);
    await cache.set("c", "3", 60);
    await cache.set("d", "4", 60);
    expect(await cache.get("b")).toBeUndefined();
    expect([await cache.get("c"), await cache.get("d")]).toEqual(["3", "4"]);
  });
});
