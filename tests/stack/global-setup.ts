import { existsSync } from "node:fs";
import { join } from "node:path";
import { down, repoRoot, up } from "../../infra/local/stack.js";

/** Settings the stack tests rely on: a small query limit makes the burst test quick. */
export const stackTestEnv = { RATE_LIMIT_QUERY: "60", RATE_LIMIT_WINDOW_S: "60" };

export default async function setup(): Promise<() => Promise<void>> {
  if (existsSync(join(repoRoot, ".stack/state.json"))) return async () => {};
  await up({ functionEnv: stackTestEnv });
  return async () => {
    if (process.env.KEEP_STACK !== "1") await down();
  };
}
