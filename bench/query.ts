/**
 * `npm run bench -- query`: hybrid, vector and keyword queries through Nginx at 1, 50 and 200
 * concurrent clients on a collection of ≥100k chunks, against, in the same run: a Hono
 * hello-world behind a second Nginx with the same configuration (the HTTP floor), and the bare
 * engine calls issued directly (PostgreSQL full-text, Chroma, and both at once for hybrid). Then
 * two settings off against on, alternated: analytics recording, and reranking (through a local
 * stand-in for the rerank server).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort, repoRoot, type ServiceSpec, type StackState } from "../infra/local/stack.js";
import { type Collection, getCollection } from "../shared/collections/collections.js";
import type { Database } from "../shared/db/database.js";
import { sql } from "../shared/db/sql.js";
import { LexicalEmbedder } from "../shared/embeddings/lexical-embedder.js";
import { keywordSearch, keywordStatement, type SearchRequest } from "../shared/retrieval/search.js";
import { ChromaStore } from "../shared/vectors/chroma-store.js";
import { startRerankStub, wordOverlap } from "../tests/support/rerank-stub.js";
import type { BenchOptions, BenchResult } from "./lib/bench.js";
import { TextGenerator } from "./lib/corpus.js";
import { cpuBetween, cpuSnapshot } from "./lib/cpu.js";
import { AddressPool, closedLoop, httpLoad, type LoopResult, loopbackAddresses } from "./lib/load.js";
import { type MemoryPeaks, procMemory, sampleMemory } from "./lib/memory.js";
import { type ProfileSummary, profiled, profileFinding } from "./lib/profile.js";
import { scrape, sumBy, sumOf } from "./lib/prom.js";
import { type LoadedCorpus, loadQueryCorpus, queryText } from "./lib/query-corpus.js";
import type { Row, Table } from "./lib/report.js";
import {
  benchKey,
  directDb,
  functionServices,
  log,
  pidsOf,
  restartQueryReplicas,
  servicePids,
  startBenchService,
  stopService,
  withStack,
} from "./lib/stack.js";
import { type LatencySummary, latencySummary, median } from "./lib/stats.js";

type Mode = "hybrid" | "vector" | "keyword";
type Setting = "on" | "off";

/**
 * A setting measured off and on in the same run, alternated (off, on, off, on) with both query
 * replicas restarted for each, so drift falls on both.
 */
interface Comparison {
  name: "analytics" | "rerank";
  title: string;
  modes: Mode[];
  env: (setting: Setting) => Record<string, string>;
  note: string;
}
const comparisonClients = [1, 50];
const comparisonRounds = 2;

function comparisons(rerankUrl: string): Comparison[] {
  return [
    {
      name: "analytics",
      title: "Recording retrieval analytics: ANALYTICS=on vs off (same run, alternated)",
      modes: ["keyword", "hybrid"],
      env: (setting) => ({ ANALYTICS: setting }),
      note: "Goal (issue 17): p50 with recording on within 5 % of off (ratio ≤ ×1.05) at 1 and 50 clients.",
    },
    {
      name: "rerank",
      title: "Reranking the fused top 50: RERANK_DEFAULT=true vs false (same run, alternated)",
      modes: ["hybrid"],
      env: (setting) => ({
        RERANKER: "tei",
        RERANK_URL: rerankUrl,
        RERANK_DEFAULT: setting === "on" ? "true" : "false",
      }),
      note:
        "RERANKER=tei pointed at a local stand-in that answers at once (word overlap; no cross-encoder runs here: " +
        "docs/reranking.md), so the figures are Docstack's side of reranking: deeper candidate lists (RERANK_DEPTH 50 " +
        "against top_k 5), the passages' text, one HTTP round trip per query and the merge, not the model's time.",
    },
  ];
}
type Target = "hello" | "sql" | "chroma" | "sql+chroma" | Mode;
const modes: Mode[] = ["keyword", "vector", "hybrid"];
const baselineOf: Record<Mode, Target> = { keyword: "sql", vector: "chroma", hybrid: "sql+chroma" };
const targets: Target[] = ["hello", "sql", "chroma", "sql+chroma", ...modes];
const topK = 5;
/** search.ts: candidates(5) per side for hybrid; vector asks topK + a tie margin of 10. */
const hybridCandidates = 20;
const vectorLimit = topK + 10;
/** The two query replicas' pools together (DB_POOL_MAX 10 each): the bare SQL's pool. */
const sqlPool = 20;

