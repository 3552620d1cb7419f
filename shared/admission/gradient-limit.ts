/**
 * An adaptive concurrency limit in the manner of Envoy's adaptive concurrency filter (itself after
 * Netflix's gradient limiters): the limit follows the ratio between the latency the service has
 * when it is not loaded and the latency it has now.
 *
 * - The baseline is measured, not configured: it is the median time of `baselineSamples` quiet
 *   requests (admitted with at most `minLimit` in flight while nothing was refused). A light load
 *   supplies them by itself; when `baselineIntervalMs` (jittered) passes without enough of them,
 *   the limit is pinned to `minLimit` until that many requests have finished. A baseline that
 *   follows all the traffic (a moving average, a sliding minimum) drifts upward under sustained
 *   overload, because the traffic it follows is the queued one; quiet requests are not queued.
 *   Until the first baseline the limit stays at `initialLimit` (the maximum, as the process
 *   starts: nothing has shown congestion yet), so a fresh replica takes a burst;
 *   its first baselines, of cold code, are measured again after 5, 10, 20 … seconds.
 * - Every `windowMs` (with at least `windowSamples` finished requests) the limit becomes
 *   `limit × gradient + √limit`, gradient = baseline × (1 + buffer) / window median, in [0.5, 2]:
 *   it shrinks while requests take longer than the baseline plus its buffer, and grows while they
 *   do not, up to `maxLimit`. A quiet process thus meets a burst with a high limit: the limit is
 *   the answer to congestion it has seen, not an estimate of capacity, and refusing a burst on an
 *   idle process would be refusing for nothing.
 * - External pressure tightens it: a window in which the database pool queued shrinks it to at
 *   most 0.9× (queued connections are work the process has admitted but cannot do), and while a
 *   dependency's circuit breaker probes (half-open) it does not grow, so a recovering dependency
 *   is not met by a larger burst. It is not cut then: most routes do not need the dependency in
 *   question (keyword queries while Chroma recovers), and a cut would refuse them for nothing. An
 *   open breaker changes nothing: the calls that need it fail at once and cost nothing.
 * - A request that finds nothing in flight rests the limit (AdmissionControl): back to its
 *   initial value, the maximum. Congestion is a queue, and there is none; a limit lowered by the
 *   last busy spell would otherwise refuse the next burst on an idle process.
 * - Latency at 2.5× the baseline or more for `stuckWindows` windows in a row starts a new baseline
 *   at once: with a sound baseline the limit settles long before that (the shrinking gradient
 *   meets the √limit headroom), so the old one was measured on cheaper traffic (a run of cache
 *   hits), or the machine has slowed.
 */
export interface GradientLimitOptions {
  initialLimit: number;
  minLimit: number;
  maxLimit: number;
  /** Latency allowed above the baseline before the limit shrinks, as a fraction of it. */
  buffer: number;
  windowMs: number;
  windowSamples: number;
  baselineIntervalMs: number;
  baselineSamples: number;
  /** Windows in a row at the smallest gradient after which the baseline is measured again. */
  stuckWindows: number;
  now: () => number;
  /** In [0, 1): spreads the baseline measurements of replicas started together. */
  random: () => number;
}

export const defaultGradientOptions: GradientLimitOptions = {
  initialLimit: 20,
  minLimit: 2,
  maxLimit: 1000,
  buffer: 0.25,
  windowMs: 100,
  windowSamples: 8,
  baselineIntervalMs: 60_000,
  baselineSamples: 25,
  stuckWindows: 50,
  now: () => performance.now(),
  random: Math.random,
};

/** What the process saw during the sample, from outside the limiter. */
export interface Pressure {
  /** Operations waiting for a database connection. */
  poolWaiting: number;
  /** A dependency's breaker is letting a probe through (half-open): the dependency is recovering. */
  breakerProbing: boolean;
}

