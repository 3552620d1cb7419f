import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { composeApps } from "../../functions/compose-apps.js";
import { parseConfig } from "../../shared/config.js";
import type { Database } from "../../shared/db/database.js";
import { sql } from "../../shared/db/sql.js";
import { buildNodeDeps } from "../../shared/deps/build-node-deps.js";
import type { Deps } from "../../shared/deps/deps.js";
import { runIndex } from "../../shared/indexing/run-index.js";
import { openMigratedDatabase } from "./pglite-snapshot.js";

export interface EmbeddedStack {
  deps: Deps;
  dataDir: string;
  /** A request to the all-in-one app, as Nginx would route it. */
  request(path: string, init?: RequestInit): Promise<Response>;
  json<T = Record<string, unknown>>(
    path: string,
    init?: RequestInit,
  ): Promise<{ status: number; body: T; response: Response }>;
  /** Rows, objects, chunks and vectors: what "nothing was written" is checked against. */
  counts(): Promise<{ documents: number; objects: number; chunks: number; vectors: number }>;
  createCollection(name?: string): Promise<string>;
  indexAll(): Promise<void>;
  close(): Promise<void>;
}

let sharedDb: Promise<Database> | undefined;

/**
 * One in-memory PGlite per test file (loaded from the run's migrated snapshot), one data
 * directory per stack; each test makes its own collections, so tests never share ids.
 */
export async function startEmbeddedStack(env: Record<string, string> = {}): Promise<EmbeddedStack> {
  sharedDb ??= openMigratedDatabase();
  const db = await sharedDb;
  const dataDir = await mkdtemp(join(tmpdir(), "docstack-test-"));
  const config = parseConfig({
    LOG_LEVEL: "silent",
    DATA_DIR: dataDir,
    INDEX_WORKER: "false",
    RATE_LIMITER: "off",
    ...env,
  });
  const deps = await buildNodeDeps(config, { port: 8080, db, migrate: false });
  const fetch = composeApps(deps);
  const base = "http://docstack.test";
  const request = async (path: string, init?: RequestInit) => fetch(new Request(`${base}${path}`, init));
  const stack: EmbeddedStack = {
    deps,
    dataDir,
    request,
    async json<T>(path: string, init?: RequestInit) {
      const response = await request(path, init);
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T, response };
    },
    async counts() {
      const [row] = await db.query<{ documents: number; chunks: number; vectors: number }>(sql`
        select (select count(*)::int from documents) as documents, (select count(*)::int from chunks) as chunks,
               (select count(*)::int from vectors) as vectors`);
      return {
        documents: row?.documents ?? 0,
        chunks: row?.chunks ?? 0,
        vectors: row?.vectors ?? 0,
        objects: (await deps.objects.list()).length,
      };
    },
    async createCollection(name = `c-${crypto.randomUUID()}`) {
      const { status, body } = await stack.json<{ id: string }>("/collections", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name }),
      });
      if (status !== 201) throw new Error(`collection not created: ${status}`);
      return body.id;
    },
    async indexAll() {
      for (;;) {
        const r = await runIndex({ ...deps, batchSize: 16 }, { limit: 50, leaseS: 600 });
        if (r.claimed === 0) return;
      }
    },
    async close() {
      await deps.close();
      // A backup started by POST /backups/run runs on after its answer and may still be writing
      // its directory: rm retries ENOTEMPTY until it stops.
      await rm(dataDir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
    },
  };
  return stack;
}

/** Uploads a text file through POST /documents; fails the test unless it is accepted (201). */
export async function uploadText(
  stack: EmbeddedStack,
  collection: string,
  name: string,
  text: string,
): Promise<string> {
  const r = await stack.json<{ document: { id: string } }>("/documents", {
    method: "POST",
    body: uploadForm(collection, { name, bytes: text }),
  });
  if (r.status !== 201) throw new Error(`upload of ${name}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.document.id;
}

export function uploadForm(
  collectionId: string,
  file: { name: string; bytes: Uint8Array | string; type?: string },
  extra: Record<string, string> = {},
): FormData {
  const form = new FormData();
  form.set("collection_id", collectionId);
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  const bytes = typeof file.bytes === "string" ? new TextEncoder().encode(file.bytes) : file.bytes;
  form.set(
    "file",
    new Blob([new Uint8Array(bytes)], { type: file.type ?? "application/octet-stream" }),
    file.name,
  );
  return form;
}
