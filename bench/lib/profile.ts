import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  repoRoot,
  type StackState,
  saveService,
  startService,
  stopService,
  waitReady,
} from "../../infra/local/stack.js";
import { type CpuProfile, type SelfTime, summarizeProfile } from "./cpu-profile.js";

export interface ProfileSummary {
  service: string;
  totalMs: number;
  idleShare: number;
  byPlace: SelfTime[];
  byCaller: SelfTime[];
  byFunction: SelfTime[];
}

/**
 * Runs `work` while the stack's `service` runs under `node --cpu-prof`: the service is restarted
 * with the flag, stopped after `work` (SIGTERM: it exits cleanly and V8 writes the profile), and
 * started again as it was. `state.services` follows the restarts.
 */
export async function profiled<T>(
  state: StackState,
  service: string,
  work: () => Promise<T>,
): Promise<{ result: T; profile: ProfileSummary }> {
  const original = state.services[service];
  if (original === undefined) throw new Error(`no ${service} in the stack`);
  // Under .bench/ (git-ignored), which outlives the stack: the raw profile stays for a closer look.
  const dir = join(repoRoot, ".bench/profiles", `${service}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const restart = async (spec: typeof original) => {
    startService(spec);
    saveService(spec);
    state.services[service] = spec;
    await waitReady(spec);
  };
  await stopService(original);
  const withFlag = { ...original, args: ["--cpu-prof", `--cpu-prof-dir=${dir}`, ...original.args] };
  await restart(withFlag);
  let result: T;
  try {
    result = await work();
  } finally {
    await stopService(withFlag);
    await restart({ ...original });
  }
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (file === undefined) throw new Error(`${service} wrote no CPU profile to ${dir}`);
  const summary = summarizeProfile(JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile, repoRoot);
  return { result, profile: { service, ...summary } };
}

export function profileFinding(p: ProfileSummary): string {
  const callers = p.byCaller
    .slice(0, 6)
    .map((t) => `${t.name} ${(t.share * 100).toFixed(0)} %`)
    .join(", ");
  const fns = p.byFunction
    .slice(0, 3)
    .map((t) => `${t.name} ${(t.share * 100).toFixed(0)} %`)
    .join("; ");
  return `CPU profile of ${p.service} (${(p.totalMs / 1000).toFixed(1)} s, ${(p.idleShare * 100).toFixed(0)} % idle): busy time by caller (Node's own time charged to the code that called it) ${callers}; top self-time functions ${fns}.`;
}
