import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../../tests/support/embedded-stack.js";
import { makeDocx, makeHtml, makePdf } from "../../tests/support/fixtures.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

const sha256 = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");

describe("collections", () => {
  it("creates, gets and lists a collection with its embedding model", async () => {
    const name = `policies-${crypto.randomUUID()}`;
    const created = await stack.json<{ id: string; embedding_model: string; embedding_dimension: number }>(
      "/collections",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name, description: "d", chunking: { pdf: { size: 600, overlap: 60 } } }),
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.embedding_model).toBe(stack.deps.embedder.model);
    expect(created.body.embedding_dimension).toBe(stack.deps.embedder.dimension);
    const got = await stack.json<{ name: string; chunking: unknown }>(`/collections/${created.body.id}`);
    expect(got.body).toMatchObject({ name, chunking: { pdf: { size: 600, overlap: 60 } } });
    const list = await stack.json<{ items: { id: string }[]; total: number }>("/collections?limit=100");
    expect(list.body.items.map((c) => c.id)).toContain(created.body.id);
  });
});

describe("upload", () => {
  it.each([
    ["report.pdf", "application/pdf", () => makePdf([["Quarterly report on river water quality."]])],
    [
      "minutes.docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      () => makeDocx(["Meeting minutes."]),
    ],
    ["page.html", "text/html", async () => new TextEncoder().encode(makeHtml("Page", ["Hello"]))],
    ["notes.txt", "text/plain", async () => new TextEncoder().encode("plain notes\n")],
    ["readme.md", "text/markdown", async () => new TextEncoder().encode("# Title\n\nBody text.")],
    ["table.csv", "text/csv", async () => new TextEncoder().encode("name,age\nAda,36\n")],
  ])("stores %s as %s with its hash, size and row", async (name, type, build) => {
    const collection = await stack.createCollection();
    const bytes = await build();
    const before = await stack.counts();
    const { status, body } = await stack.json<{ document: Record<string, unknown>; outcome: string }>(
      "/documents",
      {
        method: "POST",
        body: uploadForm(collection, { name, bytes }, { metadata: '{"department":"planning"}' }),
      },
    );
    expect(status).toBe(201);
    expect(body.outcome).toBe("created");
    expect(body.document).toMatchObject({
      filename: name,
      content_type: type,
      size: bytes.byteLength,
      sha256: sha256(bytes),
      collection_id: collection,
      index_status: "pending",
      metadata: { department: "planning" },
    });
    const after = await stack.counts();
    expect(after.documents - before.documents).toBe(1);
    expect(after.objects - before.objects).toBe(1);
  });

  it("deduplicates by SHA-256 within a collection: skip, error and replace", async () => {
    const collection = await stack.createCollection();
    const file = { name: "a.txt", bytes: "same bytes" };
    const first = await stack.json<{ document: { id: string } }>("/documents", {
      method: "POST",
      body: uploadForm(collection, file),
    });
    expect(first.status).toBe(201);
    const before = await stack.counts();

    const skip = await stack.json<{ document: { id: string }; outcome: string }>("/documents", {
      method: "POST",
      body: uploadForm(collection, { ...file, name: "b.txt" }),
    });
    expect(skip.status).toBe(200);
    expect(skip.body).toMatchObject({ outcome: "duplicate", document: { id: first.body.document.id } });

    const error = await stack.request("/documents", {
      method: "POST",
      body: uploadForm(collection, file, { on_duplicate: "error" }),
    });
    expect(error.status).toBe(409);
    expect(error.headers.get("content-type")).toBe("application/problem+json");
    expect(await stack.counts()).toEqual(before);

    const replaced = await stack.json<{ document: { id: string }; outcome: string; replaced_id: string }>(
      "/documents",
      {
        method: "POST",
        body: uploadForm(collection, { ...file, name: "c.txt" }, { on_duplicate: "replace" }),
      },
    );
    expect(replaced.status).toBe(201);
    expect(replaced.body.outcome).toBe("replaced");
    expect(replaced.body.replaced_id).toBe(first.body.document.id);
    expect(await stack.counts()).toEqual(before);
    expect((await stack.request(`/documents/${first.body.document.id}`)).status).toBe(404);

    // The same bytes in another collection are a different document.
    const other = await stack.createCollection();
    expect(
      (await stack.request("/documents", { method: "POST", body: uploadForm(other, file) })).status,
    ).toBe(201);
  });

  it("accepts a file exactly at the size limit", async () => {
    const small = await startEmbeddedStack({ MAX_UPLOAD_BYTES: "64" });
    try {
      const collection = await small.createCollection();
      const res = await small.request("/documents", {
        method: "POST",
        body: uploadForm(collection, { name: "x.txt", bytes: "y".repeat(64) }),
      });
      expect(res.status).toBe(201);
    } finally {
      await small.close();
    }
  });

  it("accepts the file part before the other fields", async () => {
    const collection = await stack.createCollection();
    const form = new FormData();
    form.set("file", new Blob(["file first"]), "first.txt");
    form.set("collection_id", collection);
    expect((await stack.request("/documents", { method: "POST", body: form })).status).toBe(201);
  });
});

