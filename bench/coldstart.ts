/**
 * `npm run bench -- coldstart`: for each function, process start to first 200 on /healthz under
 * Node (`node --import tsx functions/<fn>/entry.node.ts` with the local stack's settings), and
 * its Workers bundle size (gzip) from `wrangler deploy --dry-run`; both against a Hono
 * hello-world started and bundled the same way.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { freePort, repoRoot, type StackState } from "../infra/local/stack.js";
import type { BenchOptions, BenchResult } from "./lib/bench.js";
import { procMemory } from "./lib/memory.js";
import type { Row, Table } from "./lib/report.js";
import { log, withStack } from "./lib/stack.js";
import { median } from "./lib/stats.js";

const functions = ["upload", "index", "query", "backup-status", "health"] as const;
type Subject = (typeof functions)[number] | "hello";

const entryOf = (s: Subject) =>
  s === "hello" ? "bench/servers/hello.node.ts" : `functions/${s}/entry.node.ts`;
const wranglerOf = (s: Subject) =>
  s === "hello" ? "bench/servers/wrangler.toml" : `functions/${s}/wrangler.toml`;

interface Start {
  ms: number;
  rssMiB: number;
}

/** Spawn to the first 200 on /healthz (polled every 5 ms), then the RSS; the process is stopped. */
async function coldStart(subject: Subject, env: Record<string, string>): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, entryOf(subject))], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`${subject} exited during startup: ${stderr.slice(-2000)}`);
      if (performance.now() - started > 60_000) throw new Error(`${subject}: no 200 within 60 s`);
      try {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
        if (r.status === 200) {
          const ms = performance.now() - started;
          return { ms, rssMiB: (child.pid && procMemory(child.pid)?.rssMiB) || Number.NaN };
        }
      } catch {}
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** wrangler's bundle of the subject (nothing uploaded): raw and gzip bytes. */
function bundleSize(subject: Subject): { raw: number; gzip: number } {
  const out = mkdtempSync(join(tmpdir(), "docstack-bench-bundle-"));
  try {
    execFileSync(
      join(repoRoot, "node_modules/.bin/wrangler"),
      ["deploy", "--dry-run", "--outdir", out, "-c", wranglerOf(subject)],
      {
        cwd: repoRoot,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
      },
    );
    const file = readdirSync(out).find((f) => f.endsWith(".js"));
    if (file === undefined) throw new Error(`wrangler wrote no .js for ${subject}`);
    const bytes = readFileSync(join(out, file));
    return { raw: bytes.byteLength, gzip: gzipSync(bytes).byteLength };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function runColdstart(options: BenchOptions): Promise<BenchResult> {
  const runs = options.runs ?? (options.quick ? 2 : 5);
  const subjects: Subject[] = ["hello", ...functions];
  const starts: Record<Subject, Start[]> = {
    hello: [],
    upload: [],
    index: [],
    query: [],
    "backup-status": [],
    health: [],
  };
  await withStack({}, async (state: StackState) => {
    const env = state.functionEnv;
    // One unrecorded start each: tsx's transform cache and the page cache are warm for all.
    for (const s of subjects) await coldStart(s, env);
    for (let run = 1; run <= runs; run++) {
      for (const s of subjects) {
        const r = await coldStart(s, env);
        starts[s].push(r);
        log(`run ${run} ${s}: first 200 after ${r.ms.toFixed(0)} ms, RSS ${r.rssMiB.toFixed(0)} MiB`);
      }
    }
  });
  log("bundling with wrangler deploy --dry-run");
  const bundles = Object.fromEntries(subjects.map((s) => [s, bundleSize(s)])) as Record<
    Subject,
    { raw: number; gzip: number }
  >;

  const startRows: Row[] = functions.flatMap((fn): Row[] => [
    {
      metric: `${fn}: start to first 200`,
      unit: "ms",
      values: starts[fn].map((s) => s.ms),
      baseline: { name: "Hono hello-world", values: starts.hello.map((s) => s.ms) },
    },
    {
      metric: `${fn}: RSS at first 200`,
      unit: "MiB",
      values: starts[fn].map((s) => s.rssMiB),
      baseline: { name: "Hono hello-world", values: starts.hello.map((s) => s.rssMiB) },
    },
  ]);
  const bundleRows: Row[] = functions.map((fn) => ({
    metric: `${fn}: Workers bundle (gzip)`,
    unit: "KiB",
    values: [bundles[fn].gzip / 1024],
    baseline: { name: "Hono hello-world bundle", values: [bundles.hello.gzip / 1024] },
  }));
  const tables: Table[] = [
    {
      title: "Node: process start to first 200 on /healthz",
      rows: startRows,
      note: "`node --import tsx <entry>` with the local stack's environment (PostgreSQL through PgBouncer, MinIO, Chroma, Redis), polled every 5 ms; tsx compiles TypeScript at start (its cache warm after one unrecorded start each).",
    },
    {
      title: "Workers: bundle size",
      rows: [
        ...bundleRows,
        ...functions.map((fn) => ({
          metric: `${fn}: Workers bundle (raw)`,
          unit: "KiB",
          values: [bundles[fn].raw / 1024],
        })),
      ],
      note: "`wrangler deploy --dry-run --outdir` (infra/workers/check-bundles.sh does the same), gzip (default level, as `gzip -c` there) of the .js by node:zlib.",
    },
  ];
  const slowest =
    [...functions].sort(
      (a, b) => median(starts[b].map((s) => s.ms)) - median(starts[a].map((s) => s.ms)),
    )[0] ?? "upload";
  return {
    settings: {
      runs,
      poll: "GET /healthz every 5 ms",
      runtime: `Node ${process.versions.node} + tsx`,
      wrangler: "deploy --dry-run",
    },
    tables,
    findings: [
      `Slowest start: ${slowest}, ${median(starts[slowest].map((s) => s.ms)).toFixed(0)} ms median to its first 200 (hello-world ${median(starts.hello.map((s) => s.ms)).toFixed(0)} ms). Largest bundle: ${[...functions].sort((a, b) => bundles[b].gzip - bundles[a].gzip)[0]} (${(Math.max(...functions.map((f) => bundles[f].gzip)) / 1024).toFixed(0)} KiB gzip).`,
    ],
    detail: { starts, bundles },
  };
}
