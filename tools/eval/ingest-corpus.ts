import type { BeirDataset } from "./beir-dataset.js";
import { expectJson, jsonInit, type Send, sendRetrying } from "./eval-client.js";

/**
 * How each corpus document is chunked, as a collection chunking override. `whole`: one chunk per
 * document (the largest size the API accepts, 20,000 characters; SciFact's longest abstract is
 * about 10,000), as BEIR scores whole documents. `default`: Docstack's adaptive defaults.
 */
export type Chunking = "whole" | "default";

const chunkingOverrides: Record<Chunking, Record<string, { size: number; overlap: number }>> = {
  whole: { txt: { size: 20_000, overlap: 0 } },
  default: {},
};

interface CollectionView {
  id: string;
  name: string;
  embedding_model: string;
}
interface IndexStatus {
  counts: { pending: number; indexing: number; indexed: number; failed: number };
  total: number;
  chunks: number;
}

export interface IngestResult {
  collection: CollectionView;
  reused: boolean;
  uploaded: number;
  upload_seconds: number;
  index_seconds: number;
  documents: number;
  chunks: number;
}

/** A corpus line as the file Docstack receives: `<_id>.txt`, title then text. */
export function corpusFile(doc: BeirDataset["corpus"][number]): { name: string; text: string } {
  return { name: `${doc.id}.txt`, text: doc.title ? `${doc.title}\n\n${doc.text}` : doc.text };
}

/** The corpus id a result's filename stands for. */
export function corpusIdOf(filename: string): string {
  return filename.replace(/\.txt$/, "");
}

async function findCollection(send: Send, name: string): Promise<CollectionView | undefined> {
  for (let offset = 0; ; offset += 100) {
    const page = await expectJson<{ items: CollectionView[]; total: number }>(
      await sendRetrying(send, `/collections?limit=100&offset=${offset}`, () => ({ method: "GET" })),
      "list collections",
    );
    const found = page.items.find((c) => c.name === name);
    if (found !== undefined || offset + 100 >= page.total) return found;
  }
}

async function indexStatus(send: Send, collectionId: string): Promise<IndexStatus> {
  return expectJson<IndexStatus>(
    await sendRetrying(send, `/index/status?collection_id=${collectionId}`, () => ({ method: "GET" })),
    "index status",
  );
}

/** Runs `fn` over items with at most `concurrency` in flight. */
async function eachLimited<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await fn(item);
      }
    }),
  );
}

/**
 * Makes (or finds) the dataset's collection, uploads every corpus line that is not in it yet
 * (uploads are idempotent: the same bytes answer 200 "duplicate"), then indexes until nothing
 * is pending. A collection already fully indexed is reused as is: indexing the corpus is the
 * slow part of an evaluation.
 */
export async function ingestCorpus(
  send: Send,
  dataset: BeirDataset,
  options: {
    name: string;
    chunking: Chunking;
    concurrency: number;
    log: (line: string) => void;
    /** What analytics keeps of the collection's query texts; the server's default (off) when absent. */
    analyticsText?: "off" | "hashed" | "full";
  },
): Promise<IngestResult> {
  let collection = await findCollection(send, options.name);
  if (collection !== undefined) {
    const status = await indexStatus(send, collection.id);
    if (status.counts.indexed === dataset.corpus.length && status.total === dataset.corpus.length) {
      options.log(`reusing collection ${options.name} (${status.total} documents, ${status.chunks} chunks)`);
      return {
        collection,
        reused: true,
        uploaded: 0,
        upload_seconds: 0,
        index_seconds: 0,
        documents: status.total,
        chunks: status.chunks,
      };
    }
  } else {
    collection = await expectJson<CollectionView>(
      await sendRetrying(send, "/collections", () =>
        jsonInit("POST", {
          name: options.name,
          description: `Retrieval evaluation: ${dataset.name}, one document per corpus line`,
          chunking: chunkingOverrides[options.chunking],
          ...(options.analyticsText === undefined ? {} : { analytics_text: options.analyticsText }),
        }),
      ),
      "create collection",
      [201],
    );
  }
  const collectionId = collection.id;

  const uploadStarted = performance.now();
  let uploaded = 0;
  await eachLimited(dataset.corpus, options.concurrency, async (doc) => {
    const file = corpusFile(doc);
    const response = await sendRetrying(send, "/documents", () => {
      const form = new FormData();
      form.set("collection_id", collectionId);
      form.set("metadata", JSON.stringify({ corpus_id: doc.id }));
      form.set("file", new Blob([file.text], { type: "text/plain" }), file.name);
      return { method: "POST", body: form };
    });
    await expectJson(response, `upload ${file.name}`, [200, 201]);
    if (++uploaded % 500 === 0) options.log(`uploaded ${uploaded}/${dataset.corpus.length}`);
  });
  const upload_seconds = (performance.now() - uploadStarted) / 1000;

  // POST /index/run does the work here; on a stack whose workers index too, they share it
  // (claims skip each other's documents), and the status poll waits for theirs to finish.
  const indexStarted = performance.now();
  for (;;) {
    const run = await expectJson<{ claimed: number; failed: number }>(
      await sendRetrying(send, "/index/run", () =>
        jsonInit("POST", { collection_id: collectionId, limit: 100 }),
      ),
      "index run",
    );
    const status = await indexStatus(send, collectionId);
    if (run.claimed === 0 || status.counts.indexed % 1000 < 100)
      options.log(`indexed ${status.counts.indexed}/${status.total}`);
    if (status.counts.failed > 0) throw new Error(`${status.counts.failed} document(s) failed to index`);
    if (run.claimed > 0) continue;
    if (status.counts.pending + status.counts.indexing === 0) {
      return {
        collection,
        reused: false,
        uploaded,
        upload_seconds,
        index_seconds: (performance.now() - indexStarted) / 1000,
        documents: status.total,
        chunks: status.chunks,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
