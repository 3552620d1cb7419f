import {
  down,
  freePort,
  repoRoot,
  type ServiceSpec,
  type StackState,
  saveService,
  startService,
  stopService,
  type UpOptions,
  up,
  waitReady,
} from "../../infra/local/stack.js";
import { createApiKey } from "../../shared/auth/api-keys.js";
import type { Principal, Scope } from "../../shared/auth/principal.js";
import { createPostgresDatabase } from "../../shared/db/postgres-database.js";

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** The local stack (infra/local/stack.ts) for the length of `fn`; always stopped after. */
export async function withStack<T>(options: UpOptions, fn: (state: StackState) => Promise<T>): Promise<T> {
  log("starting the local stack");
  const state = await up(options);
  try {
    return await fn(state);
  } finally {
    log("stopping the local stack");
    await down();
  }
}

/** The names of the stack's Node processes (functions and the worker) in its state. */
export const functionServices = [
  "upload",
  "index",
  "query-1",
  "query-2",
  "backup-status",
  "health",
  "analytics",
  "worker",
];

/** Every running service of the stack (and bench-only ones) by name, plus this process. */
export function servicePids(state: StackState, skip: readonly string[] = []): Record<string, number> {
  const out: Record<string, number> = { "bench (this process)": process.pid };
  for (const [name, spec] of Object.entries(state.services)) {
    if (spec.pid !== undefined && !skip.includes(name)) out[name] = spec.pid;
  }
  return out;
}

export function pidsOf(state: StackState, names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of names) {
    const pid = state.services[name]?.pid;
    if (pid !== undefined) out[name] = pid;
  }
  return out;
}

/** A PostgreSQL client straight to the server (not PgBouncer). */
export function directDb(state: StackState, poolMax = 2) {
  return createPostgresDatabase({
    url: state.postgres.url,
    poolMax,
    statementTimeoutMs: 60_000,
    connectTimeoutS: 30,
    pgbouncer: false,
  });
}

/** An API key for the load: made in PostgreSQL as `npm run keys -- create` would. */
export async function benchKey(
  state: StackState,
  scopes: Scope[],
  rateLimits: Principal["rateLimits"] = { query: 1e9, upload: 1e9, default: 1e9 },
): Promise<string> {
  const db = directDb(state, 1);
  try {
    return (await createApiKey(db, { name: `bench-${crypto.randomUUID().slice(0, 8)}`, scopes, rateLimits }))
      .key;
  } finally {
    await db.close();
  }
}

/**
 * Starts a bench-only process beside the stack and records it in the stack's state, so
 * `stack:down` stops it too if the benchmark dies before stopping it itself.
 */
export async function startBenchService(state: StackState, spec: ServiceSpec): Promise<ServiceSpec> {
  startService(spec);
  saveService(spec);
  state.services[spec.name] = spec;
  await waitReady(spec, 120_000);
  return spec;
}

/** A function process (or any Node entry) with the stack's environment plus `env`. */
export async function functionSpec(
  state: StackState,
  name: string,
  entry: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<ServiceSpec & { url: string }> {
  const port = await freePort();
  return {
    name,
    command: process.execPath,
    args: [...nodeArgs, "--import", "tsx", `${repoRoot}/${entry}`],
    env: { ...state.functionEnv, ...env, PORT: String(port) },
    log: `${repoRoot}/.stack/logs/${name}.log`,
    ready: { http: `http://127.0.0.1:${port}/healthz` },
    url: `http://127.0.0.1:${port}`,
  };
}

/**
 * Restarts every query replica with the stack's environment plus `env` (the same ports, so
 * Nginx keeps its upstreams); `{}` restores the stack's own settings.
 */
export async function restartQueryReplicas(state: StackState, env: Record<string, string>): Promise<void> {
  const names = Object.keys(state.services).filter((n) => /^query-\d+$/.test(n));
  await Promise.all(
    names.map(async (name) => {
      const spec = state.services[name] as ServiceSpec;
      await stopService(spec);
      const { pid: _pid, ...rest } = spec;
      const port = rest.env.PORT ?? "";
      await startBenchService(state, { ...rest, env: { ...state.functionEnv, ...env, PORT: port } });
    }),
  );
}

export { stopService };