interface Cell {
  target: Target;
  clients: number;
  run: number;
  throughput: number;
  latency: LatencySummary;
  errors: number;
  statuses?: Record<string, number>;
  firstError?: string;
  /** CPU seconds per process (grouped: the query replicas together, the hello servers together). */
  cpu?: Record<string, number>;
  /** Query function internals for the mode cells: mean ms per request. */
  inside?: { requestMs: number; keywordMs: number; vectorMs: number; requests: number };
}

/** Nginx with production's nginx.conf, every upstream pointing at the hello-world servers. */
function helloNginx(dir: string, port: number, helloPorts: number[]): ServiceSpec {
  mkdirSync(join(dir, "logs"), { recursive: true });
  writeFileSync(join(dir, "nginx.conf"), readFileSync(join(repoRoot, "infra/nginx/nginx.conf"), "utf8"));
  const servers = helloPorts.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join(" ");
  const upstreams = [
    "docstack_upload",
    "docstack_index",
    "docstack_query",
    "docstack_backup_status",
    "docstack_health",
    "docstack_analytics",
  ]
    .map((name) => `upstream ${name} { ${servers} keepalive 16; }`)
    .join("\n");
  writeFileSync(join(dir, "docstack-upstreams.conf"), `# bench-only (bench/query.ts)\n${upstreams}\n`);
  writeFileSync(join(dir, "docstack-listen.conf"), `listen 127.0.0.1:${port};\n`);
  writeFileSync(join(dir, "docstack-docs.conf"), "# no reference page here\n");
  writeFileSync(join(dir, "docstack-console.conf"), "# no console here\n");
  const nginx = execFileSync("sh", ["-c", "command -v nginx || echo /usr/sbin/nginx"], {
    encoding: "utf8",
  }).trim();
  return {
    name: "bench-nginx",
    command: nginx,
    args: ["-p", dir, "-c", join(dir, "nginx.conf"), "-g", `daemon off; pid ${join(dir, "nginx.pid")};`],
    env: {},
    log: join(repoRoot, ".stack/logs/bench-nginx.log"),
    ready: { tcp: port },
  };
}

async function startHelloBehindNginx(state: StackState): Promise<{ url: string; specs: ServiceSpec[] }> {
  const specs: ServiceSpec[] = [];
  const helloPorts: number[] = [];
  for (const i of [1, 2]) {
    const port = await freePort();
    helloPorts.push(port);
    specs.push(
      await startBenchService(state, {
        name: `bench-hello-${i}`,
        command: process.execPath,
        args: ["--import", "tsx", join(repoRoot, "bench/servers/hello.node.ts")],
        env: { PORT: String(port) },
        log: join(repoRoot, `.stack/logs/bench-hello-${i}.log`),
        ready: { http: `http://127.0.0.1:${port}/healthz` },
      }),
    );
  }
  const port = await freePort();
  specs.push(
    await startBenchService(state, helloNginx(join(repoRoot, ".stack/bench-nginx"), port, helloPorts)),
  );
  return { url: `http://127.0.0.1:${port}`, specs };
}

interface Engines {
  db: Database;
  chroma: ChromaStore;
  embedder: LexicalEmbedder;
  collection: Collection;
}

function searchRequest(collection: Collection, query: string, mode: Mode): SearchRequest {
  return { collection, query, topK, mode, filter: {} };
}

