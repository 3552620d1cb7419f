-- Collection names are unique by how they read, not byte for byte: two keys, each unique,
-- the UTS #39 confusable skeletons of the cleaned name lower-cased (name_key) and as written
-- (name_skeleton); shared/collections/collection-name-key.ts says why two. The library
-- computes them, as Unicode's confusables table has no SQL form: this migration's data step
-- (backfillCollectionNameKeys) fills them for existing rows without failing on names that now
-- read alike, then makes them required. The exact-name constraint of 001 stays.
alter table collections add column name_key text;
alter table collections add column name_skeleton text;
create unique index collections_name_key_unique on collections (name_key);
create unique index collections_name_skeleton_unique on collections (name_skeleton);
