-- Where each chunk lies in its document, returned with every passage (shared/extract/
-- extracted-document.ts, ChunkLocation): pages, sheet and rows, section path, and code-point
-- offsets into the document's extracted text. Chunks indexed before this migration have the
-- empty location: re-indexing a document (POST /documents/{id}/reindex, or `npm run reindex`)
-- gives its chunks theirs. The vector store's records are unchanged; locations are joined
-- from here at query time.
alter table chunks add column if not exists location jsonb not null default '{}'::jsonb;

-- The extracted text the chunk offsets point into, for GET /documents/{id}/text: the exact
-- text, whose whitespace between chunks the chunks themselves do not keep. Written with the
-- chunks, in the same transaction; gone with the document. `length` is in characters (code
-- points), as PostgreSQL's substr counts them in a UTF-8 database.
create table if not exists document_texts (
  document_id uuid primary key references documents(id) on delete cascade,
  text text not null,
  length integer not null
);
