import { createHash, randomUUID } from "node:crypto";
import type { StackState } from "../../infra/local/stack.js";
import { sql } from "../../shared/db/sql.js";
import { ChromaStore } from "../../shared/vectors/chroma-store.js";
import { directDb } from "./stack.js";

/** One document of the corpus as the worker would write it. */
export interface PreparedForWrite {
  text: string;
  chunks: { text: string; location: unknown; search_text: string | null }[];
  vectors: number[][];
}

/**
 * The vector upsert alone: every document's vectors into a scratch Chroma collection of the
 * stack's Chroma, `group` documents per call as the pipelined worker writes them (the store
 * splits a call into requests of its batch size). Seconds.
 */
export async function bareUpsert(
  state: StackState,
  docs: readonly PreparedForWrite[],
  group: number,
): Promise<number> {
  const store = new ChromaStore({ url: state.chroma.url, token: state.chroma.token });
  const target = { id: randomUUID(), dimension: docs[0]?.vectors[0]?.length ?? 512 };
  await store.ensureCollection(target);
  const ids = docs.map(() => randomUUID());
  try {
    const started = performance.now();
    for (let i = 0; i < docs.length; i += group) {
      const records = docs
        .slice(i, i + group)
        .flatMap((d, j) =>
          d.vectors.map((embedding, chunkIndex) => ({ documentId: ids[i + j] ?? "", chunkIndex, embedding })),
        );
      await store.upsert(target, records);
    }
    return (performance.now() - started) / 1000;
  } finally {
    await store.dropCollection(target);
  }
}

/**
 * The chunk and text insert alone, into the stack's PostgreSQL with the worker's statements
 * (one per `group` documents), under placeholder documents of a collection of their own (so
 * the statistics triggers run as they do for the worker). Seconds.
 */
export async function bareInsert(
  state: StackState,
  collection: string,
  docs: readonly PreparedForWrite[],
  group: number,
): Promise<number> {
  const db = directDb(state, 1);
  try {
    const rows = docs.map((_, i) => {
      const id = randomUUID();
      return {
        id,
        filename: `bare-${i}.txt`,
        object_name: `bench-bare/${id}`,
        sha256: createHash("sha256").update(id).digest("hex"),
      };
    });
    // Failed, so that no worker claims them.
    await db.query(sql`
      insert into documents (id, filename, object_name, content_type, size, sha256, collection_id, index_status)
      select id, filename, object_name, 'text/plain', 1, sha256, ${collection}::uuid, 'failed'
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, filename text, object_name text, sha256 text)`);
    const started = performance.now();
    for (let i = 0; i < docs.length; i += group) {
      const slice = docs.slice(i, i + group);
      const chunkRows = slice.flatMap((d, j) =>
        d.chunks.map((chunk, chunkIndex) => ({
          document_id: rows[i + j]?.id,
          collection_id: collection,
          chunk_index: chunkIndex,
          ...chunk,
        })),
      );
      await db.transaction(async (tx) => {
        await tx.query(sql`
          insert into chunks (document_id, collection_id, chunk_index, text, location, search_text)
          select document_id, collection_id, chunk_index, text, location, search_text
          from jsonb_to_recordset(${JSON.stringify(chunkRows)}::jsonb)
            as r(document_id uuid, collection_id uuid, chunk_index int, text text, location jsonb, search_text text)`);
        await tx.query(sql`
          insert into document_texts (document_id, text, length)
          select document_id, text, char_length(text)
          from jsonb_to_recordset(${JSON.stringify(slice.map((d, j) => ({ document_id: rows[i + j]?.id, text: d.text })))}::jsonb)
            as r(document_id uuid, text text)`);
      });
    }
    const seconds = (performance.now() - started) / 1000;
    await db.query(sql`delete from documents where collection_id = ${collection}::uuid`);
    return seconds;
  } finally {
    await db.close();
  }
}

/** Documents per second of stages run one after another: 1 / Σ(1 / throughput). */
export function stageBound(documents: number, stageSeconds: readonly number[]): number {
  return documents / stageSeconds.reduce((a, b) => a + b, 0);
}
