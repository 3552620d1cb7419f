interface Sent {
  at: number;
  tokens: number;
}

/**
 * A tokens-per-window budget as providers count it: over any window of `windowMs`, the tokens
 * sent stay within `perWindow` (a sliding log, not a token bucket, which would let twice the
 * budget through across a refill). A request larger than the whole budget goes alone, once the
 * window is empty, rather than never.
 */
export class TokenBudget {
  private readonly sent: Sent[] = [];

  constructor(
    private readonly perWindow: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `tokens` fit in the window; 0 when they fit now. */
  waitMs(tokens: number): number {
    const now = this.now();
    while (this.sent.length > 0 && (this.sent[0]?.at ?? now) + this.windowMs <= now) this.sent.shift();
    let used = this.sent.reduce((sum, s) => sum + s.tokens, 0);
    if (this.sent.length === 0 || used + tokens <= this.perWindow) return 0;
    for (const entry of this.sent) {
      used -= entry.tokens;
      if (used + tokens <= this.perWindow || used === 0) return entry.at + this.windowMs - now;
    }
    return 0;
  }

  /** Counts `tokens` as sent now; the server's own count, when it reports one, may replace it. */
  record(tokens: number): { tokens: number } {
    const entry = { at: this.now(), tokens };
    this.sent.push(entry);
    return entry;
  }

  /** Waits until `tokens` fit, then counts them. */
  async take(tokens: number): Promise<{ tokens: number }> {
    for (;;) {
      const wait = this.waitMs(tokens);
      if (wait <= 0) return this.record(tokens);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
