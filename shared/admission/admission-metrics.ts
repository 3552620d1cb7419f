import { processMetrics } from "../metrics/registry.js";
import type { AdmissionControl } from "./admission-control.js";

/** The process's gates by "function/class": a later app of the same function replaces its gates. */
const gates = new Map<string, { fn: string; routeClass: string; control: AdmissionControl }>();

export const admissionShed = processMetrics.counter(
  "docstack_admission_shed_total",
  "Requests refused at once with 503 overloaded by adaptive admission control, by function and route class.",
);

function samples(read: (control: AdmissionControl) => number | undefined) {
  return [...gates.values()].flatMap(({ fn, routeClass, control }) => {
    const value = read(control);
    return value === undefined ? [] : [{ labels: { function: fn, class: routeClass }, value }];
  });
}

export function registerAdmission(fn: string, routeClass: string, control: AdmissionControl): void {
  gates.set(`${fn}/${routeClass}`, { fn, routeClass, control });
  processMetrics.gauge(
    "docstack_admission_limit",
    "Concurrent requests adaptive admission control admits now, by function and route class.",
    () => samples((c) => c.limiter.limit),
  );
  processMetrics.gauge(
    "docstack_admission_in_flight",
    "Requests admitted and not yet answered, by function and route class.",
    () => samples((c) => c.inFlight),
  );
  processMetrics.gauge(
    "docstack_admission_baseline_seconds",
    "The unloaded latency admission control last measured (the median at its minimum limit), seconds.",
    () => samples((c) => (c.limiter.baselineMs === undefined ? undefined : c.limiter.baselineMs / 1000)),
  );
}
