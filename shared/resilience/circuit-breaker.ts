import { ApiError } from "../errors/api-error.js";

export type BreakerState = "closed" | "open" | "half_open";

export interface BreakerOptions {
  /** Consecutive failures that open the circuit (default 3). */
  failureThreshold: number;
  /** How long an open circuit fails fast before one probe is let through (default 30 s). */
  recoveryMs: number;
  /** Each call's time limit; a call past it counts as a failure (0: none). */
  timeoutMs: number;
  /** Which errors say the dependency is unwell (timeouts always do). Default: all. */
  isFailure?: (error: unknown) => boolean;
  now?: () => number;
}

export class TimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms} ms`);
    this.name = "TimeoutError";
  }
}

/**
 * Closed: calls go through; `failureThreshold` failures in a row open it. Open: calls fail at
 * once with 503 and Retry-After (no waiting on a dead dependency) until `recoveryMs` has passed.
 * Half-open: one call probes; its success closes the circuit, its failure opens it again. Calls
 * made while the probe runs fail fast, so a recovering dependency is not stampeded.
 */
export class CircuitBreaker {
  private state: BreakerState = "closed";
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private readonly options: Required<Omit<BreakerOptions, "isFailure">> & Pick<BreakerOptions, "isFailure">;

  constructor(
    readonly name: string,
    options: Partial<BreakerOptions> = {},
  ) {
    this.options = {
      failureThreshold: options.failureThreshold ?? 3,
      recoveryMs: options.recoveryMs ?? 30_000,
      timeoutMs: options.timeoutMs ?? 0,
      isFailure: options.isFailure,
      now: options.now ?? Date.now,
    };
  }

  get current(): BreakerState {
    if (this.state === "open" && this.options.now() - this.openedAt >= this.options.recoveryMs)
      return "half_open";
    return this.state;
  }

  private refuse(): never {
    const left = Math.max(
      1,
      Math.ceil((this.openedAt + this.options.recoveryMs - this.options.now()) / 1000),
    );
    throw new ApiError("service_unavailable", `${this.name} is unavailable; retry later`, {
      retryAfter: left,
    });
  }

  /** `timeout: false` for calls whose length is the caller's (a large upload's stream). */
  async run<T>(operation: () => Promise<T>, options: { timeout?: boolean } = {}): Promise<T> {
    const state = this.current;
    if (state === "open") this.refuse();
    const probe = state === "half_open";
    if (probe) {
      if (this.probing) this.refuse();
      this.probing = true;
    }
    try {
      const result = options.timeout === false ? await operation() : await this.withTimeout(operation);
      this.state = "closed";
      this.failures = 0;
      return result;
    } catch (error) {
      const counts = error instanceof TimeoutError || (this.options.isFailure?.(error) ?? true);
      if (counts) {
        this.failures += 1;
        if (probe || this.failures >= this.options.failureThreshold) {
          this.state = "open";
          this.openedAt = this.options.now();
        }
        throw new ApiError("service_unavailable", `${this.name} is unavailable; retry later`, {
          retryAfter: Math.max(1, Math.ceil(this.options.recoveryMs / 1000)),
          cause: error,
        });
      }
      // The dependency answered (a constraint violation, a missing object): it is alive.
      if (probe) {
        this.state = "closed";
        this.failures = 0;
      }
      throw error;
    } finally {
      if (probe) this.probing = false;
    }
  }

  private withTimeout<T>(operation: () => Promise<T>): Promise<T> {
    const ms = this.options.timeoutMs;
    if (ms <= 0) return operation();
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      operation(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new TimeoutError(this.name, ms)), ms);
      }),
    ]).finally(() => clearTimeout(timer));
  }
}
