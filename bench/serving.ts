/**
 * `npm run bench -- serving`: does `npm start` (one process: every function, PGlite, the index
 * worker) keep answering while it indexes? A bulk ingest (part of the ingest corpus, a 3.3 MB
 * CSV and a 1.3 MB text file, both generated) is uploaded at once, and GET /healthz is probed
 * every 25 ms until everything is indexed. With SERVING_BASELINE_ROOT pointing at another
 * checkout (an earlier commit, with its node_modules), the same is done there first, as the
 * baseline of the same run.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, repoRoot } from "../infra/local/stack.js";
import type { BenchOptions, BenchResult } from "./lib/bench.js";
import { ensureCorpus } from "./lib/corpus.js";
import { type MemoryPeaks, sampleMemory } from "./lib/memory.js";
import type { Row } from "./lib/report.js";
import { log } from "./lib/stack.js";
import { ascending, percentile } from "./lib/stats.js";
import { waitHealthy } from "./lib/wait-healthy.js";

interface ServingRun {
  seconds: number;
  documents: number;
  probes: number[];
  /** Probes that got no answer or not a 200. */
  failures: number;
  /** The server's own event-loop figure over the ingest, where it reports one. */
  eventLoopP99Ms?: number;
  memory?: MemoryPeaks;
}

function csv(rows: number): Uint8Array {
  const lines = ["id,region,programme,recipient,amount_usd,fiscal_year,notes"];
  let x = 12345;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x;
  };
  for (let i = 0; i < rows; i++)
    lines.push(
      `${i},Region ${next() % 50},Programme ${next() % 300},"Recipient ${next() % 9000}, Inc.",${(next() % 10_000_000) / 100},${2000 + (next() % 25)},grant line ${next() % 1000}`,
    );
  return new TextEncoder().encode(lines.join("\r\n"));
}

function prose(bytes: number): Uint8Array {
  const sentence =
    "The harbour authority reviewed berth allocations, tide tables and cargo manifests for the quarter. ";
  let text = "";
  for (let i = 0; text.length < bytes; i++)
    text += `${i % 40 === 0 ? "\n\n" : ""}${sentence.replace("quarter", `quarter ${i}`)}`;
  return new TextEncoder().encode(text);
}

/**
 * fetch, again after a dropped connection: a server whose event loop stalls past its keep-alive
 * timeout closes idle sockets, and the next request on one of them fails before it was read.
 */
