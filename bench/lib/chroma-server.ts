import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromaBin, freePort } from "../../infra/local/stack.js";

export interface ChromaServer {
  url: string;
  /** The running server's process id (a restart changes it). */
  readonly pid: number;
  /** Stops the server and starts it again on the same port and data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

interface Running {
  pid: number;
  stop(): Promise<void>;
}

async function launch(dir: string, port: number): Promise<Running> {
  const child = spawn(chromaBin(), ["run", "--path", dir, "--host", "127.0.0.1", "--port", String(port)], {
    env: { ...process.env, ANONYMIZED_TELEMETRY: "False" },
    stdio: "ignore",
  });
  let running = true;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      running = false;
      resolve();
    }),
  );
  const stop = async () => {
    if (!running) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  while (running && Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/v2/heartbeat`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && child.pid !== undefined) return { pid: child.pid, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`chroma did not answer on port ${port} (exited: ${!running})`);
}

/**
 * A Chroma server of the benchmark's own (`chroma run`, as the local stack runs it) on a free
 * loopback port and a temporary data directory, removed when it stops. Ready once its heartbeat
 * answers; fails if it exits first or is not ready within a minute.
 */
export async function startChroma(): Promise<ChromaServer> {
  const dir = mkdtempSync(join(tmpdir(), "docstack-chroma-bench-"));
  const port = await freePort();
  let current: Running;
  try {
    current = await launch(dir, port);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    get pid() {
      return current.pid;
    },
    async restart() {
      await current.stop();
      current = await launch(dir, port);
    },
    async stop() {
      await current.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
