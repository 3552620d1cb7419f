import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second in /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const ticksPerSecond = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime, seconds. */
  cpuS: number;
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
export function parseStat(text: string): ProcStat | undefined {
  const close = text.lastIndexOf(")");
  const pid = Number.parseInt(text, 10);
  const fields = text.slice(close + 2).split(" ");
  // After the name: state(0) ppid(1) … utime(11) stime(12).
  const ppid = Number(fields[1]);
  const cpu = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(pid) || !Number.isFinite(ppid) || !Number.isFinite(cpu)) return undefined;
  return { pid, ppid, cpuS: cpu / ticksPerSecond };
}

function processes(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const s = parseStat(readFileSync(`/proc/${name}/stat`, "utf8"));
      if (s) out.push(s);
    } catch {}
  }
  return out;
}

/**
 * CPU seconds used so far by each named service and its descendants (PostgreSQL's backends,
 * Nginx's workers), from /proc. Processes that already exited are not counted.
 */
export function cpuByService(pids: Record<string, number>): Record<string, number> {
  const all = processes();
  const parent = new Map(all.map((p) => [p.pid, p.ppid]));
  const owner = new Map(Object.entries(pids).map(([name, pid]) => [pid, name]));
  const out: Record<string, number> = Object.fromEntries(Object.keys(pids).map((n) => [n, 0]));
  for (const p of all) {
    let at: number | undefined = p.pid;
    for (let depth = 0; at !== undefined && at > 1 && depth < 64; depth++) {
      const name = owner.get(at);
      if (name !== undefined) {
        out[name] = (out[name] ?? 0) + p.cpuS;
        break;
      }
      at = parent.get(at);
    }
  }
  return out;
}

/** CPU seconds per service between two snapshots, largest first. */
export function cpuDelta(after: Record<string, number>, before: Record<string, number>): [string, number][] {
  return Object.entries(after)
    .map(([k, v]): [string, number] => [k, v - (before[k] ?? 0)])
    .sort((a, b) => b[1] - a[1]);
}

/** The whole machine's busy CPU seconds (all cores; /proc/stat less idle and iowait). */
export function machineBusyS(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const t = line.trim().split(/\s+/).slice(1).map(Number);
  const total = t.reduce((a, v) => a + v, 0);
  return (total - (t[3] ?? 0) - (t[4] ?? 0)) / ticksPerSecond;
}

export interface CpuSnapshot {
  byService: Record<string, number>;
  machineS: number;
}

export function cpuSnapshot(pids: Record<string, number>): CpuSnapshot {
  return { byService: cpuByService(pids), machineS: machineBusyS() };
}

/** CPU seconds per service between snapshots, plus "other work on the machine" (everything else). */
export function cpuBetween(after: CpuSnapshot, before: CpuSnapshot): Record<string, number> {
  const ours = cpuDelta(after.byService, before.byService);
  const sum = ours.reduce((a, [, v]) => a + v, 0);
  return {
    ...Object.fromEntries(ours),
    "other work on the machine": Math.max(0, after.machineS - before.machineS - sum),
  };
}
