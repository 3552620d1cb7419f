/** A `documents` row as the database returns it. */
export interface DocumentRow {
  id: string;
  filename: string;
  object_name: string;
  content_type: string;
  size: number | bigint | string;
  sha256: string;
  upload_date: Date | string;
  collection_id: string;
  created_by: string | null;
  api_key_name: string | null;
  is_indexed: boolean;
  indexed_at: Date | string | null;
  index_status: "pending" | "indexing" | "indexed" | "failed";
  index_error: string | null;
  index_attempts: number;
  /** Tries that ended deferred (a dependency unavailable); migration 012. */
  index_deferrals: number;
  /** Handed over by an index function on Workers to Node's index workers (migration 017). */
  index_on_node_only?: boolean;
  claim_token: string | null;
  claimed_at: Date | string | null;
  index_retry_at?: Date | string | null;
  chunk_count: number;
  text_encoding: string | null;
  /** Pages whose text came from OCR (migration 015); null without OCR. */
  ocr_pages?: number[] | null;
  metadata: Record<string, unknown>;
  deleted_at: Date | string | null;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** The public shape of a document (what the API returns). */
export function documentView(row: DocumentRow) {
  return {
    id: row.id,
    collection_id: row.collection_id,
    filename: row.filename,
    content_type: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    upload_date: iso(row.upload_date) ?? "",
    created_by: row.created_by,
    index_status: row.index_status,
    is_indexed: row.is_indexed,
    indexed_at: iso(row.indexed_at),
    index_error: row.index_error,
    chunk_count: row.chunk_count,
    text_encoding: row.text_encoding,
    ocr_pages: row.ocr_pages ?? null,
    metadata: row.metadata,
  };
}
export type DocumentView = ReturnType<typeof documentView>;
