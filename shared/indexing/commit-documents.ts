import type { Database } from "../db/database.js";
import { sql } from "../db/sql.js";
import { writeInSlices } from "../db/write-slices.js";
import type { VectorCollection, VectorRecord } from "../vectors/vector-store.js";
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
 * Writes a group of embedded documents with one vector request per collection and one SQL
 * transaction for all, each document only if its claim still holds. Vectors go first (old ones
 * removed, so a shorter new version leaves none behind); the transaction then commits each held
 * document's chunks, text and status together, so no document is ever half-indexed. Documents
 * deleted meanwhile get their new vectors taken back: no orphan vectors.
 */
export async function commitDocuments(
  deps: Pick<IndexDeps, "db" | "vectors">,
  docs: readonly EmbeddedDocument[],
  timings: StageTimings,
): Promise<IndexOutcome[]> {
  // A document whose claim was taken over (reindex, an expired lease) must not have its vectors
  // touched: the new owner may already have written them.
  const held = new Set(await renewClaims(deps.db, docs));
  const writing = docs.filter((d) => held.has(d.doc.id));

  let committed: Set<string>;
  try {
    let started = performance.now();
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
    timings.upsert += performance.now() - started;

    started = performance.now();
    committed = new Set(writing.length === 0 ? [] : await writeRows(deps.db, writing));
    timings.sql += performance.now() - started;
  } catch (error) {
    // A document deleted since its claim was checked may have had its vectors purged before
    // ours landed; nothing later comes back for them (a retry finds the claim gone), so they
    // are taken back now, as far as the stores answer.
    await takeBackVectors(deps, writing).catch(() => {});
    throw error;
  }

  const gone = writing.filter((d) => !committed.has(d.doc.id));
  if (gone.length > 0) await takeBackVectors(deps, gone);

  return docs.map((d) =>
    committed.has(d.doc.id)
      ? { id: d.doc.id, status: "indexed", chunk_count: d.chunks.length, error: null }
      : { id: d.doc.id, status: "abandoned", chunk_count: 0, error: claimLost },
  );
}

async function renewClaims(db: Database, docs: readonly EmbeddedDocument[]): Promise<string[]> {
  const { ids, tokens } = claimsOf(docs);
  const rows = await db.query<{ id: string }>(sql`
    update documents d set claimed_at = now()
    from unnest(${ids}::uuid[], ${tokens}::uuid[]) as c(id, token)
    where d.id = c.id and d.claim_token = c.token and d.deleted_at is null
    returning d.id`);
  return rows.map((r) => r.id);
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
    // One text per statement: a text may be megabytes, and PGlite parses a statement on the
    // serving thread.
    await writeInSlices(db.kind, mine, (slice) =>
      tx.query(sql`
        insert into document_texts (document_id, text, length)
        select document_id, text, char_length(text)
        from jsonb_to_recordset(${JSON.stringify(slice.map((d) => ({ document_id: d.doc.id, text: d.text })))}::jsonb)
          as r(document_id uuid, text text)
        on conflict (document_id) do update set text = excluded.text, length = excluded.length`),
    );
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
