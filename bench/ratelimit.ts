/**
 * `npm run bench -- ratelimit`: what the Redis limiter adds to a request. Two extra upload
 * function processes beside the local stack, identical but for RATE_LIMITER (redis | off), serve
 * the same limited route (GET /collections/{id}, class "default") directly, in alternating
 * order; Redis' MONITOR counts round trips per request; and the limiter's check() is timed in
 * this process against the in-memory limiter.
 */
import { Redis as IORedis } from "ioredis";
import type { StackState } from "../infra/local/stack.js";
import { MemoryRateLimiter } from "../shared/ratelimit/memory-rate-limiter.js";
import type { RateLimiter } from "../shared/ratelimit/rate-limiter.js";
import { RedisRateLimiter } from "../shared/ratelimit/redis-rate-limiter.js";
import { createCollection } from "./lib/api.js";
import type { BenchOptions, BenchResult } from "./lib/bench.js";
import { AddressPool, type HttpLoadResult, httpLoad } from "./lib/load.js";
import type { Row, Table } from "./lib/report.js";
import { benchKey, functionSpec, log, startBenchService, stopService, withStack } from "./lib/stack.js";
import { type LatencySummary, latencySummary, median } from "./lib/stats.js";

type Limiter = "redis" | "off";

interface Cell {
  limiter: Limiter;
  clients: number;
  run: number;
  throughput: number;
  latency: LatencySummary;
  errors: number;
}

/** Per-command call counts from INFO commandstats (script-internal calls included). */
async function commandStats(redis: IORedis): Promise<Record<string, number>> {
  const text = await redis.info("commandstats");
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) out[m[1] ?? ""] = Number(m[2]);
  return out;
}

/**
 * Commands Redis received from clients (not from scripts) while `work` ran: MONITOR marks a
 * script's own calls "[0 lua]", a client's "[0 127.0.0.1:port]".
 */
async function monitorRoundTrips(
  url: string,
  work: () => Promise<void>,
): Promise<{ fromClients: number; fromScripts: number; commands: Record<string, number> }> {
  const client = new IORedis(url);
  const monitor = await client.monitor();
  const counts = { fromClients: 0, fromScripts: 0, commands: {} as Record<string, number> };
  monitor.on("monitor", (_time: string, args: string[], source: string) => {
    if (source.includes("lua")) counts.fromScripts++;
    else {
      counts.fromClients++;
      const name = (args[0] ?? "").toLowerCase();
      counts.commands[name] = (counts.commands[name] ?? 0) + 1;
    }
  });
  try {
    await work();
    await new Promise((r) => setTimeout(r, 200));
  } finally {
    monitor.disconnect();
    client.disconnect();
  }
  return counts;
}

/** check() timed in this process, one at a time. */
async function timeChecks(limiter: RateLimiter, n: number): Promise<LatencySummary> {
  const rule = { limit: 1e9, windowS: 60 };
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await limiter.check(`default:key:bench-micro-${limiter.kind}`, rule);
    samples.push(performance.now() - t);
  }
  return latencySummary(samples);
}

