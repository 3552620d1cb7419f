import { readFileSync } from "node:fs";

export interface ProcMemory {
  /** Resident set now. */
  rssMiB: number;
  /** Peak resident set since the process started (the kernel's high-water mark). */
  hwmMiB: number;
}

/** VmRSS and VmHWM from /proc/<pid>/status; undefined once the process is gone. */
export function procMemory(pid: number): ProcMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
    return { rssMiB: kib("VmRSS") / 1024, hwmMiB: kib("VmHWM") / 1024 };
  } catch {
    return undefined;
  }
}

export interface MemoryPeaks {
  /** RSS when sampling started. */
  startMiB: number;
  /** Highest RSS sampled. */
  peakMiB: number;
  /** VmHWM when sampling stopped (covers peaks between samples, and anything since start). */
  hwmMiB: number;
}

/** Samples the RSS of named processes every `intervalMs` until stopped. */
export function sampleMemory(
  pids: Record<string, number>,
  intervalMs = 50,
): { stop(): Record<string, MemoryPeaks> } {
  const peaks: Record<string, MemoryPeaks> = {};
  for (const [name, pid] of Object.entries(pids)) {
    const m = procMemory(pid);
    if (m) peaks[name] = { startMiB: m.rssMiB, peakMiB: m.rssMiB, hwmMiB: m.hwmMiB };
  }
  const timer = setInterval(() => {
    for (const [name, pid] of Object.entries(pids)) {
      const m = procMemory(pid);
      const p = peaks[name];
      if (m && p) p.peakMiB = Math.max(p.peakMiB, m.rssMiB);
    }
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      for (const [name, pid] of Object.entries(pids)) {
        const m = procMemory(pid);
        const p = peaks[name];
        if (m && p) {
          p.peakMiB = Math.max(p.peakMiB, m.rssMiB);
          p.hwmMiB = m.hwmMiB;
        }
      }
      return peaks;
    },
  };
}

/**
 * CPU time the process's main thread has run, from /proc/<pid>/schedstat (nanoseconds): what a
 * start costs whatever else shares the machine, where wall time also counts waiting for a core.
 */
export function mainThreadCpuMs(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
  } catch {
    return Number.NaN;
  }
}
