-- Keyword search (shared/retrieval/bm25.ts) looks each query word up in the GIN index on
-- chunks.tsv, then reads the tsvectors of the chunks it scores. Two storage settings keep both
-- cheap, on PGlite above all, which has no autovacuum:
-- 1. The index takes new entries straight into its tree (fastupdate off). With the default, they
--    wait in a pending list, up to 4 MB, that every search of the index reads in full until a
--    vacuum merges it; PGlite never vacuums by itself, so a search read the whole list for each
--    word (SciFact, 5,183 chunks: 53 ms a word instead of 0.8 ms) and the planner, which prices
--    that list, chose to read every chunk instead. Indexing pays a little more per chunk.
-- 2. A chunk's tsvector stays in its row (storage main: compressed there if need be, moved out
--    only if the row cannot fit a page). Out of line, reading one cost an index lookup in the
--    TOAST table: 30 µs a chunk on PGlite, more than scoring it. The chunk's text, read only
--    for the results shown, goes out of line in its place.
-- Existing chunks are rewritten so that their tsvectors move into their rows; the chunks_analyse
-- trigger (migration 014) computes the same tsvector and token count again.
-- Plain SQL: PostgreSQL 15+ and PGlite alike.
alter index chunks_tsv set (fastupdate = off);
select gin_clean_pending_list('chunks_tsv'::regclass);
alter table chunks alter column tsv set storage main;
update chunks set tsv = tsv;
