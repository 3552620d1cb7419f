import type { Database } from "../db/database.js";
import { sql } from "../db/sql.js";
import { writeInSlices } from "../db/write-slices.js";
import type { VectorCollection, VectorRecord } from "../vectors/vector-store.js";
import { renewClaims } from "./claim-documents.js";
import { claimLost, type IndexDeps, type IndexOutcome, type StageTimings } from "./index-deps.js";
import type { PreparedDocument } from "./prepare-document.js";

export interface EmbeddedDocument extends PreparedDocument {
  vectors: number[][];
}

function claimsOf(docs: readonly EmbeddedDocument[]) {
  return { ids: docs.map((d) => d.doc.id), tokens: docs.map((d) => d.doc.claim_token) };
}

function byCollection(docs: readonly EmbeddedDocument[]): Map<string, EmbeddedDocument[]> {
  const groups = new Map<string, EmbeddedDocument[]>();
  for (const d of docs) groups.set(d.collection.id, [...(groups.get(d.collection.id) ?? []), d]);
  return groups;
}

function target(d: EmbeddedDocument): VectorCollection {
  return { id: d.collection.id, dimension: d.collection.embedding_dimension };
}

/**
 * A document is written in two steps, each for a group of documents at once, so that one
 * group's vectors are upserted while the previous group's rows are committed:
 * 1. `writeVectors`: one vector request per collection (old vectors removed first, so a shorter
 *    new version leaves none behind), for the documents whose claims still hold;
 * 2. `commitRows`: one transaction commits each document's chunks, text and status together, if
 *    its claim still holds, so no document is ever half-indexed; a document deleted meanwhile
 *    gets its new vectors taken back: no orphan vectors.
 */
export async function writeVectors(
  deps: Pick<IndexDeps, "db" | "vectors">,
  docs: readonly EmbeddedDocument[],
  timings: StageTimings,
): Promise<boolean[]> {
  // A document whose claim was taken over (reindex, an expired lease) must not have its vectors
  // touched: the new owner may already have written them.
  const held = new Set(await renewClaims(deps.db, claimsOf(docs)));
  const writing = docs.filter((d) => held.has(d.doc.id));
  const started = performance.now();
  try {
    for (const group of byCollection(writing).values()) {
      const first = group[0];
      if (first === undefined) continue;
      // Every document's, not only those indexed before: an abandoned try (its document sent
      // back to pending, which starts the count of tries over) may have left vectors, and one
      // request for the group costs milliseconds beside the upsert.
      await deps.vectors.deleteDocuments(
        target(first),
        group.map((d) => d.doc.id),
      );
      await deps.vectors.upsert(
        target(first),
        group.flatMap((d) =>
          d.vectors.map(
            (embedding, chunkIndex): VectorRecord => ({ documentId: d.doc.id, chunkIndex, embedding }),
          ),
        ),
      );
    }
  } catch (error) {
    await takeBackDeleted(deps, writing);
    throw error;
  } finally {
    timings.upsert += performance.now() - started;
  }
  return docs.map((d) => held.has(d.doc.id));
}

export async function commitRows(
  deps: Pick<IndexDeps, "db" | "vectors">,
  docs: readonly EmbeddedDocument[],
  timings: StageTimings,
): Promise<IndexOutcome[]> {
  const started = performance.now();
  let committed: Set<string>;
  try {
    committed = new Set(docs.length === 0 ? [] : await writeRows(deps.db, docs));
  } catch (error) {
    await takeBackDeleted(deps, docs);
    throw error;
  } finally {
    timings.sql += performance.now() - started;
  }
  const gone = docs.filter((d) => !committed.has(d.doc.id));
  if (gone.length > 0) await takeBackVectors(deps, gone);
  return docs.map((d) =>
    committed.has(d.doc.id)
      ? { id: d.doc.id, status: "indexed", chunk_count: d.chunks.length, error: null }
      : { id: d.doc.id, status: "abandoned", chunk_count: 0, error: claimLost },
  );
}

