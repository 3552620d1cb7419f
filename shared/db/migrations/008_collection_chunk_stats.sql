-- BM25 (shared/retrieval/bm25.ts) needs each collection's chunk count and mean chunk length on
-- every keyword query. Counting them at query time read every chunk of the collection through
-- an index-only scan: on 100,182 chunks, 29 of a keyword statement's 42 ms (bench/query.ts).
-- Kept here instead, by statement-level triggers on chunks, so that every path that writes
-- chunks (indexing, document and collection deletes through their cascades) keeps them exact
-- in its own transaction. The indexing transaction already updates its collection's row
-- (index_version), so this adds no lock that was not taken. pg_restore loads table data before
-- it creates triggers, and a restored collection row carries the figures of its dumped chunks.
-- Plain SQL and PL/pgSQL: PostgreSQL 15+ and PGlite alike.
alter table collections add column if not exists chunk_count bigint not null default 0;
alter table collections add column if not exists chunk_tokens bigint not null default 0;

update collections c set chunk_count = s.n, chunk_tokens = s.tokens
from (select collection_id, count(*) as n, coalesce(sum(token_count), 0) as tokens
      from chunks group by collection_id) s
where s.collection_id = c.id;

create or replace function chunks_stats_after_insert() returns trigger language plpgsql as $$
begin
  update collections c set chunk_count = c.chunk_count + d.n, chunk_tokens = c.chunk_tokens + d.tokens
  from (select collection_id, count(*) as n, coalesce(sum(token_count), 0) as tokens
        from inserted_chunks group by collection_id) d
  where c.id = d.collection_id;
  return null;
end $$;

create or replace function chunks_stats_after_delete() returns trigger language plpgsql as $$
begin
  update collections c set chunk_count = c.chunk_count - d.n, chunk_tokens = c.chunk_tokens - d.tokens
  from (select collection_id, count(*) as n, coalesce(sum(token_count), 0) as tokens
        from deleted_chunks group by collection_id) d
  where c.id = d.collection_id;
  return null;
end $$;

create or replace function chunks_stats_after_update() returns trigger language plpgsql as $$
begin
  update collections c set chunk_count = c.chunk_count + d.n, chunk_tokens = c.chunk_tokens + d.tokens
  from (select collection_id, sum(n) as n, sum(tokens) as tokens from (
          select collection_id, 1 as n, token_count as tokens from new_chunks
          union all
          select collection_id, -1, -token_count from old_chunks) x
        group by collection_id) d
  where c.id = d.collection_id and (d.n <> 0 or d.tokens <> 0);
  return null;
end $$;

create or replace trigger chunks_stats_insert after insert on chunks
  referencing new table as inserted_chunks
  for each statement execute function chunks_stats_after_insert();
create or replace trigger chunks_stats_delete after delete on chunks
  referencing old table as deleted_chunks
  for each statement execute function chunks_stats_after_delete();
create or replace trigger chunks_stats_update after update on chunks
  referencing old table as old_chunks new table as new_chunks
  for each statement execute function chunks_stats_after_update();
