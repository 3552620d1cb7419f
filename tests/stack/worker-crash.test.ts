import { describe, expect, it } from "vitest";
import { saveService, startService, stopService, waitReady } from "../../infra/local/stack.js";
import { sql } from "../../shared/db/sql.js";
import { uploadForm } from "../support/embedded-stack.js";
import { api, createCollection, directDb, makeKey, state, waitFor } from "./stack-client.js";
import { storeConsistency } from "./store-consistency.js";

/** A long plain-text report: many chunks, so a worker is caught between its first and last. */
function report(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < 1500; i++)
    lines.push(
      `Report ${n}, paragraph ${i}: the harbour authority logged ${(n * 7919 + i * 104729) % 100000} tonnes of cargo, berth ${i % 17}, tide ${(i * 31) % 97} cm.`,
    );
  return lines.join("\n\n");
}

describe("the index worker killed mid-batch", () => {
  it("its claimed documents are taken over after the lease and end indexed once: no duplicate chunks or vectors", async () => {
    const key = await makeKey({ scopes: ["read", "write"], rateLimits: { upload: 10_000 } });
    const collection = await createCollection();
    const worker = state.services.worker;
    if (worker === undefined) throw new Error("no worker in the stack state");
    const db = directDb();
    try {
      // Straight to the upload function: Nginx's per-address upload limit is not under test here.
      for (let n = 0; n < 16; n++) {
        const r = await api(
          "/documents",
          {
            method: "POST",
            headers: { authorization: `Bearer ${key}` },
            body: uploadForm(collection, { name: `report-${n}.txt`, bytes: report(n) }),
          },
          state.functions.upload?.[0],
        );
        expect(r.status, JSON.stringify(r.body)).toBe(201);
      }
      // Mid-batch: the worker holds claims, some documents are done and some still wait.
      const caught = await waitFor(
        "the worker to be mid-batch",
        async () => {
          const rows = await db.query<{ id: string; index_status: string }>(
            sql`select id, index_status from documents where collection_id = ${collection}`,
          );
          const claimed = rows.filter((r) => r.index_status === "indexing").map((r) => r.id);
          const indexed = rows.filter((r) => r.index_status === "indexed").length;
          return claimed.length > 0 && indexed > 0 && indexed + claimed.length < rows.length
            ? { claimed, indexed }
            : undefined;
        },
        60_000,
      );
      await stopService(worker, "SIGKILL");
      const [atKill] = await db.query<{ chunks: number }>(
        sql`select count(*)::int as chunks from chunks where collection_id = ${collection}`,
      );
      startService(worker);
      saveService(worker);
      await waitReady(worker);
      const restarted = Date.now();

      await waitFor(
        "every document to be indexed",
        async () => {
          const [row] = await db.query<{ left: number }>(sql`
            select count(*)::int as left from documents
            where collection_id = ${collection} and index_status <> 'indexed'`);
          return row?.left === 0 ? true : undefined;
        },
        90_000,
      );
      const retried = await db.query<{ id: string; attempts: number }>(sql`
        select id, index_attempts as attempts from documents where id = any(${caught.claimed}::uuid[])`);
      // A try is counted when work on a document begins (shared/indexing/claim-documents.ts):
      // the document being worked on at the kill has two, the rest of its batch one.
      expect(
        retried.every((r) => r.attempts === 1 || r.attempts === 2),
        JSON.stringify(retried),
      ).toBe(true);

      const check = await storeConsistency([collection]);
      expect(check.problems).toEqual([]);
      expect(check.documents).toBe(16);
      expect(check.indexed).toBe(16);
      expect(check.vectors).toBe(check.chunks);
      console.log(
        `worker killed with ${caught.claimed.length} document(s) claimed, ${caught.indexed} indexed, ${atKill?.chunks} chunks written; all 16 indexed ${Date.now() - restarted} ms after the restart (lease ${state.functionEnv.INDEX_LEASE_S ?? "600"} s): ${check.chunks} chunks, ${check.vectors} vectors, no duplicates`,
      );
    } finally {
      await db.close();
    }
  }, 180_000);
});
