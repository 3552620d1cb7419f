import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, repoRoot } from "../../infra/local/stack.js";

/** A function served by `wrangler dev` (workerd) on a loopback port. */
export interface WranglerDev {
  url: string;
  /** From spawn until the Worker answered its first request. */
  readyMs: number;
  /** Everything wrangler and the Worker printed so far (stdout and stderr interleaved). */
  output(): string;
  /** Stops the whole process group (wrangler, esbuild, workerd) and removes the temp dir. */
  stop(): Promise<void>;
}

export interface WranglerDevOptions {
  /** The function directory under functions/. */
  fn: string;
  /** Worker vars; they override the [vars] of the function's wrangler.toml. */
  vars: Record<string, string>;
  timeoutMs?: number;
}

/*
 * Keeps wrangler off the network, so the test needs nothing but the local stack:
 * - no telemetry and no crash reports;
 * - no banner, because printing it starts an npm registry "update available" check;
 * - no fetch of https://workers.cloudflare.com/cf.json (miniflare falls back to a built-in
 *   request.cf), which it otherwise attempts on every start;
 * - `--local` (below): remote bindings disabled, so no login or account lookup either.
 * An strace of wrangler dev with these settings shows connects to 127.0.0.1 only.
 */
const offlineEnv = {
  CI: "true",
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
  WRANGLER_HIDE_BANNER: "true",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  // Only the vars we pass may reach the Worker, never this test process's environment.
  CLOUDFLARE_INCLUDE_PROCESS_ENV: "false",
  // Plain text, so failure messages and the assertions on the output read cleanly.
  FORCE_COLOR: "0",
  NO_COLOR: "1",
};

/** dotenv syntax: single quotes keep every character literal, so only these two are unsafe. */
function envFileLine(key: string, value: string): string {
  if (/['\n\r]/.test(value)) throw new Error(`${key}: value cannot be written to a .env file`);
  return `${key}='${value}'`;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  // The group may be gone between the check and the signal; that is the goal anyway.
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {}
  };
  signal("SIGTERM");
  const deadline = Date.now() + 10_000;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) signal("SIGKILL");
}

/**
 * Starts `wrangler dev` for one function and resolves once the Worker answers its /healthz
 * (which builds config and deps, so a bad configuration fails here); rejects with the process
 * output if wrangler exits or the Worker is not up within timeoutMs.
 */
export async function startWranglerDev(options: WranglerDevOptions): Promise<WranglerDev> {
  const { fn, vars, timeoutMs = 60_000 } = options;
  const dir = mkdtempSync(join(tmpdir(), `docstack-wrangler-${fn}-`));
  // Secrets go to a private temp file, not to tracked files nor to the command line (ps).
  const envFile = join(dir, "worker.env");
  const lines = Object.entries(vars).map(([key, value]) => envFileLine(key, value));
  writeFileSync(envFile, `${lines.join("\n")}\n`, { mode: 0o600 });
  const port = await freePort();
  const inspectorPort = await freePort();
  const args = [
    "dev",
    "-c",
    `functions/${fn}/wrangler.toml`,
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--inspector-ip",
    "127.0.0.1",
    "--inspector-port",
    String(inspectorPort),
    "--local",
    "--env-file",
    envFile,
    "--persist-to",
    join(dir, "state"),
    "--show-interactive-dev-session=false",
  ];
  const started = Date.now();
  const child = spawn(join(repoRoot, "node_modules/.bin/wrangler"), args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...offlineEnv,
      // Debug logs and the dev registry stay in the temp dir, not in ~/.config/.wrangler.
      WRANGLER_LOG_PATH: join(dir, "logs"),
      WRANGLER_REGISTRY_PATH: join(dir, "registry"),
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so stop() reaches workerd and esbuild too.
    detached: true,
  });
  let output = "";
  const append = (chunk: Buffer) => {
    output += chunk.toString("utf8");
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  let exited: string | undefined;
  child.on("exit", (code, signal) => {
    exited = `exited with ${signal ?? `code ${code}`}`;
  });
  child.on("error", (error) => {
    exited = `failed to spawn: ${error.message}`;
  });

  const dev: WranglerDev = {
    url: `http://127.0.0.1:${port}`,
    readyMs: 0,
    output: () => output,
    async stop() {
      await stopGroup(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };

  let last = "no answer yet";
  for (;;) {
    if (exited !== undefined) {
      await dev.stop();
      throw new Error(`wrangler dev (${fn}) ${exited} before it was ready. Output:\n${output}`);
    }
    if (Date.now() - started > timeoutMs) {
      await dev.stop();
      throw new Error(`wrangler dev (${fn}) not ready after ${timeoutMs} ms (${last}). Output:\n${output}`);
    }
    try {
      const response = await fetch(`${dev.url}/healthz`, { signal: AbortSignal.timeout(5000) });
      const text = await response.text();
      last = `${response.status} ${text}`;
      // The function's name proves this port is our Worker, not something that took it first.
      if (response.status === 200 && (JSON.parse(text) as { function?: string }).function === fn) break;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  dev.readyMs = Date.now() - started;
  return dev;
}
