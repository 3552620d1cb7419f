/**
 * `npm run bench -- overload`: hybrid queries through Nginx to the stack's two query replicas at
 * 1×, 2× and 4× the concurrency that saturates them, with adaptive admission control off and on.
 *
 * The saturating concurrency is found in the same run: a ladder of closed-loop clients (1, 2, 4 …
 * 64) with admission off; it is the fewest clients past which doubling them adds less than 10 %
 * throughput. Each cell then runs `seconds` after a warm-up that is not recorded, on a fresh start of
 * both replicas with ADMISSION set for the cell (so no cell inherits another's limit).
 *
 * Clients are closed loops with unique query texts (the answer cache never hits). A client
 * refused with 503 overloaded waits the Retry-After it was given (plus up to 20 % jitter) before
 * asking again, as HTTP asks of clients (RFC 9110 §10.2.3); a client that retried at once would
 * measure its own retry storm rather than the server.
 */
import { join } from "node:path";
import { repoRoot, type StackState } from "../infra/local/stack.js";
import { sql } from "../shared/db/sql.js";
import type { BenchOptions, BenchResult } from "./lib/bench.js";
import { TextGenerator } from "./lib/corpus.js";
import { cpuBetween, cpuSnapshot } from "./lib/cpu.js";
import { AddressPool, loopbackAddresses } from "./lib/load.js";
import { writePlot } from "./lib/plot.js";
import { scrape, sumOf } from "./lib/prom.js";
import { type LoadedCorpus, loadQueryCorpus, queryText } from "./lib/query-corpus.js";
import { isoDate, type Row, type Table } from "./lib/report.js";
import { benchKey, directDb, log, restartQueryReplicas, servicePids, withStack } from "./lib/stack.js";
import { type LatencySummary, latencySummary, median } from "./lib/stats.js";

type Admission = "off" | "adaptive";
const ladder = [1, 2, 4, 8, 16, 32, 64];
const levels = [1, 2, 4];
const topK = 5;

interface Outcome {
  clients: number;
  admission: Admission;
  elapsedS: number;
  /** 200 answers per second. */
  goodput: number;
  admitted: LatencySummary;
  shed: LatencySummary;
  /** Answers other than 200 and 503 overloaded, and transport errors. */
  errors: number;
  firstError?: string;
  /** The replicas' admission limits for the query class at the end (summed), and sheds counted. */
  limit?: number;
  shedCounted?: number;
  /** Of the 503s in the cell, the share the process answered within 5 ms of taking the request. */
  shedInProcessWithin5ms?: number;
  /** The query replicas' worst event-loop delay over the cell (p99 and max), ms. */
  loopDelayMs?: { p99: number; max: number };
  /** CPU seconds per second of the cell, by service group (the query replicas together). */
  cpu?: Record<string, number>;
}

interface Cell extends Outcome {
  level: number;
  run: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function closedLoopWithBackoff(
  pool: AddressPool,
  base: string,
  clients: number,
  seconds: number,
  body: (i: number) => string,
  key: string,
): Promise<Omit<Outcome, "admission">> {
  const admitted: number[] = [];
  const shed: number[] = [];
  const errors: string[] = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const i = next++;
        const t = performance.now();
        try {
          const answer = await pool.send(
            base,
            {
              method: "POST",
              path: "/query",
              body: body(i),
              headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
            },
            i,
          );
          const ms = performance.now() - t;
          if (answer.status === 200) admitted.push(ms);
          else if (answer.status === 503 && answer.body.includes('"code":"overloaded"')) {
            shed.push(ms);
            // Retry-After (1 s) plus up to 20 % jitter, so refused clients do not return in step.
            await sleep(1000 * (1 + 0.2 * Math.random()));
          } else errors.push(`status ${answer.status}: ${answer.body.slice(0, 200)}`);
        } catch (error) {
          errors.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  const elapsedS = (performance.now() - started) / 1000;
  return {
    clients,
    elapsedS,
    goodput: admitted.length / elapsedS,
    admitted: latencySummary(admitted),
    shed: latencySummary(shed),
    errors: errors.length,
    ...(errors[0] ? { firstError: errors[0] } : {}),
  };
}

/** Sums over the query replicas; the event-loop delay gauge restarts its window at each scrape. */
async function replicaFigures(state: StackState) {
  let limit = 0;
  let shed = 0;
  // The 503s' time inside the process, from the request histogram (no other 5xx in these cells).
  let shedWithin5ms = 0;
  let shedTimed = 0;
  const loop = { p99: 0, max: 0 };
  for (const url of state.functions.query ?? []) {
    const s = await scrape(url);
    limit += sumOf(s, "docstack_admission_limit", { function: "query", class: "query" });
    shed += sumOf(s, "docstack_admission_shed_total", { function: "query", class: "query" });
    const served = { function: "query", route: "/query", method: "POST", status: "5xx" };
    shedWithin5ms += sumOf(s, "docstack_http_request_duration_seconds_bucket", { ...served, le: "0.005" });
    shedTimed += sumOf(s, "docstack_http_request_duration_seconds_count", served);
    loop.p99 = Math.max(loop.p99, 1000 * sumOf(s, "docstack_event_loop_delay_seconds", { quantile: "0.99" }));
    loop.max = Math.max(loop.max, 1000 * sumOf(s, "docstack_event_loop_delay_seconds", { quantile: "1" }));
  }
  return { limit, shed, loop, shedWithin5ms, shedTimed };
}

function cpuPerSecond(cpu: Record<string, number>, seconds: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, s] of Object.entries(cpu)) {
    const group = name.replace(/-\d+$/, "");
    out[group] = (out[group] ?? 0) + s / seconds;
  }
  return out;
}

