/**
 * Cached query answers. Keys name everything an answer depends on, the collection's index
 * version included, so a cached answer is never stale: when the collection's index changes its
 * version moves and old keys are simply never asked for again (they expire by TTL).
 */
export interface QueryCache {
  readonly kind: "memory" | "redis" | "off";
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlS: number): Promise<void>;
  close(): Promise<void>;
}

export class NoQueryCache implements QueryCache {
  readonly kind = "off";
  async get(): Promise<undefined> {
    return undefined;
  }
  async set(): Promise<void> {}
  async close(): Promise<void> {}
}

/** One process's cache (the embedded default, Workers isolates): bounded, oldest out first. */
export class MemoryQueryCache implements QueryCache {
  readonly kind = "memory";
  private readonly entries = new Map<string, { value: string; expires: number }>();
  constructor(
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const hit = this.entries.get(key);
    if (hit === undefined) return undefined;
    if (hit.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  async set(key: string, value: string, ttlS: number): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + ttlS * 1000 });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