export type LimitPhase = "baseline" | "adapting";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export class GradientLimit {
  private readonly o: GradientLimitOptions;
  private estimate: number;
  /** Milliseconds; undefined until the first baseline is measured. */
  private base: number | undefined;
  private phase: LimitPhase = "adapting";
  private phaseStarted: number;
  private nextBaselineAt = 0;
  private baselinesTaken = 0;
  private limitBeforeBaseline: number;
  private samples: number[] = [];
  private quiet: number[] = [];
  private windowStarted: number;
  private windowQueued = false;
  private windowProbing = false;
  private windowsAtFloor = 0;

  constructor(options: Partial<GradientLimitOptions> = {}) {
    this.o = { ...defaultGradientOptions, ...options };
    if (this.o.minLimit < 1 || this.o.maxLimit < this.o.minLimit)
      throw new Error("the admission limits need 1 ≤ min ≤ max");
    this.estimate = Math.min(this.o.maxLimit, Math.max(this.o.minLimit, this.o.initialLimit));
    this.limitBeforeBaseline = this.estimate;
    this.windowStarted = this.o.now();
    this.phaseStarted = this.windowStarted;
    // Soon after start: a replica started under load has no quiet requests to learn from.
    this.nextBaselineAt = this.windowStarted + 10 * this.o.windowMs;
  }

  /** Requests that may be in flight now. */
  get limit(): number {
    return this.phase === "baseline" ? this.o.minLimit : Math.floor(this.estimate);
  }

  get baselineMs(): number | undefined {
    return this.base;
  }

  get currentPhase(): LimitPhase {
    return this.phase;
  }

  /**
   * The process has nothing in flight: the congestion the limit answered is over.
   * Back to the initial limit (a pinned measurement in progress is dropped; the next window
   * that closes after its time starts one again).
   */
  rested(): void {
    this.estimate = Math.max(
      this.estimate,
      Math.min(this.o.maxLimit, Math.max(this.o.minLimit, this.o.initialLimit)),
    );
    this.phase = "adapting";
    this.windowsAtFloor = 0;
    this.resetWindow(this.o.now());
  }

  /**
   * A request admitted at `startedAt` (this limiter's clock) finished, taking `ms`; `quiet` when
   * it was admitted with at most `minLimit` in flight and nothing was refused while it ran.
   * Requests that started before a pinned measurement began are not its samples: they ran at
   * the old limit.
   */
  finished(ms: number, startedAt: number, pressure: Pressure, quiet = false): void {
    const now = this.o.now();
    if (pressure.poolWaiting > 0) this.windowQueued = true;
    if (this.phase === "baseline") {
      if (startedAt >= this.phaseStarted) this.samples.push(ms);
      if (this.samples.length >= this.o.baselineSamples) this.endBaseline(now, this.samples);
      return;
    }
    if (pressure.breakerProbing) this.windowProbing = true;
    if (quiet && !pressure.breakerProbing) {
      this.quiet.push(ms);
      if (this.quiet.length >= this.o.baselineSamples) this.endBaseline(now, this.quiet);
    }
    this.samples.push(ms);
    if (now - this.windowStarted < this.o.windowMs || this.samples.length < this.o.windowSamples) return;
    this.update(median(this.samples));
    this.resetWindow(now);
    if (now >= this.nextBaselineAt || this.windowsAtFloor >= this.o.stuckWindows) this.startBaseline(now);
  }

  private update(windowMs: number): void {
    const base = this.base;
    if (base === undefined) return;
    const gradient = Math.min(2, Math.max(0.5, (base * (1 + this.o.buffer)) / windowMs));
    let next = this.estimate * gradient + Math.sqrt(this.estimate);
    if (this.windowQueued) next = Math.min(next, this.estimate * 0.9);
    if (this.windowProbing) next = Math.min(next, this.estimate);
    this.estimate = Math.min(this.o.maxLimit, Math.max(this.o.minLimit, next));
    this.windowsAtFloor = gradient <= 0.5 ? this.windowsAtFloor + 1 : 0;
  }

  private resetWindow(now: number): void {
    this.samples = [];
    this.windowStarted = now;
    this.windowQueued = false;
    this.windowProbing = false;
  }

  private startBaseline(now: number): void {
    this.limitBeforeBaseline = this.estimate;
    this.phase = "baseline";
    this.phaseStarted = now;
    this.windowsAtFloor = 0;
    this.resetWindow(now);
  }

  private endBaseline(now: number, samples: number[]): void {
    this.base = median(samples);
    this.quiet = [];
    if (this.phase === "baseline") this.estimate = this.limitBeforeBaseline;
    this.phase = "adapting";
    // A young process's first baselines are of cold code (JIT, caches, connections) and too slow,
    // which would let a queue through as "normal": measured again after 5, 10, 20 … seconds
    // until the interval is reached.
    const interval = Math.min(this.o.baselineIntervalMs, 5_000 * 2 ** this.baselinesTaken);
    this.baselinesTaken += 1;
    const jitter = 0.85 + 0.3 * this.o.random();
    this.nextBaselineAt = now + interval * jitter;
    this.resetWindow(now);
  }
}
