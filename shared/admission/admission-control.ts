import {
  defaultGradientOptions,
  GradientLimit,
  type GradientLimitOptions,
  type Pressure,
} from "./gradient-limit.js";

/** A request let in: `release` once it is answered, saying whether its time is a latency sample. */
export interface AdmissionTicket {
  release(sample: boolean): void;
}

/**
 * One process's gate for one route class: admits while fewer than the adaptive limit are in
 * flight, refuses at once otherwise. Refusing costs a comparison, so shed answers stay fast
 * however loaded the process is (as long as its event loop turns).
 */
export class AdmissionControl {
  private running = 0;
  private refused = 0;
  readonly limiter: GradientLimit;
  private readonly minLimit: number;

  constructor(
    private readonly pressure: () => Pressure,
    options: Partial<GradientLimitOptions> = {},
    private readonly now: () => number = () => performance.now(),
  ) {
    this.limiter = new GradientLimit({ now: this.now, ...options });
    this.minLimit = options.minLimit ?? defaultGradientOptions.minLimit;
  }

  get inFlight(): number {
    return this.running;
  }

  /** Requests refused since the process started. */
  get shed(): number {
    return this.refused;
  }

  tryAcquire(): AdmissionTicket | undefined {
    // Nothing in flight: no queue, so whatever congestion lowered the limit is over, and a burst
    // meets a process with room (the limit comes down again as soon as latency says so).
    if (this.running === 0) this.limiter.rested();
    if (this.running >= this.limiter.limit) {
      this.refused += 1;
      return undefined;
    }
    this.running += 1;
    const startedAt = this.now();
    const fewBeside = this.running <= this.minLimit;
    const refusedBefore = this.refused;
    let released = false;
    return {
      release: (sample) => {
        if (released) return;
        released = true;
        this.running -= 1;
        if (!sample) return;
        const quiet = fewBeside && this.refused === refusedBefore;
        this.limiter.finished(this.now() - startedAt, startedAt, this.pressure(), quiet);
      },
    };
  }
}
