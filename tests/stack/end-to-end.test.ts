import { createHash } from "node:crypto";
import { ChromaClient } from "chromadb";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "../../shared/db/sql.js";
import { ChromaStore } from "../../shared/vectors/chroma-store.js";
import { uploadForm } from "../support/embedded-stack.js";
import { makeDocx, makeHtml, makePdf } from "../support/fixtures.js";
import { api, createCollection, directDb, json, minio, state, waitFor } from "./stack-client.js";

const db = directDb();
afterAll(() => db.close());
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

function chroma(): ChromaClient {
  const url = new URL(state.chroma.url);
  return new ChromaClient({
    host: url.hostname,
    port: Number(url.port),
    headers: { Authorization: `Bearer ${state.chroma.token}` },
  });
}

async function chromaCount(collection: string, documentId: string): Promise<number> {
  const c = await chroma().getCollection({ name: ChromaStore.collectionName(collection) });
  return (await c.get({ where: { document_id: documentId }, include: [] })).ids.length;
}

describe("real stack through Nginx: upload -> worker -> query -> download -> delete", () => {
  it("works end to end on PgBouncer, MinIO and Chroma", async () => {
    const collection = await createCollection();
    const files = {
      pdf: {
        name: "ferry.pdf",
        bytes: await makePdf([["Ferry timetable.", "The harbour ferry leaves every forty minutes."]]),
      },
      docx: {
        name: "grants.docx",
        bytes: await makeDocx([
          "Community grants.",
          "Applications for heritage grants close on the first of March.",
        ]),
      },
      html: {
        name: "bins.html",
        bytes: new TextEncoder().encode(makeHtml("Bins", ["Recycling is collected on alternate Thursdays."])),
      },
    };
    const ids: Record<string, string> = {};
    for (const [kind, file] of Object.entries(files)) {
      const r = await api<{ document: { id: string; sha256: string } }>("/documents", {
        method: "POST",
        body: uploadForm(collection, file),
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.document.sha256).toBe(sha256(file.bytes));
      ids[kind] = r.body.document.id;
    }
    await waitFor("the worker to index 3 documents", async () => {
      const s = await api<{ counts: { indexed: number } }>(`/index/status?collection_id=${collection}`);
      return s.body.counts.indexed === 3 ? true : undefined;
    });

    for (const mode of ["hybrid", "vector", "keyword"]) {
      const r = await api<{ results: { document_id: string }[] }>(
        "/query",
        json("POST", { collection_id: collection, query: "when do heritage grant applications close", mode }),
      );
      expect(r.status, mode).toBe(200);
      expect(r.body.results[0]?.document_id, mode).toBe(ids.docx);
    }

    const docx = ids.docx ?? "";
    const link = await api<{ url: string }>(`/documents/${docx}/download-url`);
    expect(link.status).toBe(200);
    expect(link.body.url.startsWith(state.minio.endpoint)).toBe(true);
    const download = await fetch(link.body.url);
    expect(download.status).toBe(200);
    expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(sha256(files.docx.bytes));

    // Every vector of the document is in Chroma, one per chunk.
    const [row] = await db.query<{ object_name: string; chunk_count: number }>(
      sql`select object_name, chunk_count from documents where id = ${docx}`,
    );
    expect(row?.chunk_count).toBeGreaterThan(0);
    expect(await chromaCount(collection, docx)).toBe(row?.chunk_count);

    expect((await api(`/documents/${docx}`, { method: "DELETE" })).status).toBe(204);
    expect(await db.query(sql`select 1 from documents where id = ${docx}`)).toHaveLength(0);
    expect(await db.query(sql`select 1 from chunks where document_id = ${docx}`)).toHaveLength(0);
    await expect(minio().statObject(state.minio.bucket, row?.object_name ?? "")).rejects.toMatchObject({
      code: "NotFound",
    });
    expect(await chromaCount(collection, docx)).toBe(0);
    const after = await api<{ results: { document_id: string }[] }>(
      "/query",
      json("POST", { collection_id: collection, query: "heritage grants", mode: "hybrid", top_k: 50 }),
    );
    expect(after.body.results.map((r) => r.document_id)).not.toContain(docx);
  });

  it("refuses Chroma requests without the token", async () => {
    const url = new URL(state.chroma.url);
    const anonymous = new ChromaClient({ host: url.hostname, port: Number(url.port) });
    await expect(anonymous.listCollections()).rejects.toThrow();
  });
});
