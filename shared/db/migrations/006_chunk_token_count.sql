-- BM25 keyword ranking (shared/retrieval/bm25.ts) needs each chunk's length: the number of
-- tokens its tsvector indexes (stop words are not indexed, so they do not count, as in Lucene).
-- A generated column keeps it right on every path that writes chunks (indexing, restores) and
-- adding it backfills the existing rows. Plain SQL: PostgreSQL 15+ and PGlite alike.
create or replace function tsvector_token_count(v tsvector) returns integer
language sql immutable strict parallel safe
as $$ select coalesce(sum(coalesce(array_length(positions, 1), 1)), 0)::integer from unnest(v) $$;

alter table chunks add column token_count integer not null
  generated always as (tsvector_token_count(to_tsvector('english', text))) stored;

-- Every keyword query reads its collection's chunk count and mean length: an index-only scan.
create index chunks_collection_length on chunks (collection_id) include (token_count);
drop index chunks_collection;
