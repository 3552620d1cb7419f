import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { estimateTokens } from "../../shared/embeddings/openai-embedder.js";

/** One request as the stub saw it. */
export interface Arrival {
  at: number;
  input: string[];
  tokens: number;
  status: number;
}

/** What the stub answers to one request, decided before it is served. */
export type Verdict =
  | { kind: "embed" }
  | { kind: "status"; status: number; retryAfter?: string }
  | { kind: "drop" };

export interface StubOptions {
  dimension: number;
  /** Requests admitted per fixed window; past it, 429 with Retry-After until the window ends. */
  requestsPerWindow?: number;
  windowMs?: number;
  /** Forces an answer (a 5xx, a dropped connection) for some requests; the limit applies first. */
  decide?: (arrival: Arrival, seen: Arrival[]) => Verdict | undefined;
  /** How long a successful request stays in flight, so concurrent ones overlap. */
  holdMs?: number;
}

export interface EmbeddingsStub {
  /** Base URL up to /v1, as EMBEDDINGS_URL takes it. */
  url: string;
  arrivals: Arrival[];
  /** The most requests the stub was answering at one time. */
  maxInFlight(): number;
  served(status: number): number;
  dropped(): number;
  close(): Promise<void>;
}

/** A vector the test can check against its text: length, first code unit, a constant. */
export function stubVector(text: string, dimension: number): number[] {
  return Array.from({ length: dimension }, (_, i) =>
    i === 0 ? text.length : i === 1 ? text.charCodeAt(0) : 1,
  );
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

/**
 * A local OpenAI-compatible /v1/embeddings server, the stand-in for a third-party provider: it
 * counts requests in flight and tokens (estimated as the embedder estimates them, and reported
 * back as `usage.prompt_tokens`), and answers 429 with Retry-After when its window is full.
 */
export async function startEmbeddingsStub(options: StubOptions): Promise<EmbeddingsStub> {
  const arrivals: Arrival[] = [];
  const windowMs = options.windowMs ?? 1000;
  let inFlight = 0;
  let maxInFlight = 0;
  let dropped = 0;
  let windowStart = 0;
  let windowCount = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const body = JSON.parse(await readBody(req)) as { input: string[] };
      const arrival: Arrival = {
        at: Date.now(),
        input: body.input,
        tokens: estimateTokens(body.input),
        status: 200,
      };
      arrivals.push(arrival);
      let verdict: Verdict = { kind: "embed" };
      if (options.requestsPerWindow !== undefined) {
        if (arrival.at - windowStart >= windowMs) {
          windowStart = arrival.at;
          windowCount = 0;
        }
        windowCount++;
        if (windowCount > options.requestsPerWindow) {
          const left = Math.max(1, Math.ceil((windowStart + windowMs - arrival.at) / 1000));
          verdict = { kind: "status", status: 429, retryAfter: String(left) };
        }
      }
      if (verdict.kind === "embed") verdict = options.decide?.(arrival, arrivals) ?? verdict;
      if (verdict.kind === "drop") {
        arrival.status = 0;
        dropped++;
        req.socket.destroy();
        return;
      }
      if (verdict.kind === "status") {
        arrival.status = verdict.status;
        res.writeHead(verdict.status, {
          "content-type": "application/json",
          ...(verdict.retryAfter === undefined ? {} : { "retry-after": verdict.retryAfter }),
        });
        res.end(JSON.stringify({ error: { message: `stub says ${verdict.status}` } }));
        return;
      }
      if (options.holdMs) await new Promise((resolve) => setTimeout(resolve, options.holdMs));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          object: "list",
          data: body.input.map((text, index) => ({ index, embedding: stubVector(text, options.dimension) })),
          usage: { prompt_tokens: arrival.tokens, total_tokens: arrival.tokens },
        }),
      );
    } finally {
      inFlight--;
    }
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    arrivals,
    maxInFlight: () => maxInFlight,
    served: (status) => arrivals.filter((a) => a.status === status).length,
    dropped: () => dropped,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}

/** The most tokens that arrived within any `spanMs` (the window a budget promises to respect). */
export function mostTokensWithin(arrivals: readonly Arrival[], spanMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a.at - b.at);
  let most = 0;
  for (const [i, last] of sorted.entries()) {
    let sum = 0;
    for (let j = i; j >= 0; j--) {
      const earlier = sorted[j];
      if (earlier === undefined || last.at - earlier.at >= spanMs) break;
      sum += earlier.tokens;
    }
    most = Math.max(most, sum);
  }
  return most;
}
