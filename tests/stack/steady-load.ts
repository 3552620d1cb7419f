import { Agent, request as httpRequest } from "node:http";
import { encodeRequest, state } from "./stack-client.js";

/** One request of the steady load and what came back. */
export interface Sample {
  route: string;
  /** When it was sent and how long it took, ms since the epoch / ms. */
  at: number;
  ms: number;
  /** 0: no answer (connection error, or no answer within the client's limit). */
  status: number;
  retryAfter: string | null;
  contentType: string | null;
  body: string;
}

export interface LoadRoute {
  name: string;
  /** Loops sending this route at once, each from its own loopback address. */
  loops: number;
  /** Pause between one loop's requests, ms: Nginx allows 10 r/s per address (uploads 1 r/s). */
  pauseMs: number;
  request(n: number): {
    method: string;
    path: string;
    body?: FormData | string;
    headers?: Record<string, string>;
  };
}

export interface SteadyLoad {
  samples: Sample[];
  stop(): Promise<Sample[]>;
}

/** The client's own limit: a request still unanswered after this counts as hung. */
export const CLIENT_LIMIT_MS = 20_000;

async function send(
  agent: Agent,
  localAddress: string,
  key: string,
  route: string,
  init: ReturnType<LoadRoute["request"]>,
): Promise<Sample> {
  const { body, headers } = await encodeRequest(init, key);
  const at = Date.now();
  return new Promise((resolve) => {
    const done = (status: number, h: Record<string, string | string[] | undefined>, text: string) =>
      resolve({
        route,
        at,
        ms: Date.now() - at,
        status,
        retryAfter: (h["retry-after"] as string | undefined) ?? null,
        contentType: (h["content-type"] as string | undefined) ?? null,
        body: text.slice(0, 300),
      });
    const req = httpRequest(
      `${state.nginx}${init.path}`,
      { method: init.method, localAddress, agent, headers, timeout: CLIENT_LIMIT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => done(res.statusCode ?? 0, res.headers, Buffer.concat(chunks).toString("utf8")));
        res.on("error", (e) => done(0, {}, String(e)));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${CLIENT_LIMIT_MS} ms`)));
    req.on("error", (e) => done(0, {}, String(e)));
    req.end(body);
  });
}

/**
 * A steady, paced load through Nginx: every route's loops run until stop(), each loop on its own
 * keep-alive connection from its own loopback address (so Nginx's per-address limits see many
 * clients). Every answer is kept for the test to judge.
 */
export function steadyLoad(routes: LoadRoute[], key: string, addressPrefix = "127.0.4"): SteadyLoad {
  const samples: Sample[] = [];
  let stopping = false;
  let address = 0;
  let n = 0;
  const agents: Agent[] = [];
  const loops = routes.flatMap((route) =>
    Array.from({ length: route.loops }, async () => {
      const localAddress = `${addressPrefix}.${++address}`;
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      agents.push(agent);
      while (!stopping) {
        samples.push(await send(agent, localAddress, key, route.name, route.request(++n)));
        await new Promise((r) => setTimeout(r, route.pauseMs));
      }
    }),
  );
  return {
    samples,
    async stop() {
      stopping = true;
      await Promise.all(loops);
      for (const agent of agents) agent.destroy();
      return samples;
    },
  };
}

const ok = (s: Sample) => s.status >= 200 && s.status < 300;

/**
 * When a route recovered after `since`: the start of its last unbroken run of successes, or
 * undefined while its latest answer is still a failure (or it has not answered since).
 */
export function recoveredAt(samples: Sample[], route: string, since: number): number | undefined {
  const after = samples.filter((s) => s.route === route && s.at >= since).sort((a, b) => a.at - b.at);
  if (after.length === 0 || !ok(after[after.length - 1] as Sample)) return undefined;
  let i = after.length - 1;
  while (i > 0 && ok(after[i - 1] as Sample)) i--;
  // Recovered at the moment the first answer of the run came back.
  const first = after[i] as Sample;
  return first.at + first.ms;
}

/** Successes in a row at the end of a route's samples. */
export function trailingSuccesses(samples: Sample[], route: string): number {
  const mine = samples.filter((s) => s.route === route).sort((a, b) => a.at - b.at);
  let count = 0;
  for (let i = mine.length - 1; i >= 0 && ok(mine[i] as Sample); i--) count++;
  return count;
}
