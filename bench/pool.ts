/**
 * `npm run bench -- pool`: 1,000 concurrent database clients through PgBouncer (transaction
 * pooling, pool 50 + reserve 10, max_client_conn 1000: production's pgbouncer.ini) against 50
 * clients straight to PostgreSQL, each running the per-request API key lookup in a closed loop;
 * PostgreSQL's server connections are counted meanwhile (pg_stat_activity, directly).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import type { StackState } from "../infra/local/stack.js";
import { hashKey } from "../shared/auth/api-keys.js";
import type { Database } from "../shared/db/database.js";
import { createPostgresDatabase } from "../shared/db/postgres-database.js";
import { sql } from "../shared/db/sql.js";
import type { BenchOptions, BenchResult } from "./lib/bench.js";
import { closedLoop } from "./lib/load.js";
import type { Table } from "./lib/report.js";
import { benchKey, directDb, functionServices, log, stopService, withStack } from "./lib/stack.js";
import { type LatencySummary, latencySummary, median } from "./lib/stats.js";

type Phase = "direct@50" | "pgbouncer@50" | "pgbouncer@1000";

interface Cell {
  phase: Phase;
  run: number;
  throughput: number;
  latency: LatencySummary;
  errors: number;
  firstError?: string;
  peakServerConnections: number;
}

function clients(url: string, n: number, pgbouncer: boolean): Database[] {
  return Array.from({ length: n }, () =>
    createPostgresDatabase({ url, poolMax: 1, statementTimeoutMs: 30_000, connectTimeoutS: 60, pgbouncer }),
  );
}

/** Peak count of client backends on the docstack database while `work` runs (sampled every 20 ms). */
async function peakServerConnections<T>(
  probe: Database,
  work: Promise<T>,
): Promise<{ result: T; peak: number }> {
  let peak = 0;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      const [row] = await probe.query<{ n: number }>(sql`
        select count(*)::int as n from pg_stat_activity
        where datname = 'docstack' and backend_type = 'client backend' and pid <> pg_backend_pid()`);
      peak = Math.max(peak, row?.n ?? 0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  try {
    return { result: await work, peak };
  } finally {
    done = true;
    await sampler;
  }
}

/** `SHOW POOLS` on PgBouncer's admin console (psql: the console speaks the simple protocol only). */
function showPools(state: StackState): string {
  const url = new URL(state.pgbouncer.url);
  const root = "/usr/lib/postgresql";
  const newest = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  const psql = newest && existsSync(`${root}/${newest}/bin/psql`) ? `${root}/${newest}/bin/psql` : "psql";
  try {
    return execFileSync(
      psql,
      ["-h", url.hostname, "-p", url.port, "-U", url.username, "-d", "pgbouncer", "-c", "SHOW POOLS"],
      {
        encoding: "utf8",
        env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) },
      },
    );
  } catch (error) {
    return `SHOW POOLS failed: ${(error as Error).message}`;
  }
}

