import { chunkDocument } from "../chunking/chunk-blocks.js";
import { adaptiveChunkSettings } from "../chunking/chunk-settings.js";
import { assertEmbedderMatches, type Collection } from "../collections/collections.js";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import { sql } from "../db/sql.js";
import type { DocumentRow } from "../documents/document-row.js";
import type { Embedder } from "../embeddings/embedder.js";
import { kindFromContentType } from "../extract/document-kind.js";
import { ExtractionError } from "../extract/extraction-error.js";
import { limitReason } from "../extract/sandbox/extraction-limits.js";
import type { Extractor } from "../extract/sandbox/extractor.js";
import { chunkSearchTexts } from "../retrieval/search-text.js";
import type { ObjectStore } from "../storage/object-store.js";
import type { VectorStore } from "../vectors/vector-store.js";

export interface IndexDeps {
  db: Database;
  objects: ObjectStore;
  vectors: VectorStore;
  embedder: Embedder;
  extractor: Pick<Extractor, "extract">;
  config: Pick<Config, "INDEX_MAX_CHUNKS" | "INDEX_MAX_ATTEMPTS">;
  batchSize: number;
}

export interface IndexOutcome {
  id: string;
  status: "indexed" | "failed" | "abandoned" | "deferred";
  chunk_count: number;
  error: string | null;
}

/** Stage timings in milliseconds, for logs and benchmarks. */
export type StageTimings = Record<"fetch" | "extract" | "chunk" | "embed" | "upsert" | "sql", number>;

/**
 * Indexes one claimed document: fetch, extract, chunk, embed in batches, replace its vectors
 * (old ones first, so a shorter new version leaves none behind), then commit chunks (with
 * their locations), the extracted text and the status only if the claim still holds and the document was not deleted meanwhile. If it was deleted,
 * the vectors just written are removed again: no orphan vectors.
 */
export async function indexDocument(
  deps: IndexDeps,
  collection: Collection,
  doc: DocumentRow,
  timings?: StageTimings,
): Promise<IndexOutcome> {
  const t = (stage: keyof StageTimings, started: number) => {
    if (timings) timings[stage] += performance.now() - started;
  };
  assertEmbedderMatches(collection, deps.embedder);
  const kind = kindFromContentType(doc.content_type);
  if (kind === undefined) throw new Error(`unsupported content type ${doc.content_type}`);

  let started = performance.now();
  const bytes = await deps.objects.get(doc.object_name);
  t("fetch", started);

  started = performance.now();
  const extracted = await deps.extractor.extract(kind, bytes, { ocrLanguages: collection.ocr_languages });
  t("extract", started);

  started = performance.now();
  const { text, chunks } = chunkDocument(extracted, (length) =>
    adaptiveChunkSettings(kind, length, collection.chunking),
  );
  t("chunk", started);
  // Before anything is embedded or written: past the cap, nothing of the document is indexed.
  if (chunks.length > deps.config.INDEX_MAX_CHUNKS) {
    throw new ExtractionError(limitReason.chunks(chunks.length, deps.config.INDEX_MAX_CHUNKS));
  }
  // What keyword search analyses where it differs from the text (NFKC, CJK words separated).
  const searchTexts = await chunkSearchTexts(chunks.map((chunk) => chunk.text));
  const rows = JSON.stringify(chunks.map((chunk, i) => ({ ...chunk, search_text: searchTexts[i] ?? null })));

  started = performance.now();
  const embeddings: number[][] = [];
  for (let i = 0; i < chunks.length; i += deps.batchSize) {
    const batch = chunks.slice(i, i + deps.batchSize).map((chunk) => chunk.text);
    embeddings.push(...(await deps.embedder.embed(batch)));
  }
  t("embed", started);

  const target = { id: collection.id, dimension: collection.embedding_dimension };
  // A run whose claim was taken over (reindex, or its lease expired) must not touch vectors the
  // new owner may already have written; renewing the lease keeps later batches from expiring.
  const [stillOurs] = await deps.db.query<{ id: string }>(sql`
    update documents set claimed_at = now()
    where id = ${doc.id} and claim_token = ${doc.claim_token} and deleted_at is null returning id`);
  if (stillOurs === undefined) {
    return { id: doc.id, status: "abandoned", chunk_count: 0, error: "claim lost (deleted or re-claimed)" };
  }
  started = performance.now();
  await deps.vectors.deleteDocument(target, doc.id);
  await deps.vectors.upsert(
    target,
    embeddings.map((embedding, chunkIndex) => ({ documentId: doc.id, chunkIndex, embedding })),
  );
  t("upsert", started);

  started = performance.now();
  const committed = await deps.db.transaction(async (tx) => {
    const [held] = await tx.query<{ id: string }>(sql`
      select id from documents where id = ${doc.id} and claim_token = ${doc.claim_token} and deleted_at is null
      for update`);
    if (held === undefined) return false;
    await tx.query(sql`delete from chunks where document_id = ${doc.id}`);
    await tx.query(sql`
      insert into chunks (document_id, collection_id, chunk_index, text, location, search_text)
      select ${doc.id}::uuid, ${collection.id}::uuid, ordinality - 1, value->>'text', value->'location',
        value->>'search_text'
      from jsonb_array_elements(${rows}::jsonb) with ordinality`);
    await tx.query(sql`
      insert into document_texts (document_id, text, length)
      select ${doc.id}::uuid, t, char_length(t) from (select ${text}::text as t) extracted
      on conflict (document_id) do update set text = excluded.text, length = excluded.length`);
    await tx.query(sql`
      update documents set index_status = 'indexed', is_indexed = true, indexed_at = now(),
        chunk_count = ${chunks.length}, index_error = null, claim_token = null,
        text_encoding = ${extracted.encoding ?? null}, ocr_pages = ${extracted.ocrPages ?? null}::integer[]
      where id = ${doc.id}`);
    return true;
  });
  t("sql", started);

  if (!committed) {
    const [still] = await deps.db.query<{ deleted: boolean }>(
      sql`select deleted_at is not null as deleted from documents where id = ${doc.id}`,
    );
    // Gone or being deleted: take our vectors back. Re-claimed by another run: it owns them now.
    if (still === undefined || still.deleted) await deps.vectors.deleteDocument(target, doc.id);
    return { id: doc.id, status: "abandoned", chunk_count: 0, error: "claim lost (deleted or re-claimed)" };
  }
  return { id: doc.id, status: "indexed", chunk_count: chunks.length, error: null };
}
