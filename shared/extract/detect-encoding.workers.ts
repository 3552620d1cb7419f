import type { Detection } from "./encoding-detection.js";

/**
 * The encoding detector of the Workers bundles (package.json `imports`, condition `workerd`):
 * none. jschardet's byte-pair models are 700 KiB gzip, more than half of what a Worker may
 * weigh, so text that is neither marked, declared nor UTF-8 is left to an index worker on Node
 * (text-encoding.ts, index-pipeline.ts).
 */
export function detectEncoding(_sample: Uint8Array): Detection {
  return { kind: "undetected" };
}
