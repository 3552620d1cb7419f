/**
 * `npm run bench -- coldstart`: for each function, process start to first 200 on /healthz under
 * Node with the local stack's settings, from the built bundle (`node dist/<fn>.js`, as production
 * runs it) and from sources through tsx (its transform cache empty at every start), and its
 * Workers bundle size (gzip) from `wrangler deploy --dry-run`; each against a Hono hello-world
 * started and bundled the same way. On Node 22 and later, the bundles also start with Node's compile
 * cache filled (NODE_COMPILE_CACHE, as an image can ship it); such a run writes its own report
 * (`coldstart-node<major>-<date>`), the machine's Node 20 the default one.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { builtEntry, freePort, repoRoot, type StackState } from "../infra/local/stack.js";
import { bundleOptions } from "../tools/build.js";
import type { BenchOptions, BenchResult } from "./lib/bench.js";
import { mainThreadCpuMs, procMemory } from "./lib/memory.js";
import type { Row, Table } from "./lib/report.js";
import { log, withStack } from "./lib/stack.js";
import { median } from "./lib/stats.js";

const functions = ["upload", "index", "query", "backup-status", "health", "analytics"] as const;
type Subject = (typeof functions)[number] | "hello";

type Path = "built" | "cached" | "tsx";
const nodeMajor = Number(process.versions.node.split(".")[0]);
/** NODE_COMPILE_CACHE exists from Node 22.1. */
const compileCache = nodeMajor >= 22;
const entryOf = (s: Subject) =>
  s === "hello" ? "bench/servers/hello.node.ts" : `functions/${s}/entry.node.ts`;
/** The hello-world bundled with tools/build.ts's options (dist/ itself is rebuilt by stack:up). */
const helloDir = join(repoRoot, ".bench/coldstart");
const helloBundle = join(helloDir, "bench-hello.js");
const wranglerOf = (s: Subject) =>
  s === "hello" ? "bench/servers/wrangler.toml" : `functions/${s}/wrangler.toml`;

interface Start {
  ms: number;
  rssMiB: number;
  /** Main-thread CPU time at the first 200. */
  cpuMs: number;
}

/**
 * Spawn to the first 200 on /healthz (polled every 5 ms), then the RSS; the process is stopped.
 * Through tsx, TMPDIR is a new directory each time, so tsx's transform cache starts empty as in a
 * fresh container; Node's own compile cache is off (NODE_COMPILE_CACHE unset) on those two paths.
 * The cached path runs the built bundle with NODE_COMPILE_CACHE set to `cacheDir`, which the
 * subject's unrecorded first start filled (Node writes it when the process exits).
 */
