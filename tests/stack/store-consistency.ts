import { ChromaClient } from "chromadb";
import { sql } from "../../shared/db/sql.js";
import { ChromaStore } from "../../shared/vectors/chroma-store.js";
import { directDb, minio, state } from "./stack-client.js";

export function chroma(): ChromaClient {
  const url = new URL(state.chroma.url);
  return new ChromaClient({
    host: url.hostname,
    port: Number(url.port),
    headers: { Authorization: `Bearer ${state.chroma.token}` },
  });
}

async function bucketObjects(): Promise<Set<string>> {
  const names = new Set<string>();
  const stream = minio().listObjectsV2(state.minio.bucket, "documents/", true);
  for await (const item of stream as AsyncIterable<{ name?: string }>) if (item.name) names.add(item.name);
  return names;
}

/** Every vector's (document, chunk) in a collection's Chroma store, read page by page. */
async function vectorKeys(collectionId: string): Promise<{ documentId: string; chunk: number }[]> {
  let c: Awaited<ReturnType<ChromaClient["getCollection"]>>;
  try {
    c = await chroma().getCollection({ name: ChromaStore.collectionName(collectionId) });
  } catch {
    return [];
  }
  const keys: { documentId: string; chunk: number }[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await c.get({ limit: 500, offset, include: ["metadatas"] });
    for (const m of page.metadatas)
      keys.push({ documentId: String(m?.document_id), chunk: Number(m?.chunk_index) });
    if (page.ids.length < 500) return keys;
  }
}

export interface Consistency {
  documents: number;
  indexed: number;
  chunks: number;
  vectors: number;
  objects: number;
  /** What is half-written: each line one problem. Empty when rows, objects and vectors agree. */
  problems: string[];
}

/**
 * The three stores agree for these collections: every live document row has its object, no
 * object in the bucket lacks a row (anywhere), every indexed document has exactly its chunks
 * once in PostgreSQL and once in Chroma, and Chroma holds no vector of anything else.
 */
export async function storeConsistency(collections: string[]): Promise<Consistency> {
  const db = directDb();
  const problems: string[] = [];
  try {
    const rows = await db.query<{
      id: string;
      collection_id: string;
      object_name: string;
      index_status: string;
      chunk_count: number;
      chunks: number;
    }>(sql`
      select d.id, d.collection_id, d.object_name, d.index_status, d.chunk_count,
        (select count(*)::int from chunks c where c.document_id = d.id) as chunks
      from documents d
      where d.collection_id = any(${collections}::uuid[]) and d.deleted_at is null`);
    const allNames = new Set(
      (await db.query<{ object_name: string }>(sql`select object_name from documents`)).map(
        (r) => r.object_name,
      ),
    );
    const objects = await bucketObjects();
    for (const name of objects) if (!allNames.has(name)) problems.push(`object ${name} has no row`);
    for (const r of rows) {
      if (!objects.has(r.object_name)) problems.push(`document ${r.id} has no object`);
      if (r.index_status !== "indexed") problems.push(`document ${r.id} is ${r.index_status}`);
      else if (r.chunks !== r.chunk_count)
        problems.push(`document ${r.id}: ${r.chunks} chunk rows, chunk_count ${r.chunk_count}`);
    }
    let vectors = 0;
    for (const collection of collections) {
      const keys = await vectorKeys(collection);
      vectors += keys.length;
      const seen = new Set<string>();
      const perDocument = new Map<string, number>();
      for (const k of keys) {
        const id = `${k.documentId}#${k.chunk}`;
        if (seen.has(id)) problems.push(`vector ${id} is there twice`);
        seen.add(id);
        perDocument.set(k.documentId, (perDocument.get(k.documentId) ?? 0) + 1);
      }
      const mine = rows.filter((r) => r.collection_id === collection);
      for (const r of mine) {
        const n = perDocument.get(r.id) ?? 0;
        if (r.index_status === "indexed" && n !== r.chunk_count)
          problems.push(`document ${r.id}: ${n} vectors for ${r.chunk_count} chunks`);
      }
      const known = new Set(mine.filter((r) => r.index_status === "indexed").map((r) => r.id));
      for (const [documentId, n] of perDocument)
        if (!known.has(documentId))
          problems.push(`${n} vector(s) of ${documentId}, not an indexed document here`);
    }
    return {
      documents: rows.length,
      indexed: rows.filter((r) => r.index_status === "indexed").length,
      chunks: rows.reduce((sum, r) => sum + r.chunks, 0),
      vectors,
      objects: objects.size,
      problems,
    };
  } finally {
    await db.close();
  }
}
