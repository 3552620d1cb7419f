import { Agent, request as httpRequest } from "node:http";

/** A closed loop: `clients` callers, each issuing its next operation when the last one ended. */
export interface LoopResult {
  elapsedS: number;
  /** Milliseconds per successful operation. */
  latenciesMs: number[];
  errors: string[];
  /** Operations that ended, successful or not. */
  operations: number;
}

export async function closedLoop(
  clients: number,
  seconds: number,
  op: (i: number, client: number) => Promise<void>,
): Promise<LoopResult> {
  const latenciesMs: number[] = [];
  const errors: string[] = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline) {
        const i = next++;
        const t = performance.now();
        try {
          await op(i, client);
          latenciesMs.push(performance.now() - t);
        } catch (error) {
          errors.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  return { elapsedS: (performance.now() - started) / 1000, latenciesMs, errors, operations: next };
}

/**
 * Loopback source addresses 127.0.<x>.<y>, x from `firstOctet`: all of 127.0.0.0/8 is this
 * machine, so Nginx's per-address limit (10 r/s, burst 20) sees many clients, as in production.
 */
export function loopbackAddresses(count: number, firstOctet = 1): string[] {
  return Array.from(
    { length: count },
    (_, k) => `127.0.${firstOctet + Math.floor(k / 250)}.${1 + (k % 250)}`,
  );
}

export interface HttpRequestSpec {
  method: string;
  path: string;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

export interface HttpAnswer {
  status: number;
  body: string;
}

/**
 * Keep-alive HTTP from many loopback addresses: request i goes out from address i mod n, so
 * the per-address rate is the total divided by n. Enough addresses keep every one under Nginx's
 * limit at any throughput this machine reaches.
 */
export class AddressPool {
  private readonly agents: Agent[];
  constructor(
    readonly addresses: string[],
    maxSockets = 4,
  ) {
    this.agents = addresses.map((localAddress) => new Agent({ keepAlive: true, maxSockets, localAddress }));
  }

  send(base: string, spec: HttpRequestSpec, i: number, timeoutMs = 30_000): Promise<HttpAnswer> {
    const agent = this.agents[i % this.agents.length];
    const headers: Record<string, string> = { ...spec.headers };
    if (spec.body !== undefined) headers["content-length"] = String(Buffer.byteLength(spec.body));
    return new Promise((resolve, reject) => {
      const req = httpRequest(`${base}${spec.path}`, { method: spec.method, agent, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8") }),
        );
        res.on("error", reject);
      });
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
      req.on("error", reject);
      req.end(spec.body);
    });
  }

  /** Opens a kept-alive connection from every address (not timed), `parallel` at a time. */
  async warm(base: string, spec: HttpRequestSpec, parallel = 50): Promise<void> {
    let k = 0;
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (k < this.agents.length) {
          const i = k++;
          await this.send(base, spec, i);
        }
      }),
    );
  }

  destroy(): void {
    for (const a of this.agents) a.destroy();
  }
}

export interface HttpLoadResult extends LoopResult {
  statuses: Record<string, number>;
  /** Answers with the expected status per second. */
  throughput: number;
}

/**
 * `clients` closed-loop clients for `seconds` through `base`; an answer other than `expect`
 * counts as an error (its status is tallied), so latencies are of good answers only.
 */
export async function httpLoad(
  pool: AddressPool,
  base: string,
  clients: number,
  seconds: number,
  spec: (i: number) => HttpRequestSpec,
  expect = 200,
): Promise<HttpLoadResult> {
  const statuses: Record<string, number> = {};
  const result = await closedLoop(clients, seconds, async (i) => {
    const answer = await pool.send(base, spec(i), i);
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    if (answer.status !== expect) throw new Error(`status ${answer.status}: ${answer.body.slice(0, 200)}`);
  });
  return { ...result, statuses, throughput: result.latenciesMs.length / result.elapsedS };
}