describe("documents", () => {
  it("lists with filters, pagination and totals", async () => {
    const collection = await stack.createCollection();
    for (const [name, text] of [
      ["a.txt", "aaaa"],
      ["b.txt", "bbbbbbbb"],
      ["c.md", "# cccccccccccc"],
    ] as const) {
      await stack.request("/documents", {
        method: "POST",
        body: uploadForm(collection, { name, bytes: text }),
      });
    }
    const all = await stack.json<{ items: { filename: string }[]; totals: Record<string, number> }>(
      `/documents?collection_id=${collection}&limit=2`,
    );
    expect(all.body.items).toHaveLength(2);
    expect(all.body.totals).toEqual({ count: 3, total_size: 4 + 8 + 14, average_size: Math.round(26 / 3) });
    const md = await stack.json<{ items: { filename: string }[] }>(
      `/documents?collection_id=${collection}&content_type=text/markdown`,
    );
    expect(md.body.items.map((d) => d.filename)).toEqual(["c.md"]);
    const page2 = await stack.json<{ items: unknown[] }>(
      `/documents?collection_id=${collection}&limit=2&offset=2`,
    );
    expect(page2.body.items).toHaveLength(1);
  });

  it("gives a signed download link that returns the exact bytes, and refuses tampered links", async () => {
    const collection = await stack.createCollection();
    const bytes = await makePdf([["download me"]]);
    const up = await stack.json<{ document: { id: string } }>("/documents", {
      method: "POST",
      body: uploadForm(collection, { name: 'résumé "v2".pdf', bytes }),
    });
    const link = await stack.json<{ url: string; expires_at: string }>(
      `/documents/${up.body.document.id}/download-url`,
    );
    expect(link.status).toBe(200);
    const url = new URL(link.body.url);
    const download = await stack.request(`${url.pathname}${url.search}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("filename*=UTF-8''r%C3%A9sum%C3%A9");
    expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(sha256(bytes));

    url.searchParams.set("expires", String(Number(url.searchParams.get("expires")) + 3600));
    const tampered = await stack.request(`${url.pathname}${url.search}`);
    expect(tampered.status).toBe(403);
    const [row] = await stack.deps.db.query<{ n: number }>(
      (await import("../../shared/db/sql.js"))
        .sql`select count(*)::int as n from audit_logs where action = 'document.download_url' and target = ${up.body.document.id}`,
    );
    expect(row?.n).toBe(1);
  });

  it("deletes a document from every store", async () => {
    const collection = await stack.createCollection();
    const up = await stack.json<{ document: { id: string } }>("/documents", {
      method: "POST",
      body: uploadForm(collection, { name: "gone.txt", bytes: "to be deleted soon. with words." }),
    });
    await stack.indexAll();
    const before = await stack.counts();
    expect(before.vectors).toBeGreaterThan(0);
    const res = await stack.request(`/documents/${up.body.document.id}`, { method: "DELETE" });
    expect(res.status).toBe(204);
    const after = await stack.counts();
    expect(before.documents - after.documents).toBe(1);
    expect(before.objects - after.objects).toBe(1);
    expect(before.chunks - after.chunks).toBeGreaterThan(0);
    expect(
      await stack.deps.vectors.countDocument({ id: collection, dimension: 512 }, up.body.document.id),
    ).toBe(0);
    expect((await stack.request(`/documents/${up.body.document.id}`, { method: "DELETE" })).status).toBe(404);
  });
});