/**
 * The fewest clients past which doubling them adds less than 10 % throughput: the knee of the
 * ladder, where more concurrency only queues. (95 % of the best figure would chase noise: the
 * plateau's figures differ by more than that from cell to cell.)
 */
export function saturatingConcurrency(ladder: readonly { clients: number; goodput: number }[]): number {
  for (let i = 0; i + 1 < ladder.length; i++) {
    const here = ladder[i] as { clients: number; goodput: number };
    const next = ladder[i + 1] as { clients: number; goodput: number };
    if (next.goodput < 1.1 * here.goodput) return here.clients;
  }
  return ladder.at(-1)?.clients ?? 1;
}

export async function runOverload(options: BenchOptions): Promise<BenchResult> {
  const quick = options.quick;
  const targetChunks = Math.round((quick ? 5_000 : 20_000) * options.scale);
  const runs = options.runs ?? 1;
  const ladderSeconds = quick ? 2 : 8;
  const seconds = quick ? 4 : 15;
  const warmSeconds = quick ? 3 : 6;
  const settleSeconds = quick ? 3 : 30;
  const gen = new TextGenerator(17);
  const deadline = Date.now() + (quick ? 5 : 15) * 60_000;
  const ladderOutcomes: Outcome[] = [];
  const cells: Cell[] = [];
  let saturating = 0;
  let loaded: LoadedCorpus | undefined;

  await withStack({ functionEnv: { INDEX_WORKER: "true" } }, async (state) => {
    const key = await benchKey(state, ["read", "write"]);
    loaded = await loadQueryCorpus(state, key, gen, targetChunks, deadline);
    const collectionId = loaded.collectionId;
    const pool = new AddressPool(loopbackAddresses(1000, 1));
    await pool.warm(state.nginx, { method: "GET", path: "/health" });
    const body = (tag: string) => (i: number) =>
      JSON.stringify({
        collection_id: collectionId,
        query: queryText(gen, tag, i),
        mode: "hybrid",
        top_k: topK,
      });
    const measure = async (admission: Admission, clients: number, secs: number, tag: string) => ({
      admission,
      ...(await closedLoopWithBackoff(pool, state.nginx, clients, secs, body(tag), key)),
    });

    // Planner statistics as autovacuum would soon leave them, and a settling load: right after
    // the load, Chroma and PostgreSQL still digest it, and a ladder run then reads low.
    const db = directDb(state, 1);
    try {
      await db.query(sql`analyze chunks`);
      await db.query(sql`analyze documents`);
    } finally {
      await db.close();
    }
    await restartQueryReplicas(state, { ADMISSION: "off" });
    await measure("off", 8, settleSeconds, "settle");
    for (const clients of ladder) {
      const o = await measure("off", clients, ladderSeconds, `l${clients}`);
      ladderOutcomes.push(o);
      log(`ladder @${clients}: ${o.goodput.toFixed(0)}/s p99 ${o.admitted.p99.toFixed(0)} ms`);
    }
    saturating = saturatingConcurrency(ladderOutcomes);
    log(`saturating concurrency: ${saturating} clients`);

    for (let run = 1; run <= runs; run++) {
      for (const level of levels) {
        for (const admission of ["off", "adaptive"] as const) {
          const clients = level * saturating;
          await restartQueryReplicas(state, { ADMISSION: admission });
          await measure(admission, clients, warmSeconds, `w${run}${level}${admission}`);
          const before = await replicaFigures(state);
          const pids = servicePids(state);
          const cpuBefore = cpuSnapshot(pids);
          const o = await measure(admission, clients, seconds, `r${run}${level}${admission}`);
          const cpu = cpuPerSecond(cpuBetween(cpuSnapshot(pids), cpuBefore), o.elapsedS);
          const after = await replicaFigures(state);
          cells.push({
            ...o,
            level,
            run,
            limit: after.limit,
            shedCounted: after.shed - before.shed,
            shedInProcessWithin5ms:
              after.shedTimed > before.shedTimed
                ? (after.shedWithin5ms - before.shedWithin5ms) / (after.shedTimed - before.shedTimed)
                : Number.NaN,
            loopDelayMs: after.loop,
            cpu,
          });
          log(
            `run ${run} ${level}× (${clients} clients) admission ${admission}: goodput ${o.goodput.toFixed(0)}/s, admitted p99 ${o.admitted.p99.toFixed(0)} ms, shed ${o.shed.count} (p99 ${o.shed.count ? o.shed.p99.toFixed(1) : "–"} ms), errors ${o.errors}${o.firstError ? ` (${o.firstError})` : ""}, limit ${after.limit}, event loop p99 ${after.loop.p99.toFixed(0)} ms max ${after.loop.max.toFixed(0)} ms, CPU ${Object.entries(
              cpu,
            )
              .filter(([, v]) => v >= 0.05)
              .map(([k, v]) => `${k} ${v.toFixed(2)}`)
              .join(", ")}`,
          );
        }
      }
    }
    pool.destroy();
    await restartQueryReplicas(state, {});
  });

  const plot = join(repoRoot, `bench/results/overload${quick ? "-quick" : ""}-${isoDate(new Date())}.png`);
  return report({ cells, ladder: ladderOutcomes, saturating, runs, seconds, loaded, plot });
}

