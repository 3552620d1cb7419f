import { readFile } from "node:fs/promises";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { sql } from "../../shared/db/sql.js";
import { runIndex } from "../../shared/indexing/run-index.js";
import type { EmbeddedStack } from "../support/embedded-stack.js";
import { uploadForm } from "../support/embedded-stack.js";
import type { HostileFile } from "./hostile-files.js";

export interface HostileReport {
  case: string;
  sizeBytes: number;
  /** HTTP status of the upload; 201 when the file was accepted for indexing. */
  uploadStatus: number;
  /** The upload's problem detail when refused. */
  uploadDetail?: string;
  state?: string;
  reason?: string | null;
  chunks?: number;
  seconds: number;
  peakRssGrowthMiB: number;
  eventLoopMaxMs: number;
  eventLoopP99Ms: number;
  health: { ok: number; total: number; slowestMs: number };
  queries: { ok: number; total: number; slowestMs: number };
}

/**
 * The process's resident memory, sampled every 10 ms from a thread of its own, so the samples go
 * on even when the main thread is busy. Returns the peak since start.
 */
function rssSampler(): { stop(): Promise<number> } {
  const peak = new BigInt64Array(new SharedArrayBuffer(8));
  const stopFlag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { workerData } = require("node:worker_threads");
     const [peak, stop] = workerData;
     const tick = () => {
       const rss = BigInt(process.memoryUsage.rss());
       if (rss > Atomics.load(peak, 0)) Atomics.store(peak, 0, rss);
       if (Atomics.load(stop, 0) === 0) setTimeout(tick, 10);
     };
     tick();`,
    { eval: true, workerData: [peak, stopFlag] },
  );
  return {
    async stop() {
      Atomics.store(stopFlag, 0, 1);
      await new Promise((resolve) => worker.once("exit", resolve));
      return Number(Atomics.load(peak, 0));
    },
  };
}

/** Asks `/health` and a keyword query in turn, until told to stop; records status and latency. */
function prober(baseUrl: string, collection: string) {
  const health = { ok: 0, total: 0, slowestMs: 0 };
  const queries = { ok: 0, total: 0, slowestMs: 0 };
  let running = true;
  const timed = async (tally: typeof health, request: () => Promise<Response>) => {
    const started = performance.now();
    const response = await request();
    await response.arrayBuffer();
    tally.total++;
    if (response.status === 200) tally.ok++;
    tally.slowestMs = Math.max(tally.slowestMs, performance.now() - started);
  };
  const loop = (async () => {
    while (running) {
      await timed(health, () => fetch(`${baseUrl}/health`));
      await timed(queries, () =>
        fetch(`${baseUrl}/query`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ collection_id: collection, query: "harbour tides", mode: "keyword" }),
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { health, queries };
    },
  };
}

/**
 * Uploads one hostile file and indexes it while /health and queries are asked over HTTP, and
 * reports what happened and what it cost. `queryCollection` holds an indexed document to query.
 */
export async function indexHostile(
  stack: EmbeddedStack,
  baseUrl: string,
  queryCollection: string,
  caseName: string,
  file: HostileFile,
): Promise<HostileReport> {
  const bytes = new Uint8Array(await readFile(file.path));
  const collection = await stack.createCollection();
  const up = await stack.json<{ document?: { id: string }; detail?: string }>("/documents", {
    method: "POST",
    body: uploadForm(collection, { name: file.name, bytes, ...(file.type ? { type: file.type } : {}) }),
  });
  const base = { case: caseName, sizeBytes: bytes.length, uploadStatus: up.status };
  const id = up.body.document?.id;
  if (up.status !== 201 || id === undefined) {
    return {
      ...base,
      ...(up.body.detail ? { uploadDetail: up.body.detail } : {}),
      seconds: 0,
      peakRssGrowthMiB: 0,
      eventLoopMaxMs: 0,
      eventLoopP99Ms: 0,
      health: { ok: 0, total: 0, slowestMs: 0 },
      queries: { ok: 0, total: 0, slowestMs: 0 },
    };
  }

  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage.rss();
  const sampler = rssSampler();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const probe = prober(baseUrl, queryCollection);
  const started = performance.now();
  await runIndex({ ...stack.deps, batchSize: 16 }, { collectionId: collection, limit: 1, leaseS: 600 });
  const seconds = (performance.now() - started) / 1000;
  const answered = await probe.stop();
  delay.disable();
  const peak = await sampler.stop();

  const [row] = await stack.deps.db.query<{
    index_status: string;
    index_error: string | null;
    chunks: number;
  }>(sql`
    select index_status, index_error, (select count(*)::int from chunks where document_id = ${id}) as chunks
    from documents where id = ${id}`);
  return {
    ...base,
    state: row?.index_status,
    reason: row?.index_error,
    chunks: row?.chunks,
    seconds: Math.round(seconds * 10) / 10,
    peakRssGrowthMiB: Math.max(0, Math.round((peak - before) / 2 ** 20)),
    eventLoopMaxMs: Math.round(delay.max / 1e6),
    eventLoopP99Ms: Math.round(delay.percentile(99) / 1e6),
    ...answered,
  };
}

/** The reports as the Markdown table docs/limits.md shows. */
export function reportTable(reports: HostileReport[]): string {
  const lines = [
    "| case | size | outcome | reason | time | peak RSS growth | event loop max / p99 | /health, queries answered (slowest) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of reports) {
    const outcome =
      r.uploadStatus === 201 ? `${r.state} (${r.chunks} chunks)` : `refused at upload (${r.uploadStatus})`;
    const reason = r.uploadStatus === 201 ? (r.reason ?? "") : (r.uploadDetail ?? "");
    const size =
      r.sizeBytes >= 2 ** 20
        ? `${(r.sizeBytes / 2 ** 20).toFixed(1)} MiB`
        : `${(r.sizeBytes / 1024).toFixed(1)} KiB`;
    lines.push(
      `| ${r.case} | ${size} | ${outcome} | ${reason} | ${r.seconds} s | ${r.peakRssGrowthMiB} MiB | ${r.eventLoopMaxMs} / ${r.eventLoopP99Ms} ms | ${r.health.ok}/${r.health.total}, ${r.queries.ok}/${r.queries.total} (${Math.round(Math.max(r.health.slowestMs, r.queries.slowestMs))} ms) |`,
    );
  }
  return lines.join("\n");
}
