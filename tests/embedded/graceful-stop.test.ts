import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../shared/config.js";
import { sql } from "../../shared/db/sql.js";
import { buildNodeDeps } from "../../shared/deps/build-node-deps.js";
import { claimDocuments } from "../../shared/indexing/claim-documents.js";
import { holdUpload, parseResponse } from "../support/held-upload.js";
import { printed, type Running, startCommand, stopCommands } from "../support/run-command.js";
import { within } from "../support/within.js";

const made: string[] = [];
afterAll(async () => {
  stopCommands();
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** `npm start` in a process of its own on a fresh data directory, with its log on stdout. */
async function start(
  env: Record<string, string> = {},
): Promise<{ server: Running; url: string; port: number; dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), "docstack-stop-"));
  made.push(dataDir);
  const server = startCommand("bin/start.ts", [], {
    DATA_DIR: dataDir,
    PORT: "0",
    LOG_LEVEL: "info",
    ...env,
  });
  if (!(await printed(server, "Docstack is running at")))
    throw new Error(`npm start did not come up: ${server.output().stderr}`);
  const url = /Docstack is running at (\S+)/.exec(server.output().stdout)?.[1];
  if (url === undefined) throw new Error("no URL in the banner");
  return { server, url, port: Number(new URL(url).port), dataDir };
}

/** Waits for a log line of the process by its message (stdout, JSON lines). */
async function logged(server: Running, msg: string): Promise<void> {
  if (!(await within(printed(server, `"msg":${JSON.stringify(msg)}`), 60, `the log line "${msg}"`)))
    throw new Error(`the process ended without logging "${msg}": ${server.output().stdout.slice(-2000)}`);
}

async function createCollection(url: string): Promise<string> {
  const r = await fetch(`${url}/collections`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: `stop-${crypto.randomUUID()}` }),
  });
  expect(r.status).toBe(201);
  return ((await r.json()) as { id: string }).id;
}

/** Whether a new TCP connection to the port is refused. */
async function refused(port: number): Promise<boolean> {
  const socket = connect(port, "127.0.0.1");
  try {
    await once(socket, "connect");
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ECONNREFUSED";
  } finally {
    socket.destroy();
  }
}

const text = `A held upload about the harbour tides. ${"The tide rose at the berth. ".repeat(400)}`;

/** The held upload's answer: complete, 201, the connection closed by the server after it (not reset). */
async function expectAnsweredWhole(upload: Awaited<ReturnType<typeof holdUpload>>) {
  const { raw, reset } = await within(upload.finish(), 60, "the answer to the upload in flight");
  expect(reset).toBe(false);
  const response = parseResponse(raw);
  expect(response.status, raw.slice(0, 500)).toBe(201);
  expect(response.complete).toBe(true);
  expect(response.headers.connection).toBe("close");
  expect((JSON.parse(response.body) as { document: { filename: string } }).document.filename).toBe(
    "held.txt",
  );
}

describe("SIGTERM on npm start", () => {
  it(
    "closes the port at once, answers the upload in flight in full with Connection: close, and exits 0",
    { timeout: 240_000 },
    async () => {
      const { server, url, port } = await start();
      const collection = await createCollection(url);
      const upload = await holdUpload(port, collection, text);

      server.child.kill("SIGTERM");
      await logged(server, "draining: no new connections");
      expect(await refused(port)).toBe(true);
      // The request was in flight before the stop began: it still gets its whole answer.
      await expectAnsweredWhole(upload);

      const exited = await within(server.exited, 60, "the process's exit");
      expect(exited.code).toBe(0);
      expect(exited.stdout).toContain('"msg":"drained: every request in flight was answered"');
    },
  );

  it(
    "with SHUTDOWN_DELAY_S: readiness answers 503 while requests are still taken, then drains the same way",
    { timeout: 240_000 },
    async () => {
      // Far longer than the test: the second signal ends the wait, as an operator's second Ctrl-C would.
      const { server, url, port } = await start({ SHUTDOWN_DELAY_S: "300" });
      const collection = await createCollection(url);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/health/ready`)).status).toBe(200);
      const upload = await holdUpload(port, collection, text);

      server.child.kill("SIGTERM");
      await logged(server, "stopping: readiness answers 503");
      const healthz = await fetch(`${url}/healthz`);
      expect(healthz.status).toBe(503);
      expect(await healthz.json()).toMatchObject({ status: "draining" });
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "draining", down: [] });
      // Still serving meanwhile: a load balancer that has not yet seen the 503 loses nothing.
      expect((await fetch(`${url}/collections/${collection}`)).status).toBe(200);

      server.child.kill("SIGTERM");
      await logged(server, "draining: no new connections");
      expect(await refused(port)).toBe(true);
      await expectAnsweredWhole(upload);
      expect((await within(server.exited, 60, "the process's exit")).code).toBe(0);
    },
  );

  it(
    "hands the index worker's claims back: the document it was embedding is pending again, claimable at once, its try not counted",
    { timeout: 240_000 },
    async () => {
      // An embeddings server that takes requests and never answers: the worker stays mid-document.
      let reached = () => {};
      const embedding = new Promise<void>((resolve) => {
        reached = resolve;
      });
      const embeddings = createServer(() => reached());
      embeddings.listen(0, "127.0.0.1");
      await once(embeddings, "listening");
      const { port: embeddingsPort } = embeddings.address() as AddressInfo;
      try {
        const { server, url, dataDir } = await start({
          EMBEDDER: "openai",
          EMBEDDINGS_URL: `http://127.0.0.1:${embeddingsPort}/v1`,
          EMBEDDINGS_MODEL: "held",
          EMBEDDINGS_DIMENSION: "8",
          INDEX_POLL_MS: "100",
          // Far longer than the test: a document claimable again did not wait for its lease.
          INDEX_LEASE_S: "3600",
        });
        const collection = await createCollection(url);
        const form = new FormData();
        form.set("collection_id", collection);
        form.set("file", new Blob(["A note about the harbour tides."], { type: "text/plain" }), "note.txt");
        const uploaded = await fetch(`${url}/documents`, { method: "POST", body: form });
        expect(uploaded.status).toBe(201);
        const { document } = (await uploaded.json()) as { document: { id: string } };
        await within(embedding, 60, "the worker's embedding request");

        server.child.kill("SIGTERM");
        const exited = await within(server.exited, 60, "the process's exit");
        expect(exited.code).toBe(0);
        expect(exited.stdout).toContain('"msg":"claims handed back","documents":1');

        // The data directory is free again: look at the document as the next process would.
        const deps = await buildNodeDeps(parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }), {
          port: 0,
        });
        try {
          const [row] = await deps.db.query<{
            index_status: string;
            claim_token: string | null;
            index_attempts: number;
          }>(sql`select index_status, claim_token, index_attempts from documents where id = ${document.id}`);
          expect(row).toEqual({ index_status: "pending", claim_token: null, index_attempts: 0 });
          const again = await claimDocuments(deps.db, { collectionId: collection, limit: 10, leaseS: 3600 });
          expect(again.map((d) => d.id)).toEqual([document.id]);
        } finally {
          await deps.close();
        }
      } finally {
        embeddings.closeAllConnections();
        embeddings.close();
      }
    },
  );
});