function report(r: {
  cells: Cell[];
  ladder: Outcome[];
  saturating: number;
  runs: number;
  seconds: number;
  loaded: LoadedCorpus | undefined;
  plot: string;
}): BenchResult {
  const pick = (level: number, admission: Admission) =>
    r.cells.filter((c) => c.level === level && c.admission === admission).sort((a, b) => a.run - b.run);
  const atSaturation = pick(1, "off");
  const satP99 = atSaturation.map((c) => c.admitted.p99);
  const satThroughput = atSaturation.map((c) => c.goodput);
  const rows: Row[] = levels.flatMap((level) =>
    (["off", "adaptive"] as const).flatMap((admission): Row[] => {
      const cs = pick(level, admission);
      const name = `${level}× (${level * r.saturating} clients), admission ${admission}`;
      return [
        {
          metric: `${name}: admitted p99`,
          unit: "ms",
          values: cs.map((c) => c.admitted.p99),
          baseline: { name: "p99 at saturation (1×, admission off)", values: satP99 },
        },
        {
          metric: `${name}: goodput`,
          unit: "req/s",
          values: cs.map((c) => c.goodput),
          baseline: { name: "throughput at saturation (1×, admission off)", values: satThroughput },
        },
        { metric: `${name}: admitted p50`, unit: "ms", values: cs.map((c) => c.admitted.p50) },
        { metric: `${name}: shed answers`, unit: "", values: cs.map((c) => c.shed.count) },
        {
          metric: `${name}: shed p99`,
          unit: "ms",
          values: cs.map((c) => (c.shed.count > 0 ? c.shed.p99 : Number.NaN)),
        },
        {
          metric: `${name}: sheds answered within 5 ms inside the process`,
          unit: "%",
          values: cs.map((c) => 100 * (c.shedInProcessWithin5ms ?? Number.NaN)),
        },
        { metric: `${name}: errors other than sheds`, unit: "", values: cs.map((c) => c.errors) },
        {
          metric: `${name}: query replicas' event-loop delay p99`,
          unit: "ms",
          values: cs.map((c) => c.loopDelayMs?.p99 ?? Number.NaN),
        },
      ];
    }),
  );
  const ladderTable: Table = {
    title: "Finding the saturating concurrency (admission off)",
    rows: r.ladder.flatMap((o) => [
      { metric: `${o.clients} clients: throughput`, unit: "req/s", values: [o.goodput] },
      { metric: `${o.clients} clients: p99`, unit: "ms", values: [o.admitted.p99] },
    ]),
    note: `Saturating concurrency: the fewest clients past which doubling them adds less than 10 % throughput: ${r.saturating}.`,
  };

  const worst = (values: number[]) => Math.max(...values);
  const least = (values: number[]) => Math.min(...values);
  const on4 = pick(4, "adaptive");
  const findings: string[] = [];
  if (on4.length > 0 && atSaturation.length > 0) {
    const p99Ratio = worst(on4.map((c, i) => c.admitted.p99 / (satP99[i] ?? satP99[0] ?? 1)));
    const goodputRatio = least(on4.map((c, i) => c.goodput / (satThroughput[i] ?? satThroughput[0] ?? 1)));
    const shedP99 = worst(on4.map((c) => (c.shed.count > 0 ? c.shed.p99 : 0)));
    const errors = on4.reduce((a, c) => a + c.errors, 0);
    const off4 = pick(4, "off");
    findings.push(
      `At 4× (${4 * r.saturating} clients) with admission, the worst of ${on4.length} run(s) (the tables give the median): admitted p99 ${formatRatio(p99Ratio)} the p99 at saturation (goal ≤ ×2: ${p99Ratio <= 2 ? "met" : "not met"}); ` +
        `goodput ${formatRatio(goodputRatio)} the saturation throughput (goal ≥ ×0.9: ${goodputRatio >= 0.9 ? "met" : "not met"}); ` +
        `shed answers p99 ${shedP99.toFixed(1)} ms (goal ≤ 10 ms: ${shedP99 <= 10 ? "met" : "not met"}); ` +
        `${errors} errors other than sheds (goal 0: ${errors === 0 ? "met" : "not met"}).`,
      `Without admission at 4×: admitted p99 ${formatRatio(worst(off4.map((c, i) => c.admitted.p99 / (satP99[i] ?? 1))))} the p99 at saturation, goodput ${formatRatio(least(off4.map((c, i) => c.goodput / (satThroughput[i] ?? 1))))}.`,
    );
  }
  plotOverload(r.plot, r.ladder, r.cells, r.saturating);
  findings.push(`The curves: ${r.plot.replace(`${repoRoot}/`, "")}.`);

  return {
    settings: {
      chunks: r.loaded?.chunks ?? 0,
      documents: r.loaded?.documents ?? 0,
      "query replicas": 2,
      mode: "hybrid",
      top_k: topK,
      "seconds per cell": r.seconds,
      runs: r.runs,
      "saturating concurrency": r.saturating,
      "client on 503 overloaded": "waits Retry-After (1 s) plus up to 20 % jitter, then asks again",
    },
    tables: [
      ladderTable,
      {
        title: "Overload: admission off vs adaptive",
        rows,
        note: "Admitted: requests answered 200. Shed: answered 503 overloaded by admission control (their latency as the client saw it, through Nginx). Goodput: 200 answers per second over the cell.",
      },
    ],
    findings,
    detail: { ladder: r.ladder, cells: r.cells },
  };
}

