import type { StackState } from "../../infra/local/stack.js";
import type { AddressPool } from "./load.js";
import { multipartUpload } from "./multipart.js";

/** A JSON call through the stack's Nginx with the bench's key (control calls, not the load). */
export async function api<T>(
  state: StackState,
  key: string,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: T }> {
  const r = await fetch(`${state.nginx}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...init.headers },
  });
  return { status: r.status, body: (await r.json()) as T };
}

export async function createCollection(
  state: StackState,
  key: string,
  name: string,
  chunking?: Record<string, { size: number; overlap: number }>,
): Promise<string> {
  const r = await api<{ id: string }>(state, key, "/collections", {
    method: "POST",
    body: JSON.stringify(chunking ? { name, chunking } : { name }),
  });
  if (r.status !== 201) throw new Error(`create collection: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

/** POST /documents through Nginx from the pool's i-th address; throws unless 201. */
export async function uploadDocument(
  pool: AddressPool,
  state: StackState,
  key: string,
  collection: string,
  file: { name: string; contentType: string; bytes: Uint8Array },
  i: number,
): Promise<void> {
  const form = multipartUpload(collection, file);
  const answer = await pool.send(
    state.nginx,
    {
      method: "POST",
      path: "/documents",
      body: form.body,
      headers: { authorization: `Bearer ${key}`, "content-type": form.contentType },
    },
    i,
    300_000,
  );
  if (answer.status !== 201)
    throw new Error(`upload ${file.name}: ${answer.status} ${answer.body.slice(0, 300)}`);
}

export interface IndexStatus {
  counts: { pending: number; indexing: number; indexed: number; failed: number };
  total: number;
  chunks: number;
}

/** Polls GET /index/status until nothing in the collection is pending or being indexed. */
export async function waitIndexed(
  state: StackState,
  key: string,
  collection: string,
  deadline: number,
  onProgress?: (s: IndexStatus) => void,
): Promise<IndexStatus> {
  let lastReport = 0;
  for (;;) {
    const { body } = await api<IndexStatus>(state, key, `/index/status?collection_id=${collection}`);
    if (body.counts.pending + body.counts.indexing === 0) return body;
    if (Date.now() > deadline) throw new Error(`still indexing at the time limit: ${JSON.stringify(body)}`);
    if (onProgress && Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      onProgress(body);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