async function bare(
  target: "sql" | "chroma" | "sql+chroma",
  engines: Engines,
  gen: TextGenerator,
  tag: string,
  clients: number,
  seconds: number,
): Promise<LoopResult> {
  const { chroma, embedder, collection } = engines;
  const vc = { id: collection.id, dimension: collection.embedding_dimension };
  // keywordSearch reads only the database; the other two are there for its type.
  const deps = { db: engines.db, vectors: chroma, embedder };
  const sqlSide = (q: string, limit: number) =>
    keywordSearch(deps, searchRequest(collection, q, "keyword"), limit);
  const vectorSide = async (q: string, limit: number) => {
    const [embedding = []] = await embedder.embed([q], "query");
    return chroma.query(vc, embedding, limit);
  };
  return closedLoop(clients, seconds, async (i) => {
    const q = queryText(gen, tag, i);
    if (target === "sql") await sqlSide(q, topK);
    else if (target === "chroma") await vectorSide(q, vectorLimit);
    else await Promise.all([sqlSide(q, hybridCandidates), vectorSide(q, hybridCandidates + 10)]);
  });
}

/** Replicas and helpers under one name each: "query" for query-1 and query-2, and so on. */
function groupCpu(cpu: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, s] of Object.entries(cpu)) {
    const group = name.replace(/-\d+$/, "");
    out[group] = (out[group] ?? 0) + s;
  }
  return out;
}

/** Sums over both query replicas: request time on /query and each search side. */
async function queryInternals(state: StackState) {
  const totals = { request: 0, requests: 0, keyword: 0, vector: 0 };
  for (const url of state.functions.query ?? []) {
    const s = await scrape(url);
    const m = { function: "query", route: "/query", method: "POST" };
    totals.request += sumOf(s, "docstack_http_request_duration_seconds_sum", m);
    totals.requests += sumOf(s, "docstack_http_request_duration_seconds_count", m);
    const side = sumBy(s, "docstack_search_duration_seconds_sum", "side");
    totals.keyword += side.keyword ?? 0;
    totals.vector += side.vector ?? 0;
  }
  return totals;
}

