/**
 * Bytes held by the documents a worker has in flight (their files, extracted text, chunks and
 * vectors), bounded by a budget. A document asks for more as it grows (file first, then what
 * chunking and embedding will hold); it waits while the budget is spent, except the oldest
 * document in flight, which always proceeds: it finishes and frees what it holds, so waiting
 * documents can never hold each other up, and one document larger than the whole budget is
 * still indexed, alone.
 */
export class InFlightBudget {
  private used = 0;
  private readonly held = new Map<number, number>();
  private waiters: { ticket: number; bytes: number; resolve: () => void }[] = [];
  private nextTicket = 0;

  constructor(private readonly limit: number) {}

  /** A place in line for one document; release it when the document is done. */
  ticket(): number {
    const ticket = this.nextTicket++;
    this.held.set(ticket, 0);
    return ticket;
  }

  /** Takes `bytes` more for this document if they fit now (or it is the oldest); never waits. */
  tryAcquire(ticket: number, bytes: number): boolean {
    if (bytes <= 0) return true;
    if (!this.fits(ticket, bytes)) return false;
    this.take(ticket, bytes);
    return true;
  }

  /** Resolves once `bytes` more fit the budget for this document (or it is the oldest). */
  acquire(ticket: number, bytes: number): Promise<void> {
    if (this.tryAcquire(ticket, bytes)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ ticket, bytes, resolve }));
  }

  release(ticket: number): void {
    this.used -= this.held.get(ticket) ?? 0;
    this.held.delete(ticket);
    this.waiters = this.waiters.filter((w) => {
      if (w.ticket === ticket) {
        // Released while waiting (the document failed meanwhile): let it go on to its end.
        w.resolve();
        return false;
      }
      return true;
    });
    this.grant();
  }

  /** Bytes held now, for metrics and tests. */
  inUse(): number {
    return this.used;
  }

  private fits(ticket: number, bytes: number): boolean {
    return this.used + bytes <= this.limit || ticket === this.oldest();
  }

  private oldest(): number | undefined {
    // Map keeps insertion order, and tickets are issued in increasing order.
    return this.held.keys().next().value;
  }

  private take(ticket: number, bytes: number): void {
    this.used += bytes;
    this.held.set(ticket, (this.held.get(ticket) ?? 0) + bytes);
  }

  private grant(): void {
    // First come, first served, but a waiter that fits is not held up by one that does not.
    this.waiters = this.waiters.filter((w) => {
      if (!this.fits(w.ticket, w.bytes)) return true;
      this.take(w.ticket, w.bytes);
      w.resolve();
      return false;
    });
  }
}
