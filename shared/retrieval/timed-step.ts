import { searchDuration } from "../metrics/registry.js";

/** One step of a search, timed into docstack_search_duration_seconds{side}. */
export async function timed<T>(
  side: "keyword" | "vector" | "rerank" | "highlight",
  run: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    searchDuration({ side }, (performance.now() - started) / 1000);
  }
}