export async function runQuery(options: BenchOptions): Promise<BenchResult> {
  const quick = options.quick;
  const targetChunks = Math.round((quick ? 10_000 : 100_000) * options.scale);
  const runs = options.runs ?? (quick ? 1 : 3);
  const seconds = quick ? 2 : 4;
  const concurrency = [1, 50, 200];
  const gen = new TextGenerator(11);
  const deadline = Date.now() + (quick ? 5 : 20) * 60_000;
  const cells: Cell[] = [];
  const comparisonCells: ComparisonCell[] = [];
  const rerankStub = await startRerankStub({ api: "tei", score: wordOverlap });
  const compared = comparisons(rerankStub.url);
  const idle: Record<string, number> = {};
  let peaks: Record<string, MemoryPeaks> = {};
  let loaded: LoadedCorpus | undefined;
  let explain = "";
  let profile: ProfileSummary | undefined;

  // A second worker (in the index function) speeds the load; both idle during the measurement.
  // Admission control off: these closed-loop clients ask again at once when refused, and what is
  // measured here is the engines at a given concurrency (`bench -- overload` measures admission).
  await withStack({ functionEnv: { INDEX_WORKER: "true", ADMISSION: "off" } }, async (state) => {
    const key = await benchKey(state, ["read", "write"]);
    loaded = await loadQueryCorpus(state, key, gen, targetChunks, deadline);
    const hello = await startHelloBehindNginx(state);
    const db = directDb(state, sqlPool);
    const engines: Engines = {
      db,
      chroma: new ChromaStore({ url: state.chroma.url, token: state.chroma.token }),
      embedder: new LexicalEmbedder(),
      collection: await getCollection(db, loaded.collectionId),
    };
    const collectionId = loaded.collectionId;
    try {
      // Planner statistics as autovacuum would leave them a minute later: without them the
      // freshly loaded chunks look empty to the planner and the keyword plan is not the steady one.
      await db.query(sql`analyze chunks`);
      await db.query(sql`analyze documents`);
      // One keyword query's plan on the loaded collection (keywordSearch's SQL), as evidence for
      // where its time goes.
      const statement = keywordStatement(
        searchRequest(engines.collection, queryText(gen, "explain", 0), "keyword"),
        topK,
      );
      const rows = statement
        ? await db.query<Record<string, string>>(sql`explain (analyze, buffers) ${statement}`)
        : [];
      explain = rows.map((r) => Object.values(r).join("")).join("\n");

      // Enough source addresses that each stays far below Nginx's 10 r/s per address.
      const pool = new AddressPool(loopbackAddresses(1000, 1));
      const bodyFor = (mode: Mode | "hello", tag: string) => (i: number) => ({
        method: "POST",
        path: "/query",
        body: JSON.stringify({
          collection_id: collectionId,
          query: queryText(gen, tag, i),
          mode: mode === "hello" ? "hybrid" : mode,
          top_k: topK,
        }),
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      });
      log("opening keep-alive connections from 1000 loopback addresses to both Nginx instances");
      await pool.warm(state.nginx, { method: "GET", path: "/health" });
      await pool.warm(hello.url, { method: "GET", path: "/health" });
      for (const [name, pid] of Object.entries(pidsOf(state, functionServices))) {
        const m = procMemory(pid);
        if (m) idle[name] = m.rssMiB;
      }
      // Warm-up, not recorded: every target once at 50 clients.
      for (const t of targets) await measure(t, 50, 0.5, 0);

      async function measure(target: Target, clients: number, secs: number, run: number): Promise<Cell> {
        const tag = `r${run}${target.replace(/\W/g, "")}c${clients}`;
        const pids = servicePids(state);
        const cpuBefore = cpuSnapshot(pids);
        let result: LoopResult & { statuses?: Record<string, number>; throughput?: number };
        let inside: Cell["inside"];
        if (target === "sql" || target === "chroma" || target === "sql+chroma") {
          result = await bare(target, engines, gen, tag, clients, secs);
        } else if (target === "hello") {
          result = await httpLoad(pool, hello.url, clients, secs, bodyFor("hello", tag));
        } else {
          const before = await queryInternals(state);
          result = await httpLoad(pool, state.nginx, clients, secs, bodyFor(target, tag));
          const after = await queryInternals(state);
          const n = after.requests - before.requests;
          inside = {
            requests: n,
            requestMs: ((after.request - before.request) / n) * 1000,
            keywordMs: ((after.keyword - before.keyword) / n) * 1000,
            vectorMs: ((after.vector - before.vector) / n) * 1000,
          };
        }
        const cpu = groupCpu(cpuBetween(cpuSnapshot(pids), cpuBefore));
        const cell: Cell = {
          cpu,
          target,
          clients,
          run,
          throughput: result.latenciesMs.length / result.elapsedS,
          latency: latencySummary(result.latenciesMs),
          errors: result.errors.length,
          ...(result.statuses ? { statuses: result.statuses } : {}),
          ...(result.errors[0] ? { firstError: result.errors[0] } : {}),
          ...(inside ? { inside } : {}),
        };
        return cell;
      }

      const sampler = sampleMemory(pidsOf(state, functionServices));
      for (let run = 1; run <= runs; run++) {
        for (const clients of concurrency) {
          for (const target of targets) {
            const cell = await measure(target, clients, seconds, run);
            cells.push(cell);
            log(
              `run ${run} ${target} @${clients}: ${cell.throughput.toFixed(0)}/s p50 ${cell.latency.p50.toFixed(1)} ms p99 ${cell.latency.p99.toFixed(1)} ms${cell.errors ? `, ${cell.errors} errors (${cell.firstError})` : ""}`,
            );
          }
        }
      }
      peaks = sampler.stop();

      for (const comparison of compared) {
        for (let round = 1; round <= comparisonRounds; round++) {
          for (const setting of ["off", "on"] as const) {
            await restartQueryReplicas(state, comparison.env(setting));
            await pool.warm(state.nginx, { method: "GET", path: "/health" });
            for (const mode of comparison.modes) await measure(mode, 50, 0.5, 0);
            for (const clients of comparisonClients) {
              for (const mode of comparison.modes) {
                const reranked = rerankStub.arrivals.length;
                const cell = await measure(mode, clients, seconds, round);
                const calls = rerankStub.arrivals.length - reranked;
                comparisonCells.push({ ...cell, comparison: comparison.name, setting, rerankCalls: calls });
                log(
                  `${comparison.name} ${setting} round ${round} ${mode} @${clients}: p50 ${cell.latency.p50.toFixed(1)} ms p99 ${cell.latency.p99.toFixed(1)} ms${cell.errors ? `, ${cell.errors} errors` : ""}${comparison.name === "rerank" ? `, ${calls} rerank calls` : ""}`,
                );
              }
            }
          }
        }
      }
      await restartQueryReplicas(state, {});
      if (options.cpuProf) {
        log("CPU profile of query-1 under hybrid queries at 50 clients");
        const p = await profiled(state, "query-1", () => measure("hybrid", 50, seconds * 2, 0));
        profile = p.profile;
      }
      pool.destroy();
    } finally {
      await db.close();
      for (const s of hello.specs.reverse()) await stopService(s);
    }
  }).finally(() => rerankStub.close());

  return report({
    cells,
    comparisonCells,
    compared,
    runs,
    seconds,
    concurrency,
    idle,
    peaks,
    loaded,
    explain,
    profile,
  });
}

