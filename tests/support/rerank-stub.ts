import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { RerankApi } from "../../shared/rerank/rerank-api.js";

/** One request as the stub saw it. */
export interface RerankArrival {
  body: Record<string, unknown>;
  authorization: string | undefined;
  /** The passages sent, whichever field the API carries them in. */
  passages: string[];
}

export interface RerankStubOptions {
  api: RerankApi;
  /** The stub's relevance of a passage to the query. */
  score: (query: string, passage: string) => number;
  /** Answers this status instead of scores (a failing server), while it returns one. */
  failWith?: () => number | undefined;
  /** Holds each answer this long (a slow server), while it returns more than 0. */
  delayMs?: () => number;
  /** Closes the connection without an answer, while it returns true. */
  drop?: () => boolean;
}

export interface RerankStub {
  /** The endpoint, as RERANK_URL takes it. */
  url: string;
  arrivals: RerankArrival[];
  close(): Promise<void>;
}

/** Words of three letters or more the passage shares with the query: a stand-in relevance. */
export function wordOverlap(query: string, passage: string): number {
  const words = new Set(query.toLowerCase().split(/\W+/));
  return passage
    .toLowerCase()
    .split(/\W+/)
    .filter((w) => w.length > 2 && words.has(w)).length;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

/**
 * A local POST /rerank server, the stand-in for a third-party rerank API that tests cannot
 * run: it speaks text-embeddings-inference's shape ({query, texts} → [{index, score}]) or
 * Cohere's and Jina's ({model, query, documents, top_n} → {results: [{index, relevance_score}]}),
 * scoring with the test's function, best first as those servers answer.
 */
export async function startRerankStub(options: RerankStubOptions): Promise<RerankStub> {
  const arrivals: RerankArrival[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    const passages = (options.api === "tei" ? body.texts : body.documents) as string[];
    arrivals.push({ body, authorization: req.headers.authorization, passages });
    if (options.drop?.()) {
      req.socket.destroy();
      return;
    }
    const delay = options.delayMs?.() ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const status = options.failWith?.();
    if (status !== undefined) {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: `stub says ${status}` }));
      return;
    }
    const query = String(body.query);
    const ranked = passages
      .map((text, index) => ({ index, score: options.score(query, text) }))
      .sort((a, b) => b.score - a.score);
    const answer =
      options.api === "tei"
        ? ranked
        : {
            model: body.model,
            results: ranked
              .slice(0, Number(body.top_n ?? ranked.length))
              .map(({ index, score }) => ({ index, relevance_score: score })),
          };
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer));
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${options.api === "tei" ? "rerank" : "v1/rerank"}`,
    arrivals,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}
