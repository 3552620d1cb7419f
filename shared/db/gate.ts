/**
 * At most `capacity` operations at once; the rest wait in arrival order. Used in front of
 * postgres.js so that it never has more work than free connections (see postgres-database.ts).
 */
export class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError("capacity must be a positive integer");
  }

  async run<T>(operation: () => Promise<T>): Promise<T> {
    if (this.active >= this.capacity) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await operation();
    } finally {
      // Hand the place straight to the next waiter, so a newcomer cannot overtake it.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  /** Operations running now. */
  get inUse(): number {
    return this.active;
  }

  get pending(): number {
    return this.waiting.length;
  }
}
