import { createDocstackClient, uploadBody } from "@docstack/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeApps } from "../../functions/compose-apps.js";
import { sql } from "../../shared/db/sql.js";
import { type Served, serveNode } from "../../shared/http/serve-node.js";
import { startIndexWorker, type WorkerHandle } from "../../shared/indexing/index-worker.js";
import { type EmbeddedStack, startEmbeddedStack } from "../support/embedded-stack.js";
import { makeDocx, makeHtml, makePdf } from "../support/fixtures.js";

/** The whole product as `npm start` runs it: a real HTTP server on loopback and the worker in-process. */
let stack: EmbeddedStack;
let served: Served;
let worker: WorkerHandle;
/** The generated client (clients/typescript): the end-to-end test is also its test. */
const docstack = () => createDocstackClient(served.url);
beforeAll(async () => {
  stack = await startEmbeddedStack();
  served = await serveNode(composeApps(stack.deps), stack.deps, 0);
  worker = startIndexWorker(
    { ...stack.deps, batchSize: 16 },
    { pollMs: 100, batch: 4, leaseS: 600, auditRetentionMonths: 24 },
  );
});
afterAll(async () => {
  await worker.stop();
  await served.close();
  await stack.close();
});

async function waitForIndexed(collection: string, expected: number) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { data } = await docstack().GET("/index/status", {
      params: { query: { collection_id: collection } },
    });
    const counts = data?.counts ?? { indexed: 0, failed: 0 };
    if (counts.indexed + counts.failed >= expected) return counts;
    if (Date.now() > deadline)
      throw new Error(`worker did not index ${expected} documents in time: ${JSON.stringify(data)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("upload -> worker indexes -> query -> delete", () => {
  it("finds the answering document first in every mode, and forgets it after delete", async () => {
    const created = await docstack().POST("/collections", { body: { name: `e2e-${crypto.randomUUID()}` } });
    const collection = created.data?.id ?? "";
    expect(created.response.status).toBe(201);
    const files = {
      pdf: {
        name: "harbour-report.pdf",
        bytes: await makePdf([
          ["Harbour dredging report.", "Silt levels rose in the eastern basin."],
          ["Dredging resumes in spring."],
        ]),
      },
      docx: {
        name: "library-policy.docx",
        bytes: await makeDocx([
          "Library lending policy.",
          "Members may borrow twelve books and renew each loan twice online.",
        ]),
      },
      html: {
        name: "parks.html",
        bytes: new TextEncoder().encode(
          makeHtml("Parks", ["Park gates close at dusk.", "Dogs must be kept on a lead near playgrounds."]),
        ),
      },
    };
    const ids: Record<string, string> = {};
    for (const [kind, file] of Object.entries(files)) {
      const up = await docstack().POST(
        "/documents",
        uploadBody({
          file: new Blob([new Uint8Array(file.bytes)]),
          filename: file.name,
          collection_id: collection,
        }),
      );
      expect(up.response.status).toBe(201);
      ids[kind] = up.data?.document.id ?? "";
    }
    expect(await waitForIndexed(collection, 3)).toMatchObject({ indexed: 3, failed: 0 });

    for (const mode of ["hybrid", "vector", "keyword"] as const) {
      const { data, response } = await docstack().POST("/query", {
        body: { collection_id: collection, query: "how many books can members borrow", mode },
      });
      expect(response.status, mode).toBe(200);
      expect(data?.results[0]?.document_id, mode).toBe(ids.docx);
      expect(data?.results[0]?.text, mode).toContain("twelve books");
    }
    // The script in the HTML page was not indexed.
    const script = await docstack().POST("/query", {
      body: { collection_id: collection, query: "secret", mode: "keyword" },
    });
    expect(script.data?.results).toEqual([]);

    const docx = ids.docx ?? "";
    const [row] = await stack.deps.db.query<{ object_name: string }>(
      sql`select object_name from documents where id = ${docx}`,
    );
    const objectName = row?.object_name ?? "";
    expect(await stack.deps.objects.exists(objectName)).toBe(true);
    const deleted = await docstack().DELETE("/documents/{id}", { params: { path: { id: docx } } });
    expect(deleted.response.status).toBe(204);

    expect(await stack.deps.db.query(sql`select 1 from documents where id = ${docx}`)).toHaveLength(0);
    expect(await stack.deps.db.query(sql`select 1 from chunks where document_id = ${docx}`)).toHaveLength(0);
    expect(await stack.deps.objects.exists(objectName)).toBe(false);
    expect(await stack.deps.vectors.countDocument({ id: collection, dimension: 512 }, docx)).toBe(0);
    for (const mode of ["hybrid", "vector", "keyword"] as const) {
      const { data } = await docstack().POST("/query", {
        body: { collection_id: collection, query: "how many books can members borrow", mode, top_k: 50 },
      });
      expect(
        data?.results.map((x) => x.document_id),
        mode,
      ).not.toContain(docx);
    }
    // Errors arrive typed as problem details.
    const missing = await docstack().GET("/documents/{id}", { params: { path: { id: docx } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.code).toBe("not_found");
  });
});
