/**
 * Where a V8 CPU profile (`node --cpu-prof`, a .cpuprofile file) spent its time, by self time:
 * per function, per place (a package under node_modules, a repository folder, or Node itself),
 * and per caller (Node's and V8's own time charged to the nearest package or repository code
 * up the stack, so a socket write counts for the driver that wrote). Pure: takes the parsed JSON.
 */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
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

/**
 * Node's own code, V8 and native bindings: time there is charged to whoever called it (up to the
 * root: then it is the event loop's own, I/O callbacks and timers, counted as "node").
 */
const isRuntime = (place: string) => place === "node" || place === "(native/V8)" || place === "(root)";

export function summarizeProfile(
  profile: CpuProfile,
  repoRoot: string,
  limit = 12,
): { totalMs: number; idleShare: number; byPlace: SelfTime[]; byCaller: SelfTime[]; byFunction: SelfTime[] } {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const placeOfNode = (id: number): string => {
    const frame = frames.get(id);
    if (frame === undefined) return "(unknown)";
    return frame.functionName.startsWith("(") ? frame.functionName : placeOf(frame.url, repoRoot);
  };
  /** The nearest frame up the stack that is a package or this repository's code. */
  const callerOf = (id: number): string => {
    let at: number | undefined = id;
    while (at !== undefined) {
      const place = placeOfNode(at);
      if (!isRuntime(place)) return place;
      at = parent.get(at);
    }
    return "node";
  };
  const byPlace = new Map<string, number>();
  const byCaller = new Map<string, number>();
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
    const place = placeOfNode(id);
    byPlace.set(place, (byPlace.get(place) ?? 0) + us);
    const caller = callerOf(id);
    byCaller.set(caller, (byCaller.get(caller) ?? 0) + us);
    const fn = `${frame.functionName || "(anonymous)"} ${place}:${frame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  });
  return {
    totalMs: total / 1000,
    idleShare: total ? idle / total : 0,
    byPlace: top(byPlace, total - idle, limit),
    byCaller: top(byCaller, total - idle, limit),
    byFunction: top(byFunction, total - idle, limit),
  };
}