function formatRatio(n: number): string {
  return Number.isFinite(n) ? `×${n.toFixed(2)}` : "–";
}

/** The curves of a run (also from a report's JSON detail: the figures are all there). */
export function plotOverload(
  path: string,
  ladderOutcomes: Outcome[],
  cells: Cell[],
  saturating: number,
): void {
  const pick = (level: number, admission: Admission) =>
    cells.filter((c) => c.level === level && c.admission === admission);
  const satP99 = pick(1, "off").map((c) => c.admitted.p99);
  const satThroughput = pick(1, "off").map((c) => c.goodput);
  writePlot(path, [
    {
      title: "Hybrid queries: p99 of answered requests",
      xLabel: "concurrent clients",
      yLabel: "ms",
      logX: true,
      series: [
        { label: "ladder, admission off", points: ladderOutcomes.map((o) => [o.clients, o.admitted.p99]) },
        ...(["off", "adaptive"] as const).map((a) => ({
          label: `admission ${a} (1×, 2×, 4×)`,
          points: levels.map((l): [number, number] => [
            l * saturating,
            median(pick(l, a).map((c) => c.admitted.p99)),
          ]),
        })),
        {
          label: "goal: 2 × p99 at saturation",
          dashed: true,
          points: [
            [saturating, 2 * median(satP99)],
            [4 * saturating, 2 * median(satP99)],
          ],
        },
      ],
    },
    {
      title: "Hybrid queries: goodput (200 answers per second)",
      xLabel: "concurrent clients",
      yLabel: "req/s",
      logX: true,
      series: [
        { label: "ladder, admission off", points: ladderOutcomes.map((o) => [o.clients, o.goodput]) },
        ...(["off", "adaptive"] as const).map((a) => ({
          label: `admission ${a} (1×, 2×, 4×)`,
          points: levels.map((l): [number, number] => [
            l * saturating,
            median(pick(l, a).map((c) => c.goodput)),
          ]),
        })),
        {
          label: "goal: 0.9 × saturation throughput",
          dashed: true,
          points: [
            [saturating, 0.9 * median(satThroughput)],
            [4 * saturating, 0.9 * median(satThroughput)],
          ],
        },
      ],
    },
  ]);
}
