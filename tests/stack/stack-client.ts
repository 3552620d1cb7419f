import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Client as MinioClient } from "minio";
import { readState, type StackState } from "../../infra/local/stack.js";
import { createApiKey, type NewApiKey } from "../../shared/auth/api-keys.js";
import { createPostgresDatabase } from "../../shared/db/postgres-database.js";

export const state: StackState = readState();

/** The stack's admin key on a request that names no key of its own. */
export function withKey<T extends { headers?: HeadersInit }>(init?: T, key = state.apiKey): T {
  const headers = new Headers(init?.headers);
  if (!headers.has("authorization") && !headers.has("x-api-key"))
    headers.set("authorization", `Bearer ${key}`);
  return { ...(init ?? ({} as T)), headers };
}

/** A fresh API key, made directly in PostgreSQL as `npm run keys -- create` would. */
export async function makeKey(input: Omit<NewApiKey, "name"> & { name?: string }): Promise<string> {
  const db = directDb();
  try {
    return (await createApiKey(db, { name: `t-${crypto.randomUUID().slice(0, 12)}`, ...input })).key;
  } finally {
    await db.close();
  }
}

/**
 * This test file's own client address. Nginx limits each address (10 requests a second, uploads
 * 1 a second after a burst of 5); the files run one after another on one stack, so on a shared
 * address a file would start with whatever budget the file before it left. A file is one client,
 * as in production; all of 127.0.0.0/8 is this machine.
 */
const clientAddress = `127.77.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
const clientAgent = new HttpAgent({ keepAlive: true, localAddress: clientAddress });

export async function api<T = Record<string, unknown>>(
  path: string,
  init?: RequestInit,
  base = state.nginx,
): Promise<{ status: number; body: T; headers: Headers }> {
  const { method = "GET", headers: given, body: payload } = withKey(init);
  if (
    payload !== undefined &&
    payload !== null &&
    typeof payload !== "string" &&
    !(payload instanceof FormData)
  )
    throw new Error("api(): the body is a string or a FormData");
  const encoded = await encodeBody(payload ?? undefined);
  const headers = new Headers(given);
  for (const [name, value] of Object.entries(encoded.headers))
    if (name === "content-length" || !headers.has(name)) headers.set(name, value);
  const response = await send(
    `${base}${path}`,
    { method, agent: clientAgent, headers: Object.fromEntries(headers) },
    encoded.bytes,
  );
  let parsed: unknown = null;
  try {
    parsed = response.text ? JSON.parse(response.text) : null;
  } catch {
    parsed = response.text;
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

export const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/**
 * A collection for a test's own use. Setup, not the thing under test: it waits out Nginx's
 * per-address limit (Retry-After), which an earlier test in the same file may have used up.
 */
export async function createCollection(name = `stack-${crypto.randomUUID()}`): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const r = await api<{ id: string }>("/collections", json("POST", { name }));
    if (r.status === 201) return r.body.id;
    if (r.status !== 429 || attempt === 10)
      throw new Error(`collection: ${r.status} ${JSON.stringify(r.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(r.headers.get("retry-after") ?? 1)));
  }
}

/** Direct PostgreSQL (not through PgBouncer), for checking what the functions wrote. */
export function directDb() {
  return createPostgresDatabase({
    url: state.postgres.url,
    poolMax: 2,
    statementTimeoutMs: 30_000,
    connectTimeoutS: 10,
    pgbouncer: false,
  });
}

export function minio(): MinioClient {
  const url = new URL(state.minio.endpoint);
  return new MinioClient({
    endPoint: url.hostname,
    port: Number(url.port),
    useSSL: false,
    accessKey: state.minio.accessKey,
    secretKey: state.minio.secretKey,
  });
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A GET from a chosen loopback source address (all of 127.0.0.0/8 is this machine), so Nginx's
 * per-address limits see many clients, as in production.
 */
export function getFrom(localAddress: string, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${state.apiKey}` };
    const req = httpRequest(url, { localAddress, agent: false, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

/** A body as bytes, with the content type it implies (a multipart form's boundary) and its length. */
async function encodeBody(
  payload: FormData | string | undefined,
): Promise<{ bytes: Buffer | undefined; headers: Record<string, string> }> {
  if (payload === undefined) return { bytes: undefined, headers: {} };
  const encoded = new Response(payload);
  const bytes = Buffer.from(await encoded.arrayBuffer());
  const type = encoded.headers.get("content-type");
  return {
    bytes,
    headers: { ...(type ? { "content-type": type } : {}), "content-length": String(bytes.byteLength) },
  };
}

/** One node:http request, read to its end: status, headers and the body as text. */
function send(
  url: string,
  options: {
    method: string;
    headers: Record<string, string>;
    agent: HttpAgent | false;
    localAddress?: string;
  },
  body: Buffer | undefined,
): Promise<{ status: number; headers: Headers; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers))
          for (const value of Array.isArray(v) ? v : v === undefined ? [] : [v]) headers.append(k, value);
        resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString("utf8") });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * A body (a multipart form is encoded with its boundary) as bytes, and the headers that go with
 * it: the key, its content type and length, for node:http requests.
 */
export async function encodeRequest(
  init: { body?: FormData | string; headers?: Record<string, string> },
  key: string,
): Promise<{ body: Buffer | undefined; headers: Record<string, string> }> {
  const encoded = await encodeBody(init.body);
  const headers: Record<string, string> = { authorization: `Bearer ${key}`, ...init.headers };
  for (const [name, value] of Object.entries(encoded.headers))
    if (name === "content-length" || !headers[name]) headers[name] = value;
  return { body: encoded.bytes, headers };
}

/**
 * A request from a chosen loopback source address, body and all (multipart forms included), so
 * many "clients" can upload without tripping the per-address limits meant for one.
 */
export async function requestFrom(
  localAddress: string,
  path: string,
  init: { method: string; body?: FormData | string; headers?: Record<string, string> },
  key = state.apiKey,
): Promise<{ status: number; text: string }> {
  const { body, headers } = await encodeRequest(init, key);
  const { status, text } = await send(
    `${state.nginx}${path}`,
    { method: init.method, localAddress, agent: false, headers },
    body,
  );
  return { status, text };
}
