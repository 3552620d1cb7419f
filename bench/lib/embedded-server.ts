import { spawn } from "node:child_process";
import { join } from "node:path";
import { freePort } from "../../infra/local/stack.js";
import { waitHealthy } from "./wait-healthy.js";

/**
 * `npm start` of the checkout at `root` on `dataDir`, for query benchmarks: the built-in
 * embedder, the answer cache off (every cell asks the same questions), and no rate limit (one
 * client uploads thousands of documents and asks thousands of questions a minute).
 */
export async function startEmbeddedServer(
  root: string,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ url: string; pid: number | undefined; stop: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "bin/start.ts")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      NODE_ENV: "development",
      EMBEDDER: "builtin",
      QUERY_CACHE: "off",
      RATE_LIMIT_UPLOAD: "1000000",
      RATE_LIMIT_QUERY: "1000000",
      RATE_LIMIT_DEFAULT: "1000000",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  };
  try {
    await waitHealthy(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid, stop };
}
