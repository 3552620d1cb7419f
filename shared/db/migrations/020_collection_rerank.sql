-- Whether a collection's queries are reranked when they do not say (POST /query's `rerank`):
-- true or false as the collection was created with, null to follow the server's RERANK_DEFAULT.
-- Plain SQL: PostgreSQL 15+ and PGlite alike.
alter table collections add column rerank boolean;