async function send(url: string, init?: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function eventLoopP99(url: string): Promise<number | undefined> {
  const text = await (await send(`${url}/metrics`)).text();
  const m = text.match(/^docstack_event_loop_delay_seconds\{quantile="0\.99"\} ([0-9.e+-]+)$/m);
  return m ? Number(m[1]) * 1000 : undefined;
}

async function servingRun(
  root: string,
  files: { name: string; type: string; bytes: Uint8Array }[],
): Promise<ServingRun> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "docstack-serving-"));
  const url = `http://127.0.0.1:${port}`;
  // SERVING_NODE_ARGS: e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see what holds the loop.
  const nodeArgs = process.env.SERVING_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", join(root, "bin/start.ts")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      NODE_ENV: "development",
      // The bulk upload is the load here, not what the limiter is for.
      RATE_LIMIT_UPLOAD: "100000",
      RATE_LIMIT_DEFAULT: "100000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitHealthy(url, child);
    const created = await send(`${url}/collections`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: `serving-${Date.now()}` }),
    });
    const collection = ((await created.json()) as { id: string }).id;
    await eventLoopP99(url).catch(() => undefined);
    const memory = child.pid === undefined ? undefined : sampleMemory({ server: child.pid });
    const started = performance.now();
    for (const file of files) {
      const form = new FormData();
      form.set("collection_id", collection);
      form.set("file", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
      const r = await send(`${url}/documents`, { method: "POST", body: form });
      if (r.status !== 201) throw new Error(`upload ${file.name}: ${r.status} ${await r.text()}`);
    }
    const probes: number[] = [];
    let failures = 0;
    let done = false;
    const prober = (async () => {
      while (!done) {
        const t = performance.now();
        try {
          if (!(await fetch(`${url}/healthz`)).ok) failures++;
        } catch {
          // A keep-alive connection the stalled server dropped: the probe failed, as a client's would.
          failures++;
        }
        probes.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    for (;;) {
      const r = await send(`${url}/index/status?collection_id=${collection}`);
      const s = (await r.json()) as { counts: { pending: number; indexing: number } };
      if (s.counts.pending + s.counts.indexing === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const seconds = (performance.now() - started) / 1000;
    done = true;
    await prober;
    const eventLoop = await eventLoopP99(url).catch(() => undefined);
    const peaks = memory?.stop().server;
    return {
      seconds,
      documents: files.length,
      probes,
      failures,
      ...(eventLoop === undefined ? {} : { eventLoopP99Ms: eventLoop }),
      ...(peaks === undefined ? {} : { memory: peaks }),
    };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runServing(options: BenchOptions): Promise<BenchResult> {
  const corpus = await ensureCorpus(
    { documents: 500, totalBytes: 105_000_000, seed: 7 },
    join(repoRoot, ".bench/corpus"),
    (n) => log(`corpus: ${n} generated`),
  );
  const files = [
    { name: "grants.csv", type: "text/csv", bytes: csv(options.quick ? 3000 : 30_000) },
    { name: "harbour-report.txt", type: "text/plain", bytes: prose(options.quick ? 130_000 : 1_300_000) },
    ...corpus
      .slice(0, options.quick ? 10 : 60)
      .map((e) => ({ name: e.name, type: e.contentType, bytes: readFileSync(e.path) })),
  ];
  const baselineRoot = process.env.SERVING_BASELINE_ROOT;
  let before: ServingRun | undefined;
  if (baselineRoot !== undefined) {
    log(`baseline: ${baselineRoot}`);
    before = await servingRun(baselineRoot, files);
    log(
      `baseline: ${before.seconds.toFixed(1)} s, /healthz worst ${Math.max(...before.probes).toFixed(0)} ms`,
    );
  }
  log(`this tree: ${repoRoot}`);
  const after = await servingRun(repoRoot, files);
  log(`this tree: ${after.seconds.toFixed(1)} s, /healthz worst ${Math.max(...after.probes).toFixed(0)} ms`);
  const row = (metric: string, unit: string, f: (r: ServingRun) => number): Row => ({
    metric,
    unit,
    values: [f(after)],
    ...(before === undefined
      ? {}
      : { baseline: { name: "before (baseline checkout)", values: [f(before)] } }),
  });
  const mb = files.reduce((a, f) => a + f.bytes.byteLength, 0) / 1e6;
  return {
    settings: {
      documents: files.length,
      "corpus MB": Number(mb.toFixed(1)),
      "probe interval": "25 ms",
      baseline: baselineRoot ?? "none",
    },
    tables: [
      {
        title: "npm start while it indexes a bulk upload: GET /healthz answered",
        rows: [
          row("/healthz p50", "ms", (r) => percentile(ascending(r.probes), 0.5)),
          row("/healthz p99", "ms", (r) => percentile(ascending(r.probes), 0.99)),
          row("/healthz worst", "ms", (r) => Math.max(...r.probes)),
          row("probes", "", (r) => r.probes.length),
          row("probes failed (connection dropped or not 200)", "", (r) => r.failures),
          row("ingest wall time", "s", (r) => r.seconds),
          row("documents/s", "doc/s", (r) => r.documents / r.seconds),
          row("peak RSS", "MiB", (r) => r.memory?.peakMiB ?? Number.NaN),
          {
            metric: "event-loop delay p99 (the server's own gauge)",
            unit: "ms",
            values: [after.eventLoopP99Ms ?? Number.NaN],
            baseline: { name: "goal", values: [50] },
          },
        ],
        note: "A probe waits for the answer, then 25 ms. The baseline checkout has no event-loop gauge: its /healthz latency is the comparable figure.",
      },
    ],
    findings: [],
    detail: { before, after: { ...after, probes: undefined }, beforeProbes: before?.probes.length },
  };
}
