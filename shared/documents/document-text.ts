import type { Principal } from "../auth/principal.js";
import type { Queryable } from "../db/database.js";
import { sql } from "../db/sql.js";
import type { ChunkLocation } from "../extract/extracted-document.js";
import type { DocumentRow } from "./document-row.js";
import { getDocument } from "./find-documents.js";

export interface TextChunk {
  chunk_index: number;
  text: string;
  /** Empty for chunks indexed before locations were recorded. */
  location: Partial<ChunkLocation>;
}

/** A page of a document's extracted text and the chunks search sees in it. */
export interface DocumentTextPage {
  document_id: string;
  index_status: DocumentRow["index_status"];
  /** How many chunks the document has now (what search sees), over all pages. */
  chunk_count: number;
  /** The whole extracted text's length in code points; null when there is no text to show. */
  text_length: number | null;
  offset: number;
  limit: number;
  /**
   * The extracted text from this page's first chunk up to the next page's first chunk (to the
   * end on the last page), so the pages' texts laid end to end are the whole text. Null when
   * the page has no chunk, or its chunks were indexed before texts and locations were kept.
   */
  text: { char_start: number; char_end: number; text: string } | null;
  chunks: TextChunk[];
}

interface PageRow {
  chunk_count: number;
  text_length: number | null;
  chunks: TextChunk[];
  char_start: number | null;
  char_end: number | null;
  text: string | null;
}

/**
 * GET /documents/{id}/text: the extracted text with the chunk boundaries and locations, paged
 * over chunks in order. One statement, so the chunks and the text come from one snapshot even
 * while the document is being re-indexed. A document the caller may not see is not found.
 */
export async function getDocumentText(
  db: Queryable,
  actor: Principal,
  id: string,
  page: { offset: number; limit: number },
): Promise<DocumentTextPage> {
  const doc = await getDocument(db, actor, id);
  const { offset, limit } = page;
  // One row past the page tells where the next page's text begins.
  const [row] = await db.query<PageRow>(sql`
    with page as (
      select chunk_index, text, location from chunks where document_id = ${id}
      order by chunk_index limit ${limit + 1} offset ${offset}
    ),
    whole as (select text, length from document_texts where document_id = ${id}),
    bounds as (
      select
        case when ${offset}::int = 0 then 0
          else (select (location->>'char_start')::int from page order by chunk_index limit 1) end as char_start,
        coalesce(
          (select (location->>'char_start')::int from page order by chunk_index offset ${limit} limit 1),
          (select length from whole)) as char_end
      where exists (select 1 from page) and exists (select 1 from whole)
        and not exists (select 1 from page where location->'char_start' is null)
    )
    select
      (select count(*)::int from chunks where document_id = ${id}) as chunk_count,
      (select length from whole) as text_length,
      coalesce((select json_agg(json_build_object('chunk_index', p.chunk_index, 'text', p.text,
        'location', p.location) order by p.chunk_index)
        from (select * from page order by chunk_index limit ${limit}) p), '[]'::json) as chunks,
      b.char_start, b.char_end,
      (select substr(w.text, b.char_start + 1, b.char_end - b.char_start) from whole w) as text
    from (select 1) one left join bounds b on true`);
  const chunks = row?.chunks ?? [];
  const hasText =
    row !== undefined &&
    chunks.length > 0 &&
    row.char_start !== null &&
    row.char_end !== null &&
    row.text !== null;
  return {
    document_id: doc.id,
    index_status: doc.index_status,
    chunk_count: row?.chunk_count ?? 0,
    text_length: row?.text_length ?? null,
    offset,
    limit,
    text: hasText
      ? { char_start: row.char_start ?? 0, char_end: row.char_end ?? 0, text: row.text ?? "" }
      : null,
    chunks,
  };
}
