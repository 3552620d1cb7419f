-- The pgvector VectorStore (the embedded default; optional on a real server, where Chroma is the
-- usual choice). Applied only where the extension is installed: a server without pgvector
-- still migrates, and PgvectorStore then refuses to start, naming the missing extension.
-- Dimensions differ per collection, so the column is untyped and each collection gets its own
-- partial HNSW index on a typed cast (made with the collection).
do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'vector') then
    create extension if not exists vector;
    create table if not exists vectors (
      id text primary key,
      collection_id uuid not null,
      document_id uuid not null,
      chunk_index integer not null,
      embedding vector not null
    );
    create index if not exists vectors_document on vectors (document_id);
    create index if not exists vectors_collection on vectors (collection_id);
  else
    raise notice 'pgvector is not installed: the vectors table is not created (use VECTOR_STORE=chroma)';
  end if;
end
$$;
