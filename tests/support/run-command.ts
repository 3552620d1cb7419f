import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const running = new Set<ChildProcess>();

/** Ends whatever this file's tests started and left running (a test that failed half-way). */
export function stopCommands(): void {
  for (const child of running) child.kill("SIGKILL");
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  output(): { stdout: string; stderr: string };
  /** Resolves when the process has ended. */
  exited: Promise<Finished>;
}

/**
 * A Docstack command (`bin/keys.ts`, a function's entry) in a process of its own, as an operator
 * runs it: `node --import tsx` from the repository root, with `env` over this process's environment.
 */
export function startCommand(script: string, args: string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<Finished>((done) => {
    child.on("close", (code) => {
      running.delete(child);
      done({ code, stdout, stderr });
    });
  });
  return { child, output: () => ({ stdout, stderr }), exited };
}

export function runCommand(script: string, args: string[], env: Record<string, string>): Promise<Finished> {
  return startCommand(script, args, env).exited;
}

/**
 * Waits until the process prints `text` on stdout (true) or ends first (false). Bounded by the
 * test's own timeout.
 */
export async function printed(running: Running, text: string): Promise<boolean> {
  for (;;) {
    if (running.output().stdout.includes(text)) return true;
    if (running.child.exitCode !== null || running.child.signalCode !== null) {
      return running.output().stdout.includes(text);
    }
    await new Promise<void>((wake) => {
      const again = () => {
        running.child.stdout?.off("data", again);
        running.child.off("close", again);
        wake();
      };
      running.child.stdout?.on("data", again);
      running.child.on("close", again);
    });
  }
}
