-- Moves whenever the collection's searchable content changes (a document indexed, deleted or the
-- collection reindexed), in the same transaction as the change: cached query answers are keyed
-- by it, so they are never served after the index changed.
alter table collections add column index_version bigint not null default 0;
