/**
 * The evaluation talks to Docstack only through its HTTP API — the same upload, index and query
 * routes users call — whether the app runs in this process or behind Nginx.
 */
export type Send = (path: string, init?: RequestInit) => Promise<Response>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends with a retry on 429: through Nginx the per-address limits (uploads 1/s) and the key's
 * own limits apply, and an evaluation should wait them out rather than fail. The body must be
 * rebuildable, hence a factory.
 */
export async function sendRetrying(send: Send, path: string, init: () => RequestInit): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const response = await send(path, init());
    if (response.status !== 429 || attempt >= 100) return response;
    await response.body?.cancel();
    const wait = Number(response.headers.get("retry-after") ?? "1");
    await sleep(Math.max(0.2, Number.isFinite(wait) ? wait : 1) * 1000);
  }
}

export async function expectJson<T>(response: Response, what: string, ok: number[] = [200]): Promise<T> {
  const text = await response.text();
  if (!ok.includes(response.status))
    throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

export function jsonInit(method: string, body: unknown): RequestInit {
  return { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}
