import type { Deps } from "../deps/deps.js";

export interface ProbeResult {
  status: "up" | "down";
  latency_ms: number;
  adapter: string;
  error?: string;
}

async function probe(adapter: string, fn: () => Promise<void>, timeoutMs: number): Promise<ProbeResult> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: "up", latency_ms: Math.round((performance.now() - started) * 10) / 10, adapter };
  } catch (error) {
    return {
      status: "down",
      latency_ms: Math.round((performance.now() - started) * 10) / 10,
      adapter,
      error: error instanceof Error ? error.message.slice(0, 200) : "unknown error",
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Asks every configured dependency for a real answer, in parallel, each bounded by a timeout. */
export async function probeDependencies(deps: Deps, timeoutMs = 2000): Promise<Record<string, ProbeResult>> {
  const entries = await Promise.all([
    probe(deps.db.kind, () => deps.db.ping(), timeoutMs).then((r) => ["database", r] as const),
    probe(deps.objects.kind, () => deps.objects.ping(), timeoutMs).then((r) => ["objects", r] as const),
    probe(deps.vectors.kind, () => deps.vectors.ping(), timeoutMs).then((r) => ["vectors", r] as const),
    probe(deps.embedder.kind, () => deps.embedder.ping(), timeoutMs).then((r) => ["embedder", r] as const),
    probe(deps.limiter.kind, () => deps.limiter.ping(), timeoutMs).then((r) => ["ratelimit", r] as const),
  ]);
  return Object.fromEntries(entries);
}
