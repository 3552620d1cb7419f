-- Keyword search in each collection's language. A collection names a text-search configuration
-- PostgreSQL ships (english, french, german, ..., simple for languages without a stemmer), checked
-- against pg_ts_config when the collection is made (shared/collections/collection-language.ts)
-- and never changed afterwards. Stored as its name, not as regconfig: pg_upgrade refuses tables
-- with regconfig columns (the type stores an OID that a new cluster does not keep).
alter table collections add column language text not null default 'english';

-- What a chunk's tsvector analyses: its text, or its search form where that differs (NFKC, words of
-- Chinese, Japanese, Thai and Korean separated; shared/retrieval/search-text.ts), which the library
-- computes as SQL cannot, and stores only then.
alter table chunks add column search_text text;

-- A generated column cannot read the collection's row, so tsv and token_count become plain columns
-- that a trigger fills on every write, as the generated expressions did: whoever writes a chunk
-- (indexing, a restore's data load runs before triggers exist and brings their dumped values) gets
-- them from the collection's language and cannot set them otherwise. The existing values, analysed
-- in english, stay: every existing collection is english. The GIN index on tsv and the
-- (collection_id) include (token_count) index keep serving unchanged, and queries analyse with the
-- same configuration, passed in from the collection (shared/retrieval/bm25.ts). The trigger runs
-- before the statement-level triggers of migrations 008/009, which read token_count as set here.
alter table chunks alter column tsv drop expression;
alter table chunks alter column token_count drop expression;

create or replace function chunks_analyse() returns trigger language plpgsql as $$
begin
  new.tsv := to_tsvector(
    (select language from collections where id = new.collection_id)::regconfig,
    coalesce(new.search_text, new.text));
  new.token_count := tsvector_token_count(new.tsv);
  return new;
end $$;

create or replace trigger chunks_analyse
  before insert or update of text, search_text, collection_id, tsv, token_count on chunks
  for each row execute function chunks_analyse();
