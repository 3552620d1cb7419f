import { existsSync } from "node:fs";
import { join } from "node:path";
import { down, repoRoot, stackTestEnv, up } from "../../infra/local/stack.js";

export default async function setup(): Promise<() => Promise<void>> {
  if (existsSync(join(repoRoot, ".stack/state.json"))) return async () => {};
  await up({ functionEnv: stackTestEnv });
  return async () => {
    if (process.env.KEEP_STACK !== "1") await down();
  };
}
