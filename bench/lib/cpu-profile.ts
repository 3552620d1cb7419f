/**
 * Where a V8 CPU profile (`node --cpu-prof`, a .cpuprofile file) spent its time, by self time:
 * per function and per place (a package under node_modules, a repository folder, or Node itself).
 * Pure: takes the parsed JSON.
 */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}

/** "node_modules/pg/lib/x.js" -> "pg"; "/repo/shared/db/x.ts" -> "shared/db"; "node:..." -> "node". */
export function placeOf(url: string, repoRoot: string): string {
  if (url === "") return "(native/V8)";
  if (url.startsWith("node:")) return "node";
  const path = url.replace(/^file:\/\//, "");
  const nm = path.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const parts = path.slice(nm + "/node_modules/".length).split("/");
    return (parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]) ?? path;
  }
  if (path.startsWith(`${repoRoot}/`)) {
    const parts = path.slice(repoRoot.length + 1).split("/");
    return parts.length > 2 ? `${parts[0]}/${parts[1]}` : (parts[0] ?? path);
  }
  return path;
}

function top(times: Map<string, number>, total: number, limit: number): SelfTime[] {
  return [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, us]) => ({ name, ms: us / 1000, share: total ? us / total : 0 }));
}

export function summarizeProfile(
  profile: CpuProfile,
  repoRoot: string,
  limit = 12,
): { totalMs: number; idleShare: number; byPlace: SelfTime[]; byFunction: SelfTime[] } {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const frame = frames.get(id);
    if (frame === undefined) return;
    total += us;
    if (frame.functionName === "(idle)") {
      idle += us;
      return;
    }
    const place = frame.functionName.startsWith("(") ? frame.functionName : placeOf(frame.url, repoRoot);
    byPlace.set(place, (byPlace.get(place) ?? 0) + us);
    const fn = `${frame.functionName || "(anonymous)"} ${place}:${frame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  });
  return {
    totalMs: total / 1000,
    idleShare: total ? idle / total : 0,
    byPlace: top(byPlace, total - idle, limit),
    byFunction: top(byFunction, total - idle, limit),
  };
}