function report(r: {
  cells: Cell[];
  comparisonCells: ComparisonCell[];
  compared: Comparison[];
  runs: number;
  seconds: number;
  concurrency: number[];
  idle: Record<string, number>;
  peaks: Record<string, MemoryPeaks>;
  loaded: { chunks: number; documents: number; seconds: number } | undefined;
  explain: string;
  profile: ProfileSummary | undefined;
}): BenchResult {
  const pick = (target: Target, clients: number) =>
    r.cells.filter((c) => c.target === target && c.clients === clients).sort((a, b) => a.run - b.run);
  const metrics: [string, string, (c: Cell) => number][] = [
    ["p50", "ms", (c) => c.latency.p50],
    ["p95", "ms", (c) => c.latency.p95],
    ["p99", "ms", (c) => c.latency.p99],
    ["throughput", "req/s", (c) => c.throughput],
  ];
  const baselineNames: Record<Target, string> = {
    hello: "Hono hello-world behind Nginx",
    sql: "bare SQL full-text (direct to PostgreSQL)",
    chroma: "bare Chroma query",
    "sql+chroma": "bare SQL ∥ Chroma (both at once)",
    keyword: "",
    vector: "",
    hybrid: "",
  };
  const vsEngines: Table = {
    title: "Queries through Nginx vs the bare engine calls",
    rows: r.concurrency.flatMap((clients) =>
      modes.flatMap((mode) =>
        metrics.map(
          ([m, unit, f]): Row => ({
            metric: `${mode} @ ${clients} clients: ${m}`,
            unit,
            values: pick(mode, clients).map(f),
            baseline: {
              name: baselineNames[baselineOf[mode]],
              values: pick(baselineOf[mode], clients).map(f),
            },
          }),
        ),
      ),
    ),
    note:
      "Bare engines: the same keyword SQL (`keywordSearch`, top 5; 20 for hybrid) on a 20-connection pool straight to PostgreSQL, " +
      "and Chroma's query (15 nearest; 30 for hybrid) through its token gateway as the functions reach it, embedding included — " +
      "no HTTP in front, no auth, no limiter, no cache, no passage lookup.",
  };
  const vsHello: Table = {
    title: "Queries through Nginx vs a Hono hello-world behind the same Nginx configuration",
    rows: r.concurrency.flatMap((clients) =>
      modes.flatMap((mode) =>
        metrics
          .filter(([m]) => m === "p50" || m === "throughput")
          .map(
            ([m, unit, f]): Row => ({
              metric: `${mode} @ ${clients} clients: ${m}`,
              unit,
              values: pick(mode, clients).map(f),
              baseline: { name: baselineNames.hello, values: pick("hello", clients).map(f) },
            }),
          ),
      ),
    ),
  };
  const baselines: Table = {
    title: "The baselines themselves",
    rows: r.concurrency.flatMap((clients) =>
      (["hello", "sql", "chroma", "sql+chroma"] as Target[]).flatMap((t) =>
        metrics.map(
          ([m, unit, f]): Row => ({
            metric: `${baselineNames[t]} @ ${clients}: ${m}`,
            unit,
            values: pick(t, clients).map(f),
          }),
        ),
      ),
    ),
  };
  const inside = (mode: Mode, clients: number, f: (c: NonNullable<Cell["inside"]>) => number) =>
    pick(mode, clients).map((c) => (c.inside ? f(c.inside) : Number.NaN));
  const split: Table = {
    title: "Inside the query function (mean ms per request, both replicas' /metrics)",
    rows: r.concurrency.flatMap((clients) =>
      modes.flatMap((mode): Row[] => [
        {
          metric: `${mode} @ ${clients}: request in the function`,
          unit: "ms",
          values: inside(mode, clients, (i) => i.requestMs),
        },
        {
          metric: `${mode} @ ${clients}: keyword side`,
          unit: "ms",
          values: inside(mode, clients, (i) => i.keywordMs),
        },
        {
          metric: `${mode} @ ${clients}: vector side`,
          unit: "ms",
          values: inside(mode, clients, (i) => i.vectorMs),
        },
      ]),
    ),
    note: "From `docstack_http_request_duration_seconds` (route /query) and `docstack_search_duration_seconds{side}`; hybrid runs both sides at once.",
  };
  const cpuClients = r.concurrency.includes(50) ? 50 : (r.concurrency[0] ?? 1);
  const cpuTargets: Target[] = ["keyword", "vector", "hybrid", "sql", "chroma", "hello"];
  const perRequestCpu = (t: Target, name: string) =>
    pick(t, cpuClients).map((c) => ((c.cpu?.[name] ?? 0) / Math.max(1, c.latency.count)) * 1000);
  const cpuNames = [...new Set(pick("hybrid", cpuClients).flatMap((c) => Object.keys(c.cpu ?? {})))].sort(
    (a, b) => median(perRequestCpu("hybrid", b)) - median(perRequestCpu("hybrid", a)),
  );
  const cpuTable: Table = {
    title: `CPU per request by process at ${cpuClients} clients (ms of CPU time per answered request)`,
    rows: cpuTargets.flatMap((t) =>
      cpuNames
        .filter((name) => median(perRequestCpu(t, name)) >= 0.2)
        .map((name): Row => ({ metric: `${t}: ${name}`, unit: "ms", values: perRequestCpu(t, name) })),
    ),
    note:
      "utime + stime of each process and its children (/proc) over the cell, divided by the answers in it. " +
      "`bench (this process)` generates the load (and, for sql/chroma, is the client); `other work on the machine` is everything else the kernel counted busy.",
  };
  const memory: Table = {
    title: "Peak RSS per function process under the query load",
    rows: Object.keys(r.idle).map((name) => ({
      metric: `${name} peak RSS`,
      unit: "MiB",
      values: [r.peaks[name]?.peakMiB ?? Number.NaN],
      baseline: { name: "RSS after loading, before the queries", values: [r.idle[name] ?? Number.NaN] },
    })),
    note: "Sampled from /proc/<pid>/status (VmRSS) every 50 ms over all runs.",
  };
  const errors = r.cells.filter((c) => c.run > 0).reduce((a, c) => a + c.errors, 0);
  const at = (clients: number, mode: Mode, f: (i: NonNullable<Cell["inside"]>) => number) =>
    median(inside(mode, clients, f));
  const p50 = (t: Target, clients: number) => median(pick(t, clients).map((c) => c.latency.p50));
  const kw1 = at(1, "hybrid", (i) => i.keywordMs);
  const vec1 = at(1, "hybrid", (i) => i.vectorMs);
  const findings = [
    `Slowest stage of a query: **${kw1 >= vec1 ? "the keyword side (PostgreSQL full-text)" : "the vector side (Chroma, then the passages' SQL)"}**. ` +
      `One client at a time, a hybrid request spends ${at(1, "hybrid", (i) => i.requestMs).toFixed(1)} ms in the query function, of which the keyword side ${kw1.toFixed(1)} ms and the vector side ${vec1.toFixed(1)} ms (run in parallel); ` +
      `keyword mode ${at(1, "keyword", (i) => i.requestMs).toFixed(1)} ms (search ${at(1, "keyword", (i) => i.keywordMs).toFixed(1)} ms), vector mode ${at(1, "vector", (i) => i.requestMs).toFixed(1)} ms (search ${at(1, "vector", (i) => i.vectorMs).toFixed(1)} ms); ` +
      `bare, SQL p50 ${p50("sql", 1).toFixed(1)} ms and Chroma p50 ${p50("chroma", 1).toFixed(1)} ms. ` +
      `At 50 clients the two sides take ${at(50, "hybrid", (i) => i.keywordMs).toFixed(0)} and ${at(50, "hybrid", (i) => i.vectorMs).toFixed(0)} ms of a ${at(50, "hybrid", (i) => i.requestMs).toFixed(0)} ms hybrid request: the 2 cores are saturated and the rest is waiting (pool gate, event loop).`,
    `CPU per hybrid request at ${cpuClients} clients: ${cpuNames
      .slice(0, 6)
      .map((n) => `${n} ${median(perRequestCpu("hybrid", n)).toFixed(1)} ms`)
      .join(", ")} (table above).`,
    `Answers other than 200 or failed requests in the measured cells: ${errors}.`,
  ];
  if (r.profile) findings.push(profileFinding(r.profile));
  return {
    settings: {
      chunks: r.loaded?.chunks ?? 0,
      documents: r.loaded?.documents ?? 0,
      "load time (s)": Number((r.loaded?.seconds ?? 0).toFixed(0)),
      loading:
        "TXT documents (~400 KB) uploaded through Nginx, indexed by the real worker path (2 workers); collection chunking txt 400/0; then ANALYZE chunks, documents (as autovacuum would soon)",
      runs: r.runs,
      "seconds per cell": r.seconds,
      concurrency: r.concurrency.join(", "),
      top_k: topK,
      "query texts":
        "unique per request (2 mid-frequency words + a counter): every query misses the answer cache, as a new question does",
      "source addresses": "1000 loopback addresses, round robin, keep-alive",
      "rate limits": "bench key with 1e9 per window; Nginx 10 r/s burst 20 per address (unchanged)",
      "admission control": "off (ADMISSION=off): the clients retry at once; bench -- overload measures it",
    },
    tables: [
      vsEngines,
      vsHello,
      split,
      cpuTable,
      baselines,
      memory,
      ...r.compared.map((c) => comparisonTable(c, r.comparisonCells)),
    ],
    findings,
    detail: { cells: r.cells, explain: r.explain, profile: r.profile },
  };
}