export async function runPool(options: BenchOptions): Promise<BenchResult> {
  const runs = options.runs ?? (options.quick ? 1 : 3);
  const seconds = options.quick ? 3 : 8;
  const many = 1000;
  const few = 50;
  const cells: Cell[] = [];
  let connectSeconds: number[] = [];
  let poolsBefore = "";
  let poolsAfter = "";

  await withStack({}, async (state) => {
    // PgBouncer admits 1000 clients in all: the functions' own connections would take slots.
    for (const name of functionServices) {
      const spec = state.services[name];
      if (spec) await stopService(spec);
    }
    const key = await benchKey(state, ["read"]);
    const keyHash = hashKey(key);
    // The lookup every authenticated request makes (shared/auth/api-keys.ts principalForKey).
    const lookup = (db: Database) =>
      db.query(sql`
        select id, name, key_prefix, scopes, collections, rate_limits, created_at, revoked_at
        from api_keys where key_hash = ${keyHash} and revoked_at is null`);
    const probe = directDb(state, 1);
    const direct = clients(state.postgres.url, few, false);
    const pooledMany = clients(state.pgbouncer.url, many, true);
    // PgBouncer admits 1000 clients: the 50-client phase uses 50 of the 1000 (the rest idle,
    // holding no server connection in transaction mode).
    const pooledFew = pooledMany.slice(0, few);
    try {
      poolsBefore = showPools(state);
      await Promise.all(direct.map(lookup));
      // All 1000 connect (SCRAM through PgBouncer) before any clock starts.
      const t = performance.now();
      await Promise.all(pooledMany.map(lookup));
      connectSeconds = [(performance.now() - t) / 1000];
      const phases: [Phase, Database[]][] = [
        ["direct@50", direct],
        ["pgbouncer@50", pooledFew],
        ["pgbouncer@1000", pooledMany],
      ];
      for (let run = 1; run <= runs; run++) {
        for (const [phase, dbs] of phases) {
          const { result, peak } = await peakServerConnections(
            probe,
            closedLoop(dbs.length, seconds, async (_i, c) => {
              const db = dbs[c];
              if (db) await lookup(db);
            }),
          );
          const cell: Cell = {
            phase,
            run,
            throughput: result.latenciesMs.length / result.elapsedS,
            latency: latencySummary(result.latenciesMs),
            errors: result.errors.length,
            ...(result.errors[0] ? { firstError: result.errors[0] } : {}),
            peakServerConnections: peak,
          };
          cells.push(cell);
          log(
            `run ${run} ${phase}: ${cell.throughput.toFixed(0)} q/s p50 ${cell.latency.p50.toFixed(2)} ms p99 ${cell.latency.p99.toFixed(2)} ms, server connections ≤ ${peak}${cell.errors ? `, ${cell.errors} errors: ${cell.firstError}` : ""}`,
          );
        }
      }
      // The pool's view with the 1000 clients gone idle (the console needs a client slot itself).
      await Promise.all(pooledMany.slice(0, 10).map((d) => d.close()));
      poolsAfter = showPools(state);
    } finally {
      await Promise.all([...direct, ...pooledMany].map((d) => d.close().catch(() => {})));
      await probe.close();
    }
  });

  const pick = (phase: Phase) => cells.filter((c) => c.phase === phase).sort((a, b) => a.run - b.run);
  const base = pick("direct@50");
  const vs = (phase: Phase, metric: string, unit: string, f: (c: Cell) => number) => ({
    metric: `${phase}: ${metric}`,
    unit,
    values: pick(phase).map(f),
    baseline: { name: "direct to PostgreSQL, 50 clients", values: base.map(f) },
  });
  const table: Table = {
    title: "Database clients through PgBouncer vs direct PostgreSQL at pool-size concurrency",
    rows: [
      vs("pgbouncer@1000", "throughput", "q/s", (c) => c.throughput),
      vs("pgbouncer@1000", "p50", "ms", (c) => c.latency.p50),
      vs("pgbouncer@1000", "p99", "ms", (c) => c.latency.p99),
      vs("pgbouncer@50", "throughput", "q/s", (c) => c.throughput),
      vs("pgbouncer@50", "p50", "ms", (c) => c.latency.p50),
      vs("pgbouncer@50", "p99", "ms", (c) => c.latency.p99),
      { metric: "direct@50: throughput", unit: "q/s", values: base.map((c) => c.throughput) },
      {
        metric: "pgbouncer@1000: peak PostgreSQL server connections",
        unit: "",
        values: pick("pgbouncer@1000").map((c) => c.peakServerConnections),
        baseline: { name: "client connections", values: [many] },
      },
      {
        metric: "direct@50: peak PostgreSQL server connections",
        unit: "",
        values: base.map((c) => c.peakServerConnections),
        baseline: { name: "client connections", values: [few] },
      },
      { metric: "time to connect 1000 clients through PgBouncer", unit: "s", values: connectSeconds },
      { metric: "errors (all phases)", unit: "", values: [cells.reduce((a, c) => a + c.errors, 0)] },
    ],
    note: "Each client is its own connection (postgres.js, max 1, no prepared statements through PgBouncer) running the API key lookup in a closed loop. Server connections: PostgreSQL's pg_stat_activity, sampled every 20 ms over a direct connection. The stack's function processes are stopped for this benchmark (their connections would count against max_client_conn).",
  };
  const p1000 = median(pick("pgbouncer@1000").map((c) => c.throughput));
  const d50 = median(base.map((c) => c.throughput));
  return {
    settings: {
      runs,
      "seconds per phase": seconds,
      query: "API key lookup by hash (one indexed row)",
      pgbouncer:
        "pool_mode transaction, default_pool_size 50, reserve 10, max_client_conn 1000 (infra/pgbouncer/pgbouncer.ini)",
    },
    tables: [table],
    findings: [
      `1000 clients through PgBouncer: ${p1000.toFixed(0)} q/s, ${(p1000 / d50).toFixed(2)} × direct PostgreSQL at 50 clients (${d50.toFixed(0)} q/s), on at most ${Math.max(...pick("pgbouncer@1000").map((c) => c.peakServerConnections))} server connections.`,
    ],
    detail: { cells, poolsBefore, poolsAfter },
  };
}
