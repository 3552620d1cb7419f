import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../shared/db/sql.js";
import type { Deps } from "../../shared/deps/deps.js";
import { portableFormats } from "../../shared/extract/formats/portable-formats.js";
import { NeedsNodeRuntime } from "../../shared/extract/needs-node-runtime.js";
import { extractionLimits } from "../../shared/extract/sandbox/extraction-limits.js";
import type { Extractor } from "../../shared/extract/sandbox/extractor.js";
import { inProcessExtractor } from "../../shared/extract/sandbox/in-process-extractor.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../../tests/support/embedded-stack.js";
import { makeDocx, makePdf } from "../../tests/support/fixtures.js";
import { createApp } from "./app.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

interface Formats {
  runtime: string;
  formats: { format: string; content_type: string; read_here: boolean }[];
}

interface DocumentView {
  index_status: string;
  index_error: string | null;
  chunk_count: number;
}

/** The index function as the Workers entry builds it: in process, with the portable formats only. */
function workersIndex(
  extractor: Extractor = inProcessExtractor(extractionLimits(stack.deps.config), portableFormats),
) {
  const deps: Deps = { ...stack.deps, extractor };
  const app = createApp(deps);
  return async <T>(path: string, init?: RequestInit) => {
    const response = await app.request(path, init);
    return { status: response.status, body: (await response.json()) as T };
  };
}

async function upload(collection: string, name: string, bytes: Uint8Array | string) {
  const r = await stack.json<{ document: { id: string } }>("/documents", {
    method: "POST",
    body: uploadForm(collection, { name, bytes }),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.document.id;
}

const run = (collection: string) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ collection_id: collection, limit: 10 }),
});

const readHere = (body: Formats) => body.formats.filter((f) => f.read_here).map((f) => f.format);

describe("GET /index/formats", () => {
  it("on Node, reads every format", async () => {
    const r = await stack.json<Formats>("/index/formats");
    expect(r.status).toBe(200);
    expect(r.body.runtime).toBe("node");
    expect(r.body.formats.length).toBeGreaterThanOrEqual(16);
    expect(r.body.formats.every((f) => f.read_here)).toBe(true);
    expect(r.body.formats).toContainEqual({
      format: "pdf",
      content_type: "application/pdf",
      read_here: true,
    });
  });

  it("on Workers, names the formats it reads and leaves PDF and images to Node", async () => {
    const r = await workersIndex()<Formats>("/index/formats");
    expect(r.status).toBe(200);
    expect(r.body.runtime).toBe("workers");
    expect(readHere(r.body)).toEqual(expect.arrayContaining(["txt", "docx", "xlsx", "html", "eml"]));
    for (const kind of ["pdf", "png", "jpeg", "tiff"]) expect(readHere(r.body)).not.toContain(kind);
  });
});

describe("POST /index/run on Workers", () => {
  it("claims only the formats it reads; Node's run takes the rest", async () => {
    const collection = await stack.createCollection();
    const pdf = await upload(collection, "a.pdf", await makePdf([["Glaciers retreat in the Alps."]]));
    const docx = await upload(collection, "b.docx", await makeDocx(["Tundra soils hold permafrost."]));

    const onWorkers = await workersIndex()<{ claimed: number; indexed: number }>(
      "/index/run",
      run(collection),
    );
    expect(onWorkers.status).toBe(200);
    expect(onWorkers.body).toMatchObject({ claimed: 1, indexed: 1 });
    expect((await stack.json<DocumentView>(`/documents/${docx}`)).body.index_status).toBe("indexed");
    expect((await stack.json<DocumentView>(`/documents/${pdf}`)).body.index_status).toBe("pending");

    const onNode = await stack.json<{ claimed: number; indexed: number }>("/index/run", run(collection));
    expect(onNode.body).toMatchObject({ claimed: 1, indexed: 1 });
    expect((await stack.json<DocumentView>(`/documents/${pdf}`)).body.index_status).toBe("indexed");
  });

  it("hands a document it cannot read to Node: pending, the try not counted, not claimed again on Workers", async () => {
    const collection = await stack.createCollection();
    const portable = inProcessExtractor(extractionLimits(stack.deps.config), portableFormats);
    // What decode-text does on Workers for text in an undetectable legacy encoding.
    const withoutDetector: Extractor = {
      ...portable,
      extractChunks: (kind, bytes, options) =>
        new TextDecoder().decode(bytes).includes("LEGACY")
          ? Promise.reject(new NeedsNodeRuntime("its character encoding is not known here"))
          : portable.extractChunks(kind, bytes, options),
    };
    const legacy = await upload(collection, "legacy.txt", "LEGACY: the harbour ferry leaves at noon.\n");

    const first = await workersIndex(withoutDetector)<{ claimed: number; deferred: number }>(
      "/index/run",
      run(collection),
    );
    expect(first.body).toMatchObject({ claimed: 1, deferred: 1 });
    const waiting = (await stack.json<DocumentView>(`/documents/${legacy}`)).body;
    expect(waiting.index_status).toBe("pending");
    expect(waiting.index_error).toBe(
      "waiting for an index worker on Node: its character encoding is not known here",
    );
    const [row] = await stack.deps.db.query<{ index_attempts: number; index_on_node_only: boolean }>(
      sql`select index_attempts, index_on_node_only from documents where id = ${legacy}`,
    );
    expect(row).toEqual({ index_attempts: 0, index_on_node_only: true });

    const again = await workersIndex(withoutDetector)<{ claimed: number }>("/index/run", run(collection));
    expect(again.body.claimed).toBe(0);

    const onNode = await stack.json<{ claimed: number; indexed: number }>("/index/run", run(collection));
    expect(onNode.body).toMatchObject({ claimed: 1, indexed: 1 });
    const indexed = (await stack.json<DocumentView>(`/documents/${legacy}`)).body;
    expect(indexed).toMatchObject({ index_status: "indexed", index_error: null });
  });
});
