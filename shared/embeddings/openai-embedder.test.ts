import { afterEach, describe, expect, it } from "vitest";
import {
  type EmbeddingsStub,
  mostTokensWithin,
  type StubOptions,
  startEmbeddingsStub,
  stubVector,
} from "../../tests/support/embeddings-stub.js";
import { processMetrics } from "../metrics/registry.js";
import { OpenAiEmbedder, type OpenAiEmbedderOptions } from "./openai-embedder.js";

const dimension = 4;
let stub: EmbeddingsStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function start(options: Omit<StubOptions, "dimension">): Promise<EmbeddingsStub> {
  stub = await startEmbeddingsStub({ dimension, ...options });
  return stub;
}

function embedder(url: string, options: Partial<OpenAiEmbedderOptions> = {}): OpenAiEmbedder {
  return new OpenAiEmbedder({
    url,
    model: "stub",
    dimension,
    batchSize: 8,
    timeoutMs: 10_000,
    concurrency: 3,
    tokensPerMinute: 0,
    retries: 5,
    backoffBaseMs: 10,
    ...options,
  });
}

/** `count` documents of `chunks` texts each, every text unique, so a batch names itself. */
function documents(count: number, chunks: number, length = 40): string[][] {
  return Array.from({ length: count }, (_, d) =>
    Array.from({ length: chunks }, (_, c) => `doc ${d} chunk ${c} `.padEnd(length, "x")),
  );
}

async function counter(name: string, labels = ""): Promise<number> {
  const line = (await processMetrics.render()).split("\n").find((l) => l.startsWith(`${name}${labels} `));
  return Number(line?.split(" ")[1] ?? 0);
}

const retries = (reason: string) => counter("docstack_embedder_retries_total", `{reason="${reason}"}`);

