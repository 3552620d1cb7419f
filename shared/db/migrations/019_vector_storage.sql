-- The pgvector store's vectors stay in their rows. pgvector's type is stored out of line once a
-- row passes about 2 kB, so a 512-dimension vector (the built-in embedder's) went to the TOAST
-- table, and an exact scan, which reads every vector of a collection, paid a TOAST index lookup
-- for each: on PGlite, SciFact's 5,183 vectors took about 60 ms instead of about 10. With
-- toast_tuple_target at its maximum a row moves out of line only if it cannot fit a page
-- (vectors up to about 2,000 dimensions stay in). The planner, which does not price TOAST reads,
-- chooses between that scan and the HNSW index by the collection's size (pglite-maintenance.ts
-- keeps its statistics on PGlite).
-- Rows written before keep their out-of-line vectors until their documents are indexed again:
-- rewriting them here would insert every vector into its HNSW index once more (about 5 ms each
-- on PGlite). Only where pgvector is installed (migration 002).
do $$
begin
  if to_regclass('vectors') is not null then
    alter table vectors set (toast_tuple_target = 8160);
  end if;
end
$$;