/** The chunks, texts and statuses of the documents whose claims still hold; returns their ids. */
async function writeRows(db: Database, docs: readonly EmbeddedDocument[]): Promise<string[]> {
  const { ids, tokens } = claimsOf(docs);
  return db.transaction(async (tx) => {
    const held = await tx.query<{ id: string }>(sql`
      select d.id from documents d join unnest(${ids}::uuid[], ${tokens}::uuid[]) as c(id, token)
        on d.id = c.id and d.claim_token = c.token
      where d.deleted_at is null
      for update of d`);
    const keep = new Set(held.map((r) => r.id));
    const mine = docs.filter((d) => keep.has(d.doc.id));
    if (mine.length === 0) return [];
    const heldIds = mine.map((d) => d.doc.id);
    await tx.query(sql`delete from chunks where document_id = any(${heldIds}::uuid[])`);
    const chunkRows = mine.flatMap((d) =>
      d.chunks.map((chunk, chunkIndex) => ({
        document_id: d.doc.id,
        collection_id: d.collection.id,
        chunk_index: chunkIndex,
        text: chunk.text,
        location: chunk.location,
        search_text: chunk.search_text,
      })),
    );
    await writeInSlices(db.kind, chunkRows, (slice) =>
      tx.query(sql`
        insert into chunks (document_id, collection_id, chunk_index, text, location, search_text)
        select document_id, collection_id, chunk_index, text, location, search_text
        from jsonb_to_recordset(${JSON.stringify(slice)}::jsonb)
          as r(document_id uuid, collection_id uuid, chunk_index int, text text, location jsonb, search_text text)`),
    );
    // One statement per text, passed as a parameter (no JSON to build and parse): a text may be
    // megabytes, and PGlite runs a statement on the serving thread.
    for (const d of mine)
      await tx.query(sql`
        insert into document_texts (document_id, text, length)
        select ${d.doc.id}::uuid, t, char_length(t) from (select ${d.text}::text as t) extracted
        on conflict (document_id) do update set text = excluded.text, length = excluded.length`);
    const statuses = mine.map((d) => ({
      id: d.doc.id,
      chunk_count: d.chunks.length,
      text_encoding: d.encoding,
      ocr_pages: d.ocrPages,
    }));
    await tx.query(sql`
      update documents d set index_status = 'indexed', is_indexed = true, indexed_at = now(),
        chunk_count = r.chunk_count, index_error = null, claim_token = null,
        text_encoding = r.text_encoding, ocr_pages = r.ocr_pages
      from jsonb_to_recordset(${JSON.stringify(statuses)}::jsonb)
        as r(id uuid, chunk_count int, text_encoding text, ocr_pages int[])
      where d.id = r.id`);
    return heldIds;
  });
}

/**
 * After a failed write: a document deleted since its claim was checked may have had its vectors
 * purged before ours landed, and nothing later comes back for them (a retry finds the claim
 * gone), so they are taken back now, as far as the stores answer.
 */
async function takeBackDeleted(
  deps: Pick<IndexDeps, "db" | "vectors">,
  docs: readonly EmbeddedDocument[],
): Promise<void> {
  if (docs.length > 0) await takeBackVectors(deps, docs).catch(() => undefined);
}

/** Gone or being deleted: take the vectors back. Re-claimed by another run: it owns them now. */
async function takeBackVectors(
  deps: Pick<IndexDeps, "db" | "vectors">,
  docs: readonly EmbeddedDocument[],
): Promise<void> {
  const rows = await deps.db.query<{ id: string }>(sql`
    select c.id from unnest(${docs.map((d) => d.doc.id)}::uuid[]) as c(id)
    left join documents d on d.id = c.id
    where d.id is null or d.deleted_at is not null`);
  const deleted = new Set(rows.map((r) => r.id));
  for (const group of byCollection(docs.filter((d) => deleted.has(d.doc.id))).values()) {
    const first = group[0];
    if (first !== undefined)
      await deps.vectors.deleteDocuments(
        target(first),
        group.map((d) => d.doc.id),
      );
  }
}
