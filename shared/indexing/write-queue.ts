/**
 * Groups items that arrive while a write is under way into the next write: one write runs at a
 * time, and takes everything waiting, up to `maxItems` items and `maxWeight` of their weight (an
 * item heavier than that goes alone). When a group's write fails, each item
 * is written alone, so one bad item fails itself and not its neighbours; a failure of an item
 * alone is that item's.
 */
export class WriteQueue<T, R> {
  private waiting: { item: T; resolve(result: R): void; reject(error: unknown): void }[] = [];
  private busy = false;

  constructor(
    private readonly writeGroup: (items: T[]) => Promise<R[]>,
    private readonly options: {
      maxItems: number;
      maxWeight?: number;
      weight?: (item: T) => number;
      isolate?: (error: unknown) => boolean;
    },
  ) {}

  write(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      void this.pump();
    });
  }

  /** How many of the waiting items the next write takes: at least one. */
  private groupSize(): number {
    const { maxItems, maxWeight = Number.POSITIVE_INFINITY, weight = () => 0 } = this.options;
    let total = 0;
    let n = 0;
    for (const { item } of this.waiting) {
      if (n === maxItems) break;
      total += weight(item);
      if (n > 0 && total > maxWeight) break;
      n++;
    }
    return n;
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.waiting.length > 0) {
        const group = this.waiting.splice(0, this.groupSize());
        try {
          const results = await this.writeGroup(group.map((g) => g.item));
          for (const [i, g] of group.entries()) g.resolve(results[i] as R);
        } catch (error) {
          if (group.length === 1 || !(this.options.isolate?.(error) ?? true)) {
            for (const g of group) g.reject(error);
            continue;
          }
          for (const g of group) {
            try {
              const [result] = await this.writeGroup([g.item]);
              g.resolve(result as R);
            } catch (alone) {
              g.reject(alone);
            }
          }
        }
      }
    } finally {
      this.busy = false;
    }
  }
}
