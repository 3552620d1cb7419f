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
  peakServer: ServerConnections;
}

function clients(url: string, n: number, pgbouncer: boolean): Database[] {
  return Array.from({ length: n }, () =>
    createPostgresDatabase({ url, poolMax: 1, statementTimeoutMs: 30_000, connectTimeoutS: 60, pgbouncer }),
  );
}

interface ServerConnections {
  /** Client backends on the docstack database (PgBouncer's server connections, idle ones too). */
  total: number;
  /** Of which running a statement. */
  active: number;
}

/** Peak server connections to the docstack database while `work` runs (sampled every 20 ms). */
async function peakServerConnections<T>(
  probe: Database,
  work: Promise<T>,
): Promise<{ result: T; peak: ServerConnections }> {
  const peak = { total: 0, active: 0 };
  let done = false;
  const sampler = (async () => {
    while (!done) {
      const [row] = await probe.query<ServerConnections>(sql`
        select count(*)::int as total, count(*) filter (where state = 'active')::int as active
        from pg_stat_activity
        where datname = 'docstack' and backend_type = 'client backend' and pid <> pg_backend_pid()`);
      peak.total = Math.max(peak.total, row?.total ?? 0);
      peak.active = Math.max(peak.active, row?.active ?? 0);
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
    const pooledMany = clients(state.pgbouncer.url, many, true);
    // PgBouncer admits 1000 clients: the 50-client phase uses 50 of the 1000 (the rest idle,
    // holding no server connection in transaction mode).
    const pooledFew = pooledMany.slice(0, few);
    try {
      poolsBefore = showPools(state);
      // All 1000 connect (SCRAM through PgBouncer) before any clock starts.
      const t = performance.now();
      await Promise.all(pooledMany.map(lookup));
      connectSeconds = [(performance.now() - t) / 1000];
      for (let run = 1; run <= runs; run++) {
        // Direct clients live only for their phase, so every server connection counted during
        // the PgBouncer phases is PgBouncer's.
        // PostgreSQL allows 100 connections; PgBouncer keeps up to 60 open (idle for 10 min):
        // its idle ones go first, so the 50 direct ones fit (it reopens min_pool_size 10).
        await probe.query(sql`
          select pg_terminate_backend(pid) from pg_stat_activity
          where datname = 'docstack' and backend_type = 'client backend' and state = 'idle'
            and pid <> pg_backend_pid()`);
        const direct = clients(state.postgres.url, few, false);
        await Promise.all(direct.map(lookup));
        const phases: [Phase, Database[]][] = [
          ["direct@50", direct],
          ["pgbouncer@50", pooledFew],
          ["pgbouncer@1000", pooledMany],
        ];
        for (const [phase, dbs] of phases) {
          if (phase === "pgbouncer@50") await Promise.all(direct.map((d) => d.close()));
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
            peakServer: peak,
          };
          cells.push(cell);
          log(
            `run ${run} ${phase}: ${cell.throughput.toFixed(0)} q/s p50 ${cell.latency.p50.toFixed(2)} ms p99 ${cell.latency.p99.toFixed(2)} ms, server connections ≤ ${peak.total} (${peak.active} active)${cell.errors ? `, ${cell.errors} errors: ${cell.firstError}` : ""}`,
          );
        }
      }
      // The pool's view with the 1000 clients gone idle (the console needs a client slot itself).
      await Promise.all(pooledMany.slice(0, 10).map((d) => d.close()));
      poolsAfter = showPools(state);
    } finally {
      await Promise.all(pooledMany.map((d) => d.close().catch(() => {})));
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
        values: pick("pgbouncer@1000").map((c) => c.peakServer.total),
        baseline: { name: "client connections", values: [many] },
      },
      {
        metric: "pgbouncer@1000: peak server connections running a statement",
        unit: "",
        values: pick("pgbouncer@1000").map((c) => c.peakServer.active),
      },
      {
        metric: "pgbouncer@50: peak PostgreSQL server connections",
        unit: "",
        values: pick("pgbouncer@50").map((c) => c.peakServer.total),
        baseline: { name: "client connections", values: [few] },
      },
      { metric: "time to connect 1000 clients through PgBouncer", unit: "s", values: connectSeconds },
      { metric: "errors (all phases)", unit: "", values: [cells.reduce((a, c) => a + c.errors, 0)] },
    ],
    note: "Each client is its own connection (postgres.js, max 1, no prepared statements through PgBouncer) running the API key lookup in a closed loop. Server connections: PostgreSQL's pg_stat_activity, sampled every 20 ms over a direct connection (the direct clients are closed before the PgBouncer phases, so every connection counted then is PgBouncer's, idle ones included). The stack's function processes are stopped for this benchmark (their connections would count against max_client_conn).",
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
      `1000 clients through PgBouncer: ${p1000.toFixed(0)} q/s, ${(p1000 / d50).toFixed(2)} × direct PostgreSQL at 50 clients (${d50.toFixed(0)} q/s), on at most ${Math.max(...pick("pgbouncer@1000").map((c) => c.peakServer.total))} server connections (default_pool_size 50; the reserve of 10 opens only for a client that waited reserve_pool_timeout, 3 s).`,
    ],
    detail: { cells, poolsBefore, poolsAfter },
  };
}
