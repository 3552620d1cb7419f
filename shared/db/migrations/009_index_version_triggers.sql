-- A collection's index_version keys its cached query answers, so it must move in the same
-- transaction as anything search reads of the collection, whoever writes it. The database moves
-- it, here, instead of every writer remembering to:
--   chunks: inserted, deleted (a document's cascade too) or updated -- the statement-level
--     triggers of migration 008, which already update the collection's row for its BM25 counts;
--   documents: hidden or shown (deleted_at) or changed in a field filters match on
--     (metadata, filename, content_type);
--   collections: another embedding model (its vectors are rebuilt).
-- Plain SQL and PL/pgSQL: PostgreSQL 15+ and PGlite alike.

create or replace function chunks_stats_after_insert() returns trigger language plpgsql as $$
begin
  update collections c set chunk_count = c.chunk_count + d.n, chunk_tokens = c.chunk_tokens + d.tokens,
    index_version = c.index_version + 1
  from (select collection_id, count(*) as n, coalesce(sum(token_count), 0) as tokens
        from inserted_chunks group by collection_id) d
  where c.id = d.collection_id;
  return null;
end $$;

create or replace function chunks_stats_after_delete() returns trigger language plpgsql as $$
begin
  update collections c set chunk_count = c.chunk_count - d.n, chunk_tokens = c.chunk_tokens - d.tokens,
    index_version = c.index_version + 1
  from (select collection_id, count(*) as n, coalesce(sum(token_count), 0) as tokens
        from deleted_chunks group by collection_id) d
  where c.id = d.collection_id;
  return null;
end $$;

-- An update may change a chunk's text without changing the counts: it still moves the version.
create or replace function chunks_stats_after_update() returns trigger language plpgsql as $$
begin
  update collections c set chunk_count = c.chunk_count + d.n, chunk_tokens = c.chunk_tokens + d.tokens,
    index_version = c.index_version + 1
  from (select collection_id, sum(n) as n, sum(tokens) as tokens from (
          select collection_id, 1 as n, token_count as tokens from new_chunks
          union all
          select collection_id, -1, -token_count from old_chunks) x
        group by collection_id) d
  where c.id = d.collection_id;
  return null;
end $$;

create or replace function documents_search_fields_changed() returns trigger language plpgsql as $$
begin
  update collections set index_version = index_version + 1
  where id in (old.collection_id, new.collection_id);
  return null;
end $$;

create or replace trigger documents_index_version after update of deleted_at, metadata, filename, content_type,
  collection_id on documents
  for each row
  when (old.deleted_at is distinct from new.deleted_at or old.metadata is distinct from new.metadata
        or old.filename is distinct from new.filename or old.content_type is distinct from new.content_type
        or old.collection_id is distinct from new.collection_id)
  execute function documents_search_fields_changed();

create or replace function collections_model_changed() returns trigger language plpgsql as $$
begin
  new.index_version := old.index_version + 1;
  return new;
end $$;

create or replace trigger collections_index_version before update of embedding_model, embedding_dimension
  on collections
  for each row
  when (old.embedding_model is distinct from new.embedding_model
        or old.embedding_dimension is distinct from new.embedding_dimension)
  execute function collections_model_changed();
