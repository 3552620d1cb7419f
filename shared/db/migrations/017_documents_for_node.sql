-- A document that an index function on Workers could not read, and an index worker on Node can
-- (text whose encoding only Node's detector tells; shared/extract/needs-node-runtime.ts), is
-- handed back pending with this set, so that Workers claim it no more and Node's workers do.
-- It is a property of the file's content: requeueing or reindexing keeps it.
-- Plain SQL: PostgreSQL 15+ and PGlite alike.
alter table documents add column index_on_node_only boolean not null default false;
