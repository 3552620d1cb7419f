import type { Logger } from "../logging/logger.js";
import type { Lifecycle } from "./lifecycle.js";

export interface StopPlan {
  /** Set to draining first: readiness answers 503 from then on. */
  lifecycle?: Lifecycle;
  /** Seconds readiness answers 503 while requests are still taken (SHUTDOWN_DELAY_S). */
  delayS: number;
  /** What the drain steps are bounded by (SHUTDOWN_GRACE_S); the whole stop is cut short a little after. */
  graceS: number;
  /** Run together after the delay: the HTTP drain, the index worker's release of its claims. */
  drain: (() => Promise<void>)[];
  /** Run once every drain step has ended: the clients (database, Redis, extraction threads). */
  close: () => Promise<void>;
  log: Logger;
}

/** Past the grace, the release of claims and the clients' close get this long before the process gives up. */
const closeMarginS = 15;

/**
 * Stops cleanly on SIGTERM/SIGINT: readiness 503, then (after the delay) the port closes while
 * requests in flight finish and the worker hands its claims back, then the clients close and the
 * process exits 0. A second signal during the delay ends the wait; a stop that hangs past
 * delay + grace + a margin exits 1 rather than wait for the platform's SIGKILL.
 */
export function stopOnSignals(plan: StopPlan): void {
  const { log } = plan;
  let stopping = false;
  let endDelay: (() => void) | undefined;

  const runAll = async (steps: (() => Promise<void>)[]) => {
    await Promise.all(
      steps.map((step) =>
        step().catch((error: unknown) => {
          log.error("shutdown step failed", { error });
        }),
      ),
    );
  };

  const stop = async (signal: string) => {
    plan.lifecycle?.startDraining();
    log.info("stopping: readiness answers 503", {
      signal,
      delay_s: plan.delayS,
      grace_s: plan.graceS,
    });
    const giveUp = setTimeout(
      () => {
        log.error("stop did not finish in time: exiting", {
          after_s: plan.delayS + plan.graceS + closeMarginS,
        });
        process.exit(1);
      },
      (plan.delayS + plan.graceS + closeMarginS) * 1000,
    );
    giveUp.unref();
    if (plan.delayS > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, plan.delayS * 1000);
        endDelay = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      endDelay = undefined;
    }
    await runAll(plan.drain);
    await runAll([plan.close]);
    log.info("stopped");
    process.exit(0);
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (!stopping) {
      stopping = true;
      void stop(signal);
    } else if (endDelay !== undefined) {
      log.info("second signal: readiness wait ended", { signal });
      endDelay();
    }
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