describe("the remote embedder under a provider's limits", () => {
  it("finishes a burst of documents against a server answering 429, each refused batch retried alone", async () => {
    const s = await start({ requestsPerWindow: 10, windowMs: 1000, holdMs: 5 });
    const retriedBefore = await retries("throttled");
    const throttledBefore = await counter("docstack_embedder_throttled_total");
    const e = embedder(s.url);
    const docs = documents(6, 40); // 6 documents x 5 batches of 8
    const vectors = await Promise.all(docs.map((texts) => e.embed(texts, "document")));

    for (const [d, texts] of docs.entries())
      expect(vectors[d]).toEqual(texts.map((t) => stubVector(t, dimension)));
    const served429 = s.served(429);
    expect(served429).toBeGreaterThan(0);
    expect(s.served(200)).toBe(30);
    expect(s.arrivals.length).toBe(30 + served429);
    // Each batch came back once per 429 it got, and a batch that succeeded was never sent again.
    const sent = new Map<string, { ok: number; refused: number }>();
    for (const a of s.arrivals) {
      const key = a.input.join("|");
      const seen = sent.get(key) ?? { ok: 0, refused: 0 };
      if (a.status === 200) seen.ok++;
      else seen.refused++;
      sent.set(key, seen);
    }
    expect(sent.size).toBe(30);
    for (const seen of sent.values()) expect(seen.ok).toBe(1);
    expect((await retries("throttled")) - retriedBefore).toBe(served429);
    expect((await counter("docstack_embedder_throttled_total")) - throttledBefore).toBe(served429);
    // Never more than the cap in flight, and the cap was reached.
    expect(s.maxInFlight()).toBe(3);
    console.log(`burst: 30 batches, ${served429} answered 429 and retried, ${s.arrivals.length} requests`);
  });

  it("waits the Retry-After a 429 asks for, in seconds or as an HTTP date, before the batch comes back", async () => {
    const refusedAt = new Map<string, number>();
    const s = await start({
      decide: (arrival) => {
        const key = arrival.input.join("|");
        if (refusedAt.has(key)) return undefined;
        refusedAt.set(key, arrival.at);
        const retryAfter = key.includes("doc 0")
          ? "1"
          : new Date(Math.ceil((arrival.at + 1000) / 1000) * 1000 + 1000).toUTCString();
        return { kind: "status", status: 429, retryAfter };
      },
    });
    const e = embedder(s.url, { concurrency: 1 });
    await Promise.all(documents(2, 8).map((texts) => e.embed(texts, "document")));
    expect(s.served(429)).toBe(2);
    expect(s.served(200)).toBe(2);
    for (const [key, at] of refusedAt) {
      const again = s.arrivals.find((a) => a.status === 200 && a.input.join("|") === key);
      // A lower bound only: the retry may come later, never sooner than asked (less the
      // millisecond by which a timer may fire early against the wall clock).
      expect(again?.at ?? 0).toBeGreaterThanOrEqual(at + 999);
    }
  });

  it("retries 5xx answers and dropped connections with backoff, and only those batches", async () => {
    const s = await start({
      decide: (arrival, seen) => {
        const key = arrival.input.join("|");
        const tries = seen.filter((a) => a.input.join("|") === key).length;
        if (key.includes("doc 0 chunk 0 ") && tries <= 2) return { kind: "status", status: 503 };
        if (key.includes("doc 1 chunk 8 ") && tries === 1) return { kind: "status", status: 500 };
        if (key.includes("doc 2 chunk 16 ") && tries === 1) return { kind: "drop" };
        return undefined;
      },
    });
    const serverBefore = await retries("server");
    const networkBefore = await retries("network");
    const docs = documents(3, 24);
    const e = embedder(s.url);
    const vectors = await Promise.all(docs.map((texts) => e.embed(texts, "document")));
    expect(vectors.flat().length).toBe(72);
    expect(s.served(503) + s.served(500)).toBe(3);
    expect(s.dropped()).toBe(1);
    expect((await retries("server")) - serverBefore).toBe(3);
    expect((await retries("network")) - networkBefore).toBe(1);
    expect(s.arrivals.length).toBe(9 + 4);
  });

  it("gives up on a batch after its retries with an error that says so", async () => {
    const s = await start({ decide: () => ({ kind: "status", status: 429, retryAfter: "0" }) });
    await expect(embedder(s.url, { retries: 2 }).embed(["a", "b"], "document")).rejects.toThrow(
      /batch of 2 text\(s\) failed after 3 tries: embeddings server answered 429/,
    );
    expect(s.arrivals.length).toBe(3);
  });

  it.each([
    [400, undefined],
    [401, undefined],
    [429, "3600"],
  ])("does not retry a %i (Retry-After %s)", async (status, retryAfter) => {
    const s = await start({
      decide: () => ({ kind: "status", status, ...(retryAfter ? { retryAfter } : {}) }),
    });
    await expect(embedder(s.url).embed(["a"], "document")).rejects.toThrow(String(status));
    expect(s.arrivals.length).toBe(1);
  });

  it("keeps the tokens sent in any window within the budget", async () => {
    const s = await start({ holdMs: 5 });
    // 40-byte texts are 10 tokens each: a batch of 8 is 80, 16 batches 1280 in all.
    const budget = 400;
    const e = embedder(s.url, { tokensPerMinute: budget, budgetWindowMs: 1000 });
    await Promise.all(documents(4, 32).map((texts) => e.embed(texts, "document")));
    expect(s.arrivals.reduce((sum, a) => sum + a.tokens, 0)).toBe(1280);
    expect(s.served(200)).toBe(16);
    // Counted by the stub on arrival, over 0.8 of the window: a request sent just inside the
    // window may arrive a moment later than the one before it left the window.
    const most = mostTokensWithin(s.arrivals, 800);
    expect(most).toBeLessThanOrEqual(budget);
    console.log(`budget ${budget} tokens/s: at most ${most} tokens arrived within 0.8 s`);
  });
});
