import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeApps } from "../../bin/compose-apps.js";
import { sql } from "../../shared/db/sql.js";
import { type Served, serveNode } from "../../shared/http/serve-node.js";
import { startIndexWorker, type WorkerHandle } from "../../shared/indexing/index-worker.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";
import { makeDocx, makeHtml, makePdf } from "../support/fixtures.js";

/** The whole product as `npm start` runs it: a real HTTP server on loopback and the worker in-process. */
let stack: EmbeddedStack;
let served: Served;
let worker: WorkerHandle;
beforeAll(async () => {
  stack = await startEmbeddedStack();
  served = await serveNode(composeApps(stack.deps), stack.deps, 0);
  worker = startIndexWorker({ ...stack.deps, batchSize: 16 }, { pollMs: 100, batch: 4, leaseS: 600 });
});
afterAll(async () => {
  await worker.stop();
  await served.close();
  await stack.close();
});

const http = async <T>(path: string, init?: RequestInit) => {
  const response = await fetch(`${served.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
};

async function waitForIndexed(collection: string, expected: number) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const s = await http<{ counts: { indexed: number; failed: number } }>(
      `/index/status?collection_id=${collection}`,
    );
    if (s.body.counts.indexed + s.body.counts.failed >= expected) return s.body.counts;
    if (Date.now() > deadline)
      throw new Error(`worker did not index ${expected} documents in time: ${JSON.stringify(s.body)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("upload -> worker indexes -> query -> delete", () => {
  it("finds the answering document first in every mode, and forgets it after delete", async () => {
    const { body: collection } = await http<{ id: string }>("/collections", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: `e2e-${crypto.randomUUID()}` }),
    });
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
      const r = await http<{ document: { id: string } }>("/documents", {
        method: "POST",
        body: uploadForm(collection.id, file),
      });
      expect(r.status).toBe(201);
      ids[kind] = r.body.document.id;
    }
    expect(await waitForIndexed(collection.id, 3)).toMatchObject({ indexed: 3, failed: 0 });

    for (const mode of ["hybrid", "vector", "keyword"]) {
      const r = await http<{ results: { document_id: string; text: string }[] }>("/query", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          collection_id: collection.id,
          query: "how many books can members borrow",
          mode,
        }),
      });
      expect(r.status, mode).toBe(200);
      expect(r.body.results[0]?.document_id, mode).toBe(ids.docx);
      expect(r.body.results[0]?.text, mode).toContain("twelve books");
    }
    // The script in the HTML page was not indexed.
    const script = await http<{ results: unknown[] }>("/query", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ collection_id: collection.id, query: "secret", mode: "keyword" }),
    });
    expect(script.body.results).toEqual([]);

    const docx = ids.docx ?? "";
    const [row] = await stack.deps.db.query<{ object_name: string }>(
      sql`select object_name from documents where id = ${docx}`,
    );
    const objectName = row?.object_name ?? "";
    expect(await stack.deps.objects.exists(objectName)).toBe(true);
    expect((await http(`/documents/${docx}`, { method: "DELETE" })).status).toBe(204);

    expect(await stack.deps.db.query(sql`select 1 from documents where id = ${docx}`)).toHaveLength(0);
    expect(await stack.deps.db.query(sql`select 1 from chunks where document_id = ${docx}`)).toHaveLength(0);
    expect(await stack.deps.objects.exists(objectName)).toBe(false);
    expect(await stack.deps.vectors.countDocument({ id: collection.id, dimension: 512 }, docx)).toBe(0);
    for (const mode of ["hybrid", "vector", "keyword"]) {
      const r = await http<{ results: { document_id: string }[] }>("/query", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          collection_id: collection.id,
          query: "how many books can members borrow",
          mode,
          top_k: 50,
        }),
      });
      expect(
        r.body.results.map((x) => x.document_id),
        mode,
      ).not.toContain(docx);
    }
  });
});