interface ComparisonCell extends Cell {
  comparison: Comparison["name"];
  setting: Setting;
  /** Calls the rerank stand-in received during the cell. */
  rerankCalls: number;
}

function comparisonTable(comparison: Comparison, cells: ComparisonCell[]): Table {
  const pick = (setting: Setting, mode: Mode, clients: number) =>
    cells
      .filter((c) => c.comparison === comparison.name && c.setting === setting)
      .filter((c) => c.target === mode && c.clients === clients)
      .sort((a, b) => a.run - b.run);
  return {
    title: comparison.title,
    rows: comparisonClients.flatMap((clients) =>
      comparison.modes.flatMap((mode) =>
        (
          [
            ["p50", (c: Cell) => c.latency.p50],
            ["p99", (c: Cell) => c.latency.p99],
          ] as const
        ).map(
          ([m, f]): Row => ({
            metric: `${mode} @ ${clients} clients: ${m}, ${comparison.name} on`,
            unit: "ms",
            values: pick("on", mode, clients).map(f),
            baseline: { name: `${comparison.name} off`, values: pick("off", mode, clients).map(f) },
          }),
        ),
      ),
    ),
    note: `${comparison.note} Each round restarts both query replicas with the setting and warms them; rounds alternate off, on.`,
  };
}