export async function runRatelimit(options: BenchOptions): Promise<BenchResult> {
  const runs = options.runs ?? (options.quick ? 1 : 3);
  const seconds = options.quick ? 3 : 8;
  const concurrency = [1, 50];
  const cells: Cell[] = [];
  const micro: { redis: LatencySummary[]; memory: LatencySummary[] } = { redis: [], memory: [] };
  let monitor: Awaited<ReturnType<typeof monitorRoundTrips>> | undefined;
  let monitored = 0;
  let statsPerRequest: Record<string, number> = {};
  let idleCommands = 0;

  await withStack({}, async (state: StackState) => {
    const key = await benchKey(state, ["read", "write"]);
    const collection = await createCollection(state, key, `bench-ratelimit-${Date.now()}`);
    const specs = {
      redis: await functionSpec(state, "bench-upload-redis", "functions/upload/entry.node.ts", {
        RATE_LIMITER: "redis",
      }),
      off: await functionSpec(state, "bench-upload-off", "functions/upload/entry.node.ts", {
        RATE_LIMITER: "off",
      }),
    };
    await Promise.all(Object.values(specs).map((s) => startBenchService(state, s)));
    const redis = new IORedis(state.redis.url);
    const pool = new AddressPool(["127.0.0.1"], 64);
    const spec = () => ({
      method: "GET",
      path: `/collections/${collection}`,
      headers: { authorization: `Bearer ${key}` },
    });
    try {
      for (const s of Object.values(specs)) await httpLoad(pool, s.url, 8, 1, spec); // warm-up
      for (let run = 1; run <= runs; run++) {
        for (const clients of concurrency) {
          // Alternate which goes first, so drift on a shared machine does not favour one.
          const order: Limiter[] = run % 2 === 1 ? ["off", "redis"] : ["redis", "off"];
          for (const limiter of order) {
            const r: HttpLoadResult = await httpLoad(pool, specs[limiter].url, clients, seconds, spec);
            const cell = {
              limiter,
              clients,
              run,
              throughput: r.throughput,
              latency: latencySummary(r.latenciesMs),
              errors: r.errors.length,
            };
            cells.push(cell);
            log(
              `run ${run} ${limiter} @${clients}: ${cell.throughput.toFixed(0)}/s p50 ${cell.latency.p50.toFixed(2)} ms p99 ${cell.latency.p99.toFixed(2)} ms${cell.errors ? ` ${cell.errors} errors: ${r.errors[0]}` : ""}`,
            );
          }
        }
      }
      // Redis traffic per request: commandstats over a sequential batch, and MONITOR's attribution.
      monitored = options.quick ? 200 : 1000;
      const idleBefore = await commandStats(redis);
      await new Promise((r) => setTimeout(r, 1000));
      const idleAfter = await commandStats(redis);
      idleCommands = Object.entries(idleAfter).reduce(
        (a, [k, v]) => a + (k === "info" ? 0 : v - (idleBefore[k] ?? 0)),
        0,
      );
      const before = await commandStats(redis);
      for (let i = 0; i < monitored; i++) await pool.send(specs.redis.url, spec(), i);
      const after = await commandStats(redis);
      statsPerRequest = Object.fromEntries(
        Object.entries(after)
          .filter(([k]) => k !== "info")
          .map(([k, v]) => [k, (v - (before[k] ?? 0)) / monitored] as const)
          .filter(([, v]) => v > 0),
      );
      monitor = await monitorRoundTrips(state.redis.url, async () => {
        for (let i = 0; i < monitored; i++) await pool.send(specs.redis.url, spec(), i);
      });
      // The limiter alone, in this process.
      const redisLimiter = new RedisRateLimiter({ url: state.redis.url, timeoutMs: 500, failMode: "open" });
      const memoryLimiter = new MemoryRateLimiter();
      const n = options.quick ? 500 : 3000;
      for (let run = 1; run <= runs; run++) {
        micro.redis.push(await timeChecks(redisLimiter, n));
        micro.memory.push(await timeChecks(memoryLimiter, n));
      }
      await redisLimiter.close();
    } finally {
      pool.destroy();
      redis.disconnect();
      for (const s of Object.values(specs)) await stopService(s);
    }
  });

  const pick = (limiter: Limiter, clients: number) =>
    cells.filter((c) => c.limiter === limiter && c.clients === clients).sort((a, b) => a.run - b.run);
  const rows: Row[] = concurrency.flatMap((clients) => {
    const redis = pick("redis", clients);
    const off = pick("off", clients);
    const m = (name: string, unit: string, f: (c: Cell) => number): Row => ({
      metric: `GET /collections/{id} @ ${clients} client${clients > 1 ? "s" : ""}: ${name}`,
      unit,
      values: redis.map(f),
      baseline: { name: "RATE_LIMITER=off", values: off.map(f) },
    });
    const added = (f: (l: LatencySummary) => number): number[] =>
      redis.map((c, i) => f(c.latency) - f(off[i]?.latency ?? c.latency));
    return [
      m("p50", "ms", (c) => c.latency.p50),
      m("p99", "ms", (c) => c.latency.p99),
      m("throughput", "req/s", (c) => c.throughput),
      { metric: `added p50 @ ${clients}`, unit: "ms", values: added((l) => l.p50) },
      { metric: `added p99 @ ${clients}`, unit: "ms", values: added((l) => l.p99) },
    ];
  });
  const http: Table = {
    title: "A limited request with the Redis limiter vs none (function called directly)",
    rows,
    note: "Two upload function processes with the stack's settings, RATE_LIMITER=redis and RATE_LIMITER=off; every request authenticates its key in PostgreSQL (through PgBouncer) and reads one collection row.",
  };
  const checks: Table = {
    title: "One limit check in-process (RedisRateLimiter.check vs MemoryRateLimiter.check)",
    rows: [
      {
        metric: "check p50",
        unit: "ms",
        values: micro.redis.map((l) => l.p50),
        baseline: { name: "in-memory limiter", values: micro.memory.map((l) => l.p50) },
      },
      {
        metric: "check p99",
        unit: "ms",
        values: micro.redis.map((l) => l.p99),
        baseline: { name: "in-memory limiter", values: micro.memory.map((l) => l.p99) },
      },
    ],
    note: "Sequential checks of one key with a 1e9 limit (always allowed): the GCRA script over ioredis (one EVALSHA) against the same algorithm in memory.",
  };
  const trips: Table = {
    title: "Redis traffic per request",
    rows: [
      {
        metric: "round trips per request (MONITOR: commands from clients)",
        unit: "",
        values: [(monitor?.fromClients ?? Number.NaN) / monitored],
      },
      {
        metric: "commands run inside scripts per request",
        unit: "",
        values: [(monitor?.fromScripts ?? Number.NaN) / monitored],
      },
      {
        metric: "commands per request (INFO commandstats, script calls included)",
        unit: "",
        values: [Object.values(statsPerRequest).reduce((a, v) => a + v, 0)],
      },
      { metric: "commands in 1 s with no requests (background)", unit: "", values: [idleCommands] },
    ],
    note: `Over ${monitored} sequential requests to the Redis-limited process. Client commands: ${JSON.stringify(monitor?.commands ?? {})}; commandstats per request: ${Object.entries(
      statsPerRequest,
    )
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join(", ")}.`,
  };
  const added1 = (f: (l: LatencySummary) => number) =>
    pick("redis", 1).map((c, i) => f(c.latency) - f(pick("off", 1)[i]?.latency ?? c.latency));
  const range = (v: number[]) => `${Math.min(...v).toFixed(2)} to ${Math.max(...v).toFixed(2)} ms`;
  return {
    settings: {
      runs,
      "seconds per cell": seconds,
      concurrency: concurrency.join(", "),
      route: "GET /collections/{id} (class default)",
      REDIS_TIMEOUT_MS: 500,
    },
    tables: [http, checks, trips],
    findings: [
      `The Redis limiter adds ${median(added1((l) => l.p50)).toFixed(2)} ms at p50 to a request from one client (median over ${runs} run(s), ${range(added1((l) => l.p50))}); ` +
        `the p99 difference, ${range(added1((l) => l.p99))}, is within the run-to-run noise. One check alone costs ${median(micro.redis.map((l) => l.p50)).toFixed(3)} ms at p50 and ${median(micro.redis.map((l) => l.p99)).toFixed(3)} ms at p99 in-process, ` +
        `in ${((monitor?.fromClients ?? 0) / monitored).toFixed(2)} Redis round trip(s) per request (one EVALSHA running ${((monitor?.fromScripts ?? 0) / monitored).toFixed(0)} commands inside the script).`,
    ],
    detail: { cells, micro, monitor, statsPerRequest },
  };
}