async function coldStart(
  subject: Subject,
  path: Path,
  env: Record<string, string>,
  cacheDir: string,
): Promise<Start> {
  const port = await freePort();
  const tmp = mkdtempSync(join(tmpdir(), "docstack-coldstart-"));
  const args =
    path !== "tsx"
      ? subject === "hello"
        ? [helloBundle]
        : builtEntry(subject)
      : ["--import", "tsx", join(repoRoot, entryOf(subject))];
  const { NODE_COMPILE_CACHE: _ignored, ...inherited } = process.env;
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: {
      ...inherited,
      ...env,
      PORT: String(port),
      TMPDIR: tmp,
      ...(path === "cached" ? { NODE_COMPILE_CACHE: cacheDir } : {}),
    },
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
          const pid = child.pid ?? 0;
          return { ms, rssMiB: procMemory(pid)?.rssMiB || Number.NaN, cpuMs: mainThreadCpuMs(pid) };
        }
      } catch {}
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
    rmSync(tmp, { recursive: true, force: true });
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
  const paths: Path[] = compileCache ? ["built", "cached", "tsx"] : ["built", "tsx"];
  const cacheRoot = mkdtempSync(join(tmpdir(), "docstack-compile-cache-"));
  const cacheOf = (s: Subject) => join(cacheRoot, s);
  const starts = Object.fromEntries(
    paths.map((p) => [p, Object.fromEntries(subjects.map((s) => [s, [] as Start[]]))]),
  ) as Record<Path, Record<Subject, Start[]>>;
  log("the hello-world bundled as npm run build bundles (the stack's start builds dist/)");
  await build({ ...bundleOptions({ "bench-hello": entryOf("hello") }, helloDir), logLevel: "warning" });
  await withStack({}, async (state: StackState) => {
    const env = state.functionEnv;
    // One unrecorded start each, so every subject meets the same warm page cache.
    // The cached path's first start fills its compile cache.
    for (const p of paths) for (const s of subjects) await coldStart(s, p, env, cacheOf(s));
    for (let run = 1; run <= runs; run++) {
      for (const p of paths) {
        for (const s of subjects) {
          const r = await coldStart(s, p, env, cacheOf(s));
          starts[p][s].push(r);
          log(
            `run ${run} ${p} ${s}: first 200 after ${r.ms.toFixed(0)} ms (main thread ${r.cpuMs.toFixed(0)} ms CPU), RSS ${r.rssMiB.toFixed(0)} MiB`,
          );
        }
      }
    }
  });
  rmSync(cacheRoot, { recursive: true, force: true });
  log("bundling with wrangler deploy --dry-run");
  const bundles = Object.fromEntries(subjects.map((s) => [s, bundleSize(s)])) as Record<
    Subject,
    { raw: number; gzip: number }
  >;

  const startRows = (p: Path): Row[] =>
    functions.flatMap((fn): Row[] => [
      {
        metric: `${fn}: start to first 200`,
        unit: "ms",
        values: starts[p][fn].map((s) => s.ms),
        baseline: { name: `hello-world (${p})`, values: starts[p].hello.map((s) => s.ms) },
      },
      {
        metric: `${fn}: main-thread CPU to first 200`,
        unit: "ms",
        values: starts[p][fn].map((s) => s.cpuMs),
        baseline: { name: `hello-world (${p})`, values: starts[p].hello.map((s) => s.cpuMs) },
      },
      {
        metric: `${fn}: RSS at first 200`,
        unit: "MiB",
        values: starts[p][fn].map((s) => s.rssMiB),
        baseline: { name: `hello-world (${p})`, values: starts[p].hello.map((s) => s.rssMiB) },
      },
    ]);
  const versusTsx: Row[] = functions.map((fn) => ({
    metric: `${fn}: built start to first 200`,
    unit: "ms",
    values: starts.built[fn].map((s) => s.ms),
    baseline: { name: "the same function through tsx", values: starts.tsx[fn].map((s) => s.ms) },
  }));
  const bundleRows: Row[] = functions.map((fn) => ({
    metric: `${fn}: Workers bundle (gzip)`,
    unit: "KiB",
    values: [bundles[fn].gzip / 1024],
    baseline: { name: "Hono hello-world bundle", values: [bundles.hello.gzip / 1024] },
  }));
  const tables: Table[] = [
    {
      title: "Node, built (`node dist/<fn>.js`): process start to first 200 on /healthz",
      rows: startRows("built"),
      note: "`npm run build`'s bundles, run as the images run them (`node dist/<fn>.js`), with the local stack's environment (PostgreSQL through PgBouncer, MinIO, Chroma, Redis), polled every 5 ms; Node's compile cache off. The hello-world is bundled with the same esbuild options. Main-thread CPU (/proc/<pid>/schedstat) is the work of the start, which other load on the machine stretches less than the wall time.",
    },
    ...(compileCache
      ? [
          {
            title:
              "Node, built, compile cache filled (`NODE_COMPILE_CACHE`): process start to first 200 on /healthz",
            rows: startRows("cached"),
            note: "The same bundles with Node's compile cache (V8 code cache on disk) written by an earlier start of the same bundle, as an image that ships the cache directory would start. Not the goal's condition (an empty cache); shown beside it.",
          },
        ]
      : []),
    {
      title: "Node, from sources (`node --import tsx <entry>`): process start to first 200 on /healthz",
      rows: startRows("tsx"),
      note: "tsx compiles TypeScript at start; its transform cache is empty at every start (TMPDIR is a new directory), as in a fresh container.",
    },
    { title: "Built against tsx, the same function", rows: versusTsx },
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
  const med = (p: Path, s: Subject, f: (x: Start) => number) => median(starts[p][s].map(f));
  const slowestOf = (p: Path) =>
    [...functions].sort((a, b) => med(p, b, (x) => x.ms) - med(p, a, (x) => x.ms))[0] ?? "upload";
  const slowest = slowestOf("built");
  const heaviest =
    [...functions].sort((a, b) => med("built", b, (x) => x.rssMiB) - med("built", a, (x) => x.rssMiB))[0] ??
    "upload";
  const largest = [...functions].sort((a, b) => bundles[b].gzip - bundles[a].gzip)[0] ?? "index";
  const hello = med("built", "hello", (x) => x.ms);
  const helloCpu = med("built", "hello", (x) => x.cpuMs);
  const cachedFinding = compileCache
    ? [
        `Built with the compile cache filled, slowest start: ${slowestOf("cached")}, ${med("cached", slowestOf("cached"), (x) => x.ms).toFixed(0)} ms median (hello-world ${med("cached", "hello", (x) => x.ms).toFixed(0)} ms).`,
      ]
    : [];
  return {
    ...(nodeMajor === 20 ? {} : { variant: `node${nodeMajor}` }),
    settings: {
      runs,
      poll: "GET /healthz every 5 ms",
      runtime: `Node ${process.versions.node}`,
      paths: compileCache
        ? "built (node dist/<fn>.js, empty compile cache), cached (the same, compile cache filled), tsx (node --import tsx, empty cache)"
        : "built (node dist/<fn>.js), tsx (node --import tsx, empty cache)",
      wrangler: "deploy --dry-run",
    },
    tables,
    findings: [
      `Built, slowest start: ${slowest}, ${med("built", slowest, (x) => x.ms).toFixed(0)} ms median to its first 200, ×${(med("built", slowest, (x) => x.ms) / hello).toFixed(2)} of the built hello-world (${hello.toFixed(0)} ms); goals ≤ ×1.5 and ≤ 250 ms.`,
      `Built, main-thread CPU to the first 200: ${functions.map((fn) => `${fn} ${med("built", fn, (x) => x.cpuMs).toFixed(0)}`).join(", ")} ms (hello-world ${helloCpu.toFixed(0)} ms).`,
      `Built, largest RSS at first 200: ${heaviest}, ${med("built", heaviest, (x) => x.rssMiB).toFixed(0)} MiB (goal ≤ 100 MiB; hello-world ${med("built", "hello", (x) => x.rssMiB).toFixed(0)} MiB).`,
      ...cachedFinding,
      `Through tsx with an empty cache, the same function: ${med("tsx", slowest, (x) => x.ms).toFixed(0)} ms.`,
      `Largest Workers bundle: ${largest}, ${(bundles[largest].gzip / 1024).toFixed(0)} KiB gzip (goal ≤ 1,024 KiB).`,
    ],
    detail: { starts, bundles },
  };
}
